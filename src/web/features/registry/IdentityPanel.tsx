// A person's identity, masked ("••••"). "Tampilkan" asks which fields and why,
// the server asks for the password again (the API client opens the
// re-authentication dialog), and the values show for a limited time, held in this
// component only — never in the query cache or in storage.
import { Alert, Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconEye, IconEyeOff, IconTrashX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateMedium } from '../../../common/format.ts';
import { IDENTITY_FIELDS, type IdentityField, type Person } from '../../../common/persons.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { can, useSession } from '../auth/session.ts';
import { useReveal, useSubjectRequests } from './registry.api.ts';

/** How long revealed values stay on screen. */
const SHOW_SECONDS = 60;

type Revealed = { values: Partial<Record<IdentityField, string | null>>; until: number };

export function IdentityPanel({ person }: { person: Person }) {
  const { t } = useTranslation('registry');
  const language = useDisplayLanguage();
  const [asking, setAsking] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!revealed) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= revealed.until) setRevealed(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [revealed]);
  // Leaving the person (or the page) forgets the values.
  useEffect(() => () => setRevealed(null), [person.id]);

  const allowed = person.actions.includes('reveal_identity');
  const shown = (f: IdentityField): string => {
    if (!person.identityFields.includes(f)) return t('identity.empty');
    const v = revealed?.values[f];
    if (v === undefined) return t('identity.masked');
    if (v === null) return t('identity.empty');
    return f === 'birthDate' ? `${formatDateMedium(v, language)} (${v})` : v;
  };

  if (person.erased)
    return (
      <Alert color="gray" variant="light" icon={<IconTrashX aria-hidden />} title={t('detail.erasedTitle')}>
        {t('detail.erased')}
      </Alert>
    );

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <div>
          <Title order={2} size="h4">
            {t('identity.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('identity.help')}
          </Text>
        </div>
        {revealed ? (
          <Group gap="xs">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('identity.shownFor', { seconds: Math.max(0, Math.ceil((revealed.until - now) / 1000)) })}
            </Text>
            <Button variant="default" size="xs" leftSection={<IconEyeOff size={14} aria-hidden />} onClick={() => setRevealed(null)}>
              {t('identity.hide')}
            </Button>
          </Group>
        ) : (
          allowed && (
            <Button variant="light" size="xs" leftSection={<IconEye size={14} aria-hidden />} onClick={() => setAsking(true)}>
              {t('identity.reveal')}
            </Button>
          )
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
        {IDENTITY_FIELDS.map((f) => (
          <div key={f}>
            <Text component="dt" size="xs" c="dimmed">
              {t(`fields.${f}`)}
            </Text>
            <Text component="dd" m={0} ff={revealed?.values[f] ? undefined : 'monospace'} c={person.identityFields.includes(f) ? undefined : 'dimmed'}>
              {shown(f)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {!allowed && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('identity.notAllowed')}
        </Text>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('identity.dialogTitle')}>
        {asking && (
          <RevealForm
            person={person}
            onCancel={() => setAsking(false)}
            onRevealed={(values) => {
              setAsking(false);
              setNow(Date.now());
              setRevealed({ values, until: Date.now() + SHOW_SECONDS * 1000 });
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}

function RevealForm({ person, onCancel, onRevealed }: { person: Person; onCancel: () => void; onRevealed: (values: Revealed['values']) => void }) {
  const { t } = useTranslation('registry');
  const session = useSession();
  const reveal = useReveal(person.id);
  const [fields, setFields] = useState<IdentityField[]>(person.identityFields);
  const [reason, setReason] = useState('');
  const [requestId, setRequestId] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const pending = useSubjectRequests({ personId: person.id, limit: 50, offset: 0 }, person.processingRestricted && can(session, 'subject_request.read'));
  const open = (pending.data?.items ?? []).filter((r) => r.status === 'open' || r.status === 'in_progress');
  const server = fieldErrors(reveal.error);
  const local = {
    fields: fields.length > 0 ? undefined : t('identity.chooseAtLeastOne'),
    reason: reason.trim().length >= 10 ? undefined : t('form.minChars', { min: 10 }),
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (local.fields || local.reason) return;
        reveal.mutate(
          { fields, reason: reason.trim(), ...(requestId ? { subjectRequestId: Number(requestId) } : {}) },
          {
            onSuccess: (answer) => {
              reveal.reset();
              onRevealed(answer.fields);
            },
          },
        );
      }}
    >
      <Stack>
        <FormError error={reveal.error} shownFields={['fields', 'reason', 'subjectRequestId']} />
        <Checkbox.Group label={t('identity.chooseFields')} value={fields} onChange={(v) => setFields(v as IdentityField[])} error={server.fields ?? (checked ? local.fields : undefined)}>
          <SimpleGrid cols={2} mt="xs" spacing="xs">
            {person.identityFields.map((f) => (
              <Checkbox key={f} value={f} label={t(`fields.${f}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label={t('identity.reason')}
          description={t('identity.reasonHelp')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={server.reason ?? (checked ? local.reason : undefined)}
          data-autofocus
        />
        {person.processingRestricted && (
          <Select
            label={t('identity.subjectRequest')}
            description={t('identity.subjectRequestHelp')}
            placeholder={t('identity.noRequest')}
            data={open.map((r) => ({ value: String(r.id), label: `#${r.id} ${t(`requests.kinds.${r.kind}`)}` }))}
            value={requestId}
            onChange={setRequestId}
            clearable
            comboboxProps={{ withinPortal: false }}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('identity.cancel')}
          </Button>
          <Button type="submit" loading={reveal.isPending} leftSection={<IconEye size={16} aria-hidden />}>
            {t('identity.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
