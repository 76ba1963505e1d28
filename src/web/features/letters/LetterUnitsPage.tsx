// /surat/unit: issuing units — letterhead (kop surat), logo, number format with a preview,
// and a template per letter type. Changes only where the unit's actions allow them.
import { Anchor, Badge, Button, Code, FileButton, Group, Image, Modal, Paper, Select, SimpleGrid, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPhoto, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../common/format.ts';
import { LETTER_TYPES, type LetterType, type LetterUnit } from '../../../common/letters.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { formatLetterNumber } from '../../../common/letter-number.ts';
import { todayWib } from './letter-format.ts';
import { unitLogoUrl, useLetterTemplates, useLetterUnits, usePutTemplate, useUnitLogo } from './letters.api.ts';
import { UnitForm } from './LetterUnitForm.tsx';

export function LetterUnitsPage() {
  const { t } = useTranslation('letters');
  const session = useSession();
  const units = useLetterUnits();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  usePageTitle(t('units.title'));
  const items = units.data?.items ?? [];
  const selected = items.find((u) => String(u.id) === params.get('unit')) ?? items[0] ?? null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/surat" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('register.title')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('units.title')}</Title>
        {can(session, 'letter.manage') && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('units.create')}
          </Button>
        )}
      </Group>
      {units.error ? (
        <ErrorState title={t('units.loadFailed')} error={units.error} onRetry={() => void units.refetch()} />
      ) : !units.data ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{t('units.empty')}</Text>
        </Paper>
      ) : (
        <>
          {items.length > 1 && (
            <Select
              label={t('fields.unit')}
              data={items.map((u) => ({ value: String(u.id), label: `${u.code} — ${u.name}` }))}
              value={selected ? String(selected.id) : null}
              onChange={(value) => value && setParams({ unit: value }, { replace: true })}
              allowDeselect={false}
              searchable
              maw={480}
            />
          )}
          {selected && <UnitPanel key={selected.id} unit={selected} />}
        </>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('units.create')} size="lg">
        {creating && (
          <UnitForm
            unit={null}
            onDone={(created) => {
              setCreating(false);
              if (created) setParams({ unit: String(created.id) }, { replace: true });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function UnitPanel({ unit }: { unit: LetterUnit }) {
  const { t } = useTranslation('letters');
  const [editing, setEditing] = useState(false);
  const canEdit = unit.actions.includes('update');
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
          <div>
            <Title order={2} size="h3">
              {unit.name}
            </Title>
            <Text size="sm" c="dimmed">
              <Code>{unit.code}</Code> · {t('units.region', { code: unit.regionCode })}
            </Text>
          </div>
          {canEdit && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('units.edit')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Letterhead unit={unit} />
          <Stack gap="sm">
            <div>
              <Text size="xs" c="dimmed" fw={500}>
                {t('units.numberFormat')}
              </Text>
              <Code>{unit.numberFormat}</Code>
              <Text size="sm" mt={4}>
                {t('units.previewExample', { number: formatLetterNumber(unit.numberFormat, { seq: 1, unit: unit.code, classification: '460', letterDate: todayWib() }) })}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={500}>
                {t('units.place')}
              </Text>
              <Text size="sm">{unit.place || '–'}</Text>
            </div>
            <LogoEditor unit={unit} />
          </Stack>
        </SimpleGrid>
      </Paper>
      <TemplatesEditor unit={unit} />
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('units.editTitle', { code: unit.code })} size="lg">
        {editing && <UnitForm unit={unit} onDone={() => setEditing(false)} />}
      </Modal>
    </Stack>
  );
}

/** The kop surat as it will head the PDF. */
function Letterhead({ unit }: { unit: LetterUnit }) {
  const { t } = useTranslation('letters');
  return (
    <Paper withBorder p="sm" radius="sm" aria-label={t('units.letterhead')} role="group">
      <Group wrap="nowrap" align="center" gap="md">
        {unit.logoFileId !== null && <Image src={unitLogoUrl(unit.id, unit.logoFileId)} alt={t('units.logoAlt', { name: unit.name })} w={56} h={56} fit="contain" />}
        <Stack gap={0} style={{ flex: 1 }} ta="center">
          {unit.institutionLines.map((line, i) => (
            <Text key={i} fw={700} size="sm" tt="uppercase">
              {line}
            </Text>
          ))}
          <Text fw={700} size="md" tt="uppercase">
            {unit.name}
          </Text>
          {unit.address && <Text size="xs">{unit.address}</Text>}
          {unit.phone && <Text size="xs">{unit.phone}</Text>}
        </Stack>
      </Group>
    </Paper>
  );
}

function LogoEditor({ unit }: { unit: LetterUnit }) {
  const { t } = useTranslation('letters');
  const { upload, remove } = useUnitLogo(unit.id);
  const canEdit = unit.actions.includes('update');
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {t('units.logo')}
      </Text>
      <Text size="sm">{unit.logoFileId !== null ? t('units.logoSet') : unit.logoFile ? t('units.logoLegacy', { file: unit.logoFile }) : t('units.logoNone')}</Text>
      {canEdit && (
        <Group gap="xs" mt={4}>
          <FileButton onChange={(file) => file && upload.mutate(file)} accept="image/png,image/jpeg">
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconPhoto size={14} aria-hidden />} loading={upload.isPending}>
                {unit.logoFileId !== null ? t('units.logoReplace') : t('units.logoUpload')}
              </Button>
            )}
          </FileButton>
          {unit.logoFileId !== null && (
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('units.logoRemove')}
            </Button>
          )}
        </Group>
      )}
      {canEdit && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('units.logoHelp')}
        </Text>
      )}
      <Stack gap={4} mt={4}>
        <FormError error={upload.error} />
        <FormError error={remove.error} />
      </Stack>
    </div>
  );
}

const TEMPLATE_PLACEHOLDERS = ['number', 'date', 'subject', 'recipient', 'unit', 'place', 'signatory_name', 'signatory_title'];

function TemplatesEditor({ unit }: { unit: LetterUnit }) {
  const { t } = useTranslation('letters');
  const templates = useLetterTemplates(unit.id);
  const [type, setType] = useState<LetterType>('instruksi_gubernur');
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {t('templates.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('templates.help', { list: TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ') })}
      </Text>
      {templates.error ? (
        <ErrorState title={t('templates.loadFailed')} error={templates.error} onRetry={() => void templates.refetch()} />
      ) : !templates.data ? (
        <PageLoader />
      ) : (
        <Tabs value={type} onChange={(value) => value && setType(value as LetterType)} keepMounted={false}>
          <Tabs.List>
            {LETTER_TYPES.map((value) => (
              <Tabs.Tab key={value} value={value} rightSection={templates.data.some((tpl) => tpl.type === value) ? <Badge size="xs" variant="light" radius="sm">{t('templates.set')}</Badge> : undefined}>
                {t(`types.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {LETTER_TYPES.map((value) => (
            <Tabs.Panel key={value} value={value} pt="sm">
              <TemplateForm unit={unit} type={value} template={templates.data.find((tpl) => tpl.type === value) ?? null} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Paper>
  );
}

function TemplateForm({ unit, type, template }: { unit: LetterUnit; type: LetterType; template: { body: string; updatedAt: string } | null }) {
  const { t } = useTranslation('letters');
  const language = useDisplayLanguage();
  const put = usePutTemplate(unit.id);
  const [body, setBody] = useState(template?.body ?? '');
  const [saved, setSaved] = useState(false);
  useEffect(() => setBody(template?.body ?? ''), [template?.body]);
  const canEdit = unit.actions.includes('update');
  const server = fieldErrors(put.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        if (body.trim()) put.mutate({ type, body }, { onSuccess: () => setSaved(true) });
      }}
    >
      <Stack gap="sm">
        <FormError error={put.error} shownFields={['body']} />
        <Textarea
          label={t('templates.bodyFor', { type: t(`types.${type}`) })}
          description={template ? t('templates.updatedAt', { at: formatDateTime(template.updatedAt, language) }) : t('templates.none')}
          value={body}
          onChange={(e) => {
            setSaved(false);
            setBody(e.currentTarget.value);
          }}
          autosize
          minRows={6}
          maxRows={24}
          readOnly={!canEdit}
          maxLength={20000}
          error={server.body}
        />
        {canEdit && (
          <Group gap="sm">
            <Button type="submit" loading={put.isPending} disabled={!body.trim() || body === (template?.body ?? '')}>
              {t('templates.save')}
            </Button>
            {saved && (
              <Text size="sm" c="teal.8" role="status">
                {t('templates.saved')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}
