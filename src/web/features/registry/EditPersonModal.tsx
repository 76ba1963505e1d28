// Change a person: the record (alias, site, case worker, lawful basis) and, when
// needed, corrections of the identity. Old identity values are never shown here:
// a field left empty stays as it is. An identity correction needs a reason and the
// password again (the API client asks); a stale version is explained, not retried.
import { Alert, Button, Checkbox, Divider, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { LAWFUL_BASES, type IdentityField, type LawfulBasis, type Person } from '../../../common/persons.ts';
import type { UpdatePersonSchema } from '../../../common/registry-rights.ts';
import { FormError } from '../../components/FormError.tsx';
import { ApiError, fieldErrors } from '../../lib/api-client.ts';
import { can, useSession } from '../auth/session.ts';
import { useCaseWorkers, useSiteOptions, useSubjectRequests, useUpdatePerson } from './registry.api.ts';

export function EditPersonModal({ person, opened, onClose }: { person: Person; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('registry');
  return (
    <Modal opened={opened} onClose={onClose} title={`${t('form.editTitle')} — ${person.caseCode}`} size="lg">
      {opened && <EditPersonForm person={person} onClose={onClose} />}
    </Modal>
  );
}

type UpdateBody = z.input<typeof UpdatePersonSchema>;
const OPTIONAL: Exclude<IdentityField, 'fullName'>[] = ['nik', 'kk', 'birthDate', 'phone', 'address'];
type Corrections = Record<IdentityField, string>;
const NO_CORRECTIONS: Corrections = { fullName: '', nik: '', kk: '', birthDate: '', phone: '', address: '' };

function EditPersonForm({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const session = useSession();
  const queryClient = useQueryClient();
  const update = useUpdatePerson(person.id);
  const [alias, setAlias] = useState(person.alias ?? '');
  const [siteId, setSiteId] = useState<string | null>(person.siteId ? String(person.siteId) : null);
  const [worker, setWorker] = useState<string | null>(person.assignedUserId ? String(person.assignedUserId) : null);
  const [basis, setBasis] = useState<LawfulBasis>(person.lawfulBasis);
  const [sex, setSex] = useState(person.sex);
  const [corrections, setCorrections] = useState<Corrections>(NO_CORRECTIONS);
  const [cleared, setCleared] = useState<Set<IdentityField>>(new Set());
  const [reason, setReason] = useState('');
  const [requestId, setRequestId] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const sites = useSiteOptions(person.regencyCode, can(session, 'site.read'));
  const workers = useCaseWorkers(person.regencyCode, true);
  const requests = useSubjectRequests({ personId: person.id, kind: 'correction', limit: 50, offset: 0 }, can(session, 'subject_request.read'));
  const openCorrections = (requests.data?.items ?? []).filter((r) => r.status === 'open' || r.status === 'in_progress');

  const identityChanged = sex !== person.sex || cleared.size > 0 || Object.values(corrections).some((v) => v.trim());
  const server = fieldErrors(update.error);
  const local = { reason: !identityChanged || reason.trim().length >= 10 ? undefined : t('form.minChars', { min: 10 }) };
  const show = (key: string) => server[key] ?? (checked ? (local as Record<string, string | undefined>)[key] : undefined);
  const stale = update.error instanceof ApiError && update.error.code === 'person.stale';

  const body = () => {
    const b: Record<string, unknown> = { version: person.version };
    if ((alias.trim() || null) !== person.alias) b.alias = alias.trim() || null;
    if ((siteId ? Number(siteId) : null) !== person.siteId) b.siteId = siteId ? Number(siteId) : null;
    if ((worker ? Number(worker) : null) !== person.assignedUserId) b.assignedUserId = worker ? Number(worker) : null;
    if (basis !== person.lawfulBasis) b.lawfulBasis = basis;
    if (sex !== person.sex) b.sex = sex;
    for (const f of Object.keys(corrections) as IdentityField[]) if (corrections[f].trim()) b[f] = corrections[f].trim();
    for (const f of cleared) b[f] = null;
    if (reason.trim()) b.reason = reason.trim();
    if (requestId) b.subjectRequestId = Number(requestId);
    return b;
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (local.reason) return;
        update.mutate(body() as UpdateBody, { onSuccess: onClose });
      }}
    >
      <Stack>
        {stale ? (
          <Alert color="orange" variant="light" role="alert">
            <Text size="sm">{t('form.stale')}</Text>
            <Button mt="xs" size="xs" variant="white" color="orange" onClick={() => void queryClient.invalidateQueries({ queryKey: ['persons', 'one', person.id] }).then(onClose)}>
              {t('form.reload')}
            </Button>
          </Alert>
        ) : (
          <FormError error={update.error} shownFields={['alias', 'siteId', 'assignedUserId', 'lawfulBasis', 'sex', 'reason', ...Object.keys(NO_CORRECTIONS)]} />
        )}
        <Divider label={t('form.record')} labelPosition="left" />
        <TextInput label={t('form.alias')} description={t('form.aliasHelp')} value={alias} onChange={(e) => setAlias(e.currentTarget.value)} error={show('alias')} data-autofocus />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t('form.site')}
            placeholder={t('form.noSite')}
            data={(sites.data?.items ?? []).map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
            value={siteId}
            onChange={setSiteId}
            error={show('siteId')}
            clearable
            searchable
            comboboxProps={{ withinPortal: false }}
          />
          <Select
            label={t('form.caseWorker')}
            placeholder={t('form.noCaseWorker')}
            data={(workers.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
            value={worker}
            onChange={setWorker}
            error={show('assignedUserId')}
            clearable
            searchable
            comboboxProps={{ withinPortal: false }}
          />
          <Select
            label={t('form.lawfulBasis')}
            data={LAWFUL_BASES.map((b) => ({ value: b, label: t(`basis.${b}`) }))}
            value={basis}
            onChange={(v) => v && setBasis(v as LawfulBasis)}
            error={show('lawfulBasis')}
            comboboxProps={{ withinPortal: false }}
          />
        </SimpleGrid>

        {!person.erased && (
          <>
            <Divider label={t('form.correctIdentity')} labelPosition="left" />
            <Text size="sm" c="dimmed">
              {t('form.correctIdentityHelp')}
            </Text>
            <TextInput
              label={t('form.fullName')}
              placeholder="••••"
              autoComplete="off"
              value={corrections.fullName}
              onChange={(e) => setCorrections({ ...corrections, fullName: e.currentTarget.value })}
              error={show('fullName')}
            />
            <Select
              label={t('form.sex')}
              data={(['female', 'male'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))}
              value={sex}
              onChange={(v) => (v === 'male' || v === 'female') && setSex(v)}
              error={show('sex')}
              comboboxProps={{ withinPortal: false }}
            />
            {OPTIONAL.map((f) => (
              <Group key={f} align="flex-end" gap="sm" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  type={f === 'birthDate' ? 'date' : 'text'}
                  label={t(`form.${f}`)}
                  placeholder={person.identityFields.includes(f) ? '••••' : ''}
                  autoComplete="off"
                  disabled={cleared.has(f)}
                  value={corrections[f]}
                  onChange={(e) => setCorrections({ ...corrections, [f]: e.currentTarget.value })}
                  error={show(f)}
                />
                {person.identityFields.includes(f) && (
                  <Checkbox
                    mb={8}
                    label={t('form.clearField', { field: t(`fields.${f}`) })}
                    checked={cleared.has(f)}
                    onChange={(e) => {
                      const next = new Set(cleared);
                      if (e.currentTarget.checked) next.add(f);
                      else next.delete(f);
                      setCleared(next);
                    }}
                  />
                )}
              </Group>
            ))}
          </>
        )}
        {(identityChanged || openCorrections.length > 0) && (
          <>
            <Textarea
              label={t('form.reason')}
              description={t('form.reasonHelp')}
              required={identityChanged}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={show('reason')}
            />
            {openCorrections.length > 0 && (
              <Select
                label={t('form.correctionRequest')}
                placeholder={t('form.noCorrectionRequest')}
                data={openCorrections.map((r) => ({ value: String(r.id), label: `#${r.id} ${t('requests.kinds.correction')}` }))}
                value={requestId}
                onChange={setRequestId}
                clearable
                comboboxProps={{ withinPortal: false }}
              />
            )}
            {identityChanged && (
              <Text size="xs" c="dimmed">
                {t('form.reauthNote')}
              </Text>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
