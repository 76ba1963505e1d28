// /surat/baru and /surat/:id/ubah: write a draft letter (no number until it is issued).
import { Alert, Anchor, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LETTER_NATURES, LETTER_TYPES, type Letter, type LetterType } from '../../../common/letters.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { useRegionList } from '../regions/regions.api.ts';
import { useCreateLetter, useLetter, useLetterTemplates, useLetterUnits, useProgrammeOptions, useSiteOptions, useUpdateLetter } from './letters.api.ts';
import { todayWib } from './letter-format.ts';
import { indexedErrors, ListInput } from './ListInput.tsx';
import { filledRecipients, RecipientInputs, recipientRow, type RecipientRow } from './RecipientInputs.tsx';

const TEMPLATE_PLACEHOLDERS = '{number} {date} {subject} {recipient} {unit} {place} {signatory_name} {signatory_title}';

export function NewLetterPage() {
  const { t } = useTranslation('letters');
  usePageTitle(t('form.newTitle'));
  return <LetterForm letter={null} />;
}

export function EditLetterPage() {
  const { t } = useTranslation('letters');
  const id = Number(useParams().id);
  const letter = useLetter(id);
  usePageTitle(t('form.editTitle'));
  if (letter.error) return <ErrorState title={t('detail.loadFailed')} error={letter.error} onRetry={() => void letter.refetch()} />;
  if (!letter.data) return <PageLoader />;
  if (!letter.data.actions.includes('update')) {
    return (
      <Alert color="yellow" title={t('form.notEditable')}>
        <Anchor component={Link} to={`/surat/${id}`}>
          {t('detail.back')}
        </Anchor>
      </Alert>
    );
  }
  return <LetterForm key={letter.data.id} letter={letter.data} />;
}

function LetterForm({ letter }: { letter: Letter | null }) {
  const { t } = useTranslation('letters');
  const navigate = useNavigate();
  const session = useSession();
  const isNew = letter === null;
  const units = useLetterUnits();
  const writableUnits = (units.data?.items ?? []).filter((u) => u.actions.includes('update'));
  const programmes = useProgrammeOptions(can(session, 'program.read'));
  const sites = useSiteOptions(can(session, 'site.read'));

  const [unitId, setUnitId] = useState<number | null>(letter?.unit.id ?? null);
  const [type, setType] = useState<LetterType | null>(letter?.type ?? null);
  const [subject, setSubject] = useState(letter?.subject ?? '');
  const [nature, setNature] = useState<string>(letter?.nature ?? 'biasa');
  const [classification, setClassification] = useState(letter?.classification ?? '');
  const [attachmentsCount, setAttachmentsCount] = useState<number>(letter?.attachmentsCount ?? 0);
  const [letterDate, setLetterDate] = useState(letter?.letterDate ?? todayWib());
  const [signatoryName, setSignatoryName] = useState(letter?.signatoryName ?? '');
  const [signatoryTitle, setSignatoryTitle] = useState(letter?.signatoryTitle ?? '');
  const [body, setBody] = useState(letter?.body ?? '');
  const [copiesTo, setCopiesTo] = useState<string[]>(letter?.copiesTo ?? []);
  const [programmeId, setProgrammeId] = useState<string | null>(letter?.programmeId ? String(letter.programmeId) : null);
  const [regionCodes, setRegionCodes] = useState<string[]>(letter?.regionCodes ?? []);
  const [siteIds, setSiteIds] = useState<string[]>((letter?.siteIds ?? []).map(String));
  const [recipients, setRecipients] = useState<RecipientRow[]>([recipientRow()]);
  const [checked, setChecked] = useState(false);

  // One writable unit: choose it.
  useEffect(() => {
    if (isNew && unitId === null && writableUnits.length === 1) setUnitId(writableUnits[0]!.id);
  }, [isNew, unitId, writableUnits.length]);

  const unit = units.data?.items.find((u) => u.id === unitId) ?? null;
  const provinceCode = unit ? unit.regionCode.slice(0, 2) : null;
  const regencies = useRegionList({ parent: provinceCode ?? '', limit: 1000, offset: 0 }, { enabled: provinceCode !== null });

  // The unit's template for the type fills the body, unless the user wrote their own.
  const templates = useLetterTemplates(unitId);
  const applied = useRef<string | null>(isNew ? '' : null);
  const template = type ? templates.data?.find((tpl) => tpl.type === type)?.body : undefined;
  useEffect(() => {
    if (!templates.data || applied.current === null || body !== applied.current) return;
    const next = template ?? '';
    applied.current = next;
    setBody(next);
  }, [templates.data, template]);

  const create = useCreateLetter();
  const update = useUpdateLetter();
  const mutation = isNew ? create : update;
  const server = fieldErrors(mutation.error);
  const local = {
    unitId: unitId !== null ? undefined : t('form.required'),
    type: type !== null ? undefined : t('form.required'),
    subject: subject.trim() ? undefined : t('form.required'),
    letterDate: /^\d{4}-\d{2}-\d{2}$/.test(letterDate) ? undefined : t('form.required'),
  };
  const show = (key: string) => server[key] ?? (checked ? local[key as keyof typeof local] : undefined);
  const recipientErrors = Object.entries(server)
    .filter(([field]) => field.startsWith('recipients'))
    .map(([, message]) => message);

  const submit = () => {
    setChecked(true);
    if (Object.values(local).some(Boolean) || unitId === null || type === null) return;
    const fields = {
      type,
      letterDate,
      subject: subject.trim(),
      classification: classification.trim(),
      nature: nature as (typeof LETTER_NATURES)[number],
      attachmentsCount,
      signatoryName: signatoryName.trim(),
      signatoryTitle: signatoryTitle.trim(),
      copiesTo: copiesTo.map((c) => c.trim()).filter(Boolean),
      programmeId: programmeId ? Number(programmeId) : null,
      regionCodes,
      siteIds: siteIds.map(Number),
    };
    const newRecipients = filledRecipients(recipients);
    if (isNew) {
      create.mutate(
        { body: { unitId, ...fields, ...(body.trim() ? { body } : {}) }, recipients: newRecipients },
        { onSuccess: ({ letter: created, recipientsError }) => void navigate(`/surat/${created.id}`, { state: recipientsError ? { recipientsFailed: true } : null }) },
      );
    } else {
      update.mutate({ id: letter.id, body: { ...fields, body }, recipients: newRecipients }, { onSuccess: () => void navigate(`/surat/${letter.id}`) });
    }
  };

  if (units.error) return <ErrorState title={t('units.loadFailed')} error={units.error} onRetry={() => void units.refetch()} />;
  if (!units.data) return <PageLoader />;

  const shown = ['unitId', 'type', 'subject', 'nature', 'classification', 'attachmentsCount', 'letterDate', 'signatoryName', 'signatoryTitle', 'body', 'programmeId', 'regionCodes', 'siteIds'];
  const copyErrors = indexedErrors(server, 'copiesTo');

  return (
    <Stack gap="md">
      <Anchor component={Link} to={letter ? `/surat/${letter.id}` : '/surat'} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {letter ? t('detail.back') : t('register.title')}
        </Group>
      </Anchor>
      <Title order={1}>{isNew ? t('form.newTitle') : t('form.editTitle')}</Title>
      {isNew && writableUnits.length === 0 && (
        <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} title={t('form.noUnit')}>
          <Anchor component={Link} to="/surat/unit">
            {t('form.noUnitHelp')}
          </Anchor>
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <FormError error={mutation.error} shownFields={[...shown, ...Object.keys(server).filter((f) => f.startsWith('copiesTo.') || f.startsWith('recipients'))]} />
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('fields.unit')}
                data={(isNew ? writableUnits : units.data.items).map((u) => ({ value: String(u.id), label: `${u.code} — ${u.name}` }))}
                value={unitId === null ? null : String(unitId)}
                onChange={(value) => setUnitId(value ? Number(value) : null)}
                disabled={!isNew}
                required
                searchable
                error={show('unitId')}
              />
              <Select
                label={t('fields.type')}
                data={LETTER_TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
                value={type}
                onChange={(value) => setType(value as LetterType | null)}
                required
                error={show('type')}
              />
              <TextInput label={t('fields.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required maxLength={500} error={show('subject')} />
              <TextInput type="date" label={t('fields.letterDate')} value={letterDate} onChange={(e) => setLetterDate(e.currentTarget.value)} required error={show('letterDate')} />
              <Select
                label={t('fields.nature')}
                data={LETTER_NATURES.map((value) => ({ value, label: t(`natures.${value}`) }))}
                value={nature}
                onChange={(value) => value && setNature(value)}
                allowDeselect={false}
                error={show('nature')}
              />
              <NumberInput
                label={t('fields.attachmentsCount')}
                value={attachmentsCount}
                onChange={(value) => setAttachmentsCount(typeof value === 'number' ? value : Number(value) || 0)}
                min={0}
                max={999}
                allowDecimal={false}
                allowNegative={false}
                error={show('attachmentsCount')}
              />
              <TextInput
                label={t('fields.classification')}
                description={t('form.classificationHelp')}
                value={classification}
                onChange={(e) => setClassification(e.currentTarget.value)}
                maxLength={50}
                error={show('classification')}
              />
              <div />
              <TextInput label={t('fields.signatoryName')} value={signatoryName} onChange={(e) => setSignatoryName(e.currentTarget.value)} maxLength={200} error={show('signatoryName')} />
              <TextInput label={t('fields.signatoryTitle')} value={signatoryTitle} onChange={(e) => setSignatoryTitle(e.currentTarget.value)} maxLength={200} error={show('signatoryTitle')} />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="xs">
              {t('form.signatoryHelp')}
            </Text>
          </Paper>

          <Textarea
            label={t('fields.body')}
            description={template !== undefined ? t('form.bodyFromTemplate', { placeholders: TEMPLATE_PLACEHOLDERS }) : t('form.bodyHelp', { placeholders: TEMPLATE_PLACEHOLDERS })}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={30}
            error={show('body')}
          />

          {letter && (letter.recipients?.length ?? 0) > 0 && (
            <Paper withBorder p="md">
              <Text fw={500} size="sm">
                {t('form.existingRecipients')}
              </Text>
              <Text size="sm">{letter.recipients!.map((r) => r.recipient).join('; ')}</Text>
            </Paper>
          )}
          <RecipientInputs
            rows={recipients}
            onChange={setRecipients}
            provinceCode={provinceCode}
            offset={letter?.recipients?.length ?? 0}
            legend={letter ? t('form.moreRecipients') : undefined}
            error={recipientErrors[0]}
          />

          <ListInput
            legend={t('fields.copiesTo')}
            itemLabel={(n) => t('form.copyN', { n })}
            addLabel={t('form.addCopy')}
            removeLabel={(n) => t('form.removeCopy', { n })}
            values={copiesTo}
            onChange={setCopiesTo}
            errors={copyErrors}
            help={t('form.copiesHelp')}
          />

          <Paper withBorder p="md">
            <Text fw={500} size="sm" mb="xs">
              {t('form.links')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t('fields.programme')}
                placeholder={programmes.data?.items.length === 0 ? t('form.none') : undefined}
                data={(programmes.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
                value={programmeId}
                onChange={setProgrammeId}
                clearable
                searchable
                error={show('programmeId')}
              />
              <MultiSelect
                label={t('fields.regions')}
                data={(regencies.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
                value={regionCodes}
                onChange={setRegionCodes}
                searchable
                clearable
                error={show('regionCodes')}
              />
              <MultiSelect
                label={t('fields.sites')}
                data={(sites.data?.items ?? []).map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
                value={siteIds}
                onChange={setSiteIds}
                searchable
                clearable
                error={show('siteIds')}
              />
            </SimpleGrid>
          </Paper>

          <Group justify="flex-end">
            <Button variant="default" component={Link} to={letter ? `/surat/${letter.id}` : '/surat'}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('form.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
