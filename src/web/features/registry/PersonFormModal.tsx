// Register a person: identity fields (sent once, stored encrypted) with live NIK
// feedback, and the pseudonymous record (alias, regency, site, lawful basis, case worker).
import { Alert, Button, Divider, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAWFUL_BASES, type LawfulBasis, type Person } from '../../../common/persons.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { can, useSession } from '../auth/session.ts';
import { useRegionList } from '../regions/regions.api.ts';
import { useWorkingRegion } from '../regions/working-region.tsx';
import { NikFeedback } from './NikFeedback.tsx';
import { useCaseWorkers, useCreatePerson, useSiteOptions } from './registry.api.ts';

type PersonFormModalProps = { opened: boolean; onClose: () => void; onCreated: (person: Person) => void };

export function PersonFormModal({ opened, onClose, onCreated }: PersonFormModalProps) {
  const { t } = useTranslation('registry');
  return (
    <Modal opened={opened} onClose={onClose} title={t('form.createTitle')} size="lg">
      {opened && <CreatePersonForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

const EMPTY = { fullName: '', nik: '', kk: '', birthDate: '', phone: '', address: '', alias: '' };
type Texts = typeof EMPTY;

/** Empty text → left out (the server treats absent optional fields as unknown). */
const opt = (s: string) => (s.trim() ? s.trim() : undefined);

function CreatePersonForm({ onClose, onCreated }: { onClose: () => void; onCreated: (person: Person) => void }) {
  const { t } = useTranslation('registry');
  const session = useSession();
  const { code: working } = useWorkingRegion();
  const create = useCreatePerson();
  const [texts, setTexts] = useState<Texts>(EMPTY);
  const [sex, setSex] = useState<'male' | 'female' | null>(null);
  // A regency officer registers in their regency; others start from the working region.
  const scope = session.me?.scope;
  const [regency, setRegency] = useState<string | null>(scope?.level === 'regency' ? scope.code : working.length >= 5 ? working.slice(0, 5) : null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [basis, setBasis] = useState<LawfulBasis>('public_task');
  const [worker, setWorker] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const regencies = useRegionList({ parent: (scope && scope.level !== 'national' ? scope.code : working).slice(0, 2), limit: 1000, offset: 0 });
  const sites = useSiteOptions(regency ?? undefined, regency !== null && can(session, 'site.read'));
  const workers = useCaseWorkers(regency ?? '', regency !== null);
  const server = fieldErrors(create.error);
  const local: Record<string, string | undefined> = {
    fullName: texts.fullName.trim().length >= 2 ? undefined : t('form.minChars', { min: 2 }),
    sex: sex ? undefined : t('form.required'),
    regencyCode: regency ? undefined : t('form.required'),
  };
  const show = (key: string) => server[key] ?? (checked ? local[key] : undefined);
  const text = (key: keyof Texts) => ({
    value: texts[key],
    onChange: (e: { currentTarget: { value: string } }) => setTexts({ ...texts, [key]: e.currentTarget.value }),
    error: show(key),
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.values(local).some(Boolean) || !sex || !regency) return;
        create.mutate(
          {
            fullName: texts.fullName.trim(),
            nik: opt(texts.nik),
            kk: opt(texts.kk),
            birthDate: opt(texts.birthDate),
            phone: opt(texts.phone),
            address: opt(texts.address),
            alias: opt(texts.alias),
            sex,
            regencyCode: regency,
            siteId: siteId ? Number(siteId) : undefined,
            lawfulBasis: basis,
            assignedUserId: worker ? Number(worker) : undefined,
          },
          {
            onSuccess: (person) => {
              onClose();
              onCreated(person);
            },
          },
        );
      }}
    >
      <Stack>
        <FormError error={create.error} shownFields={['fullName', 'nik', 'kk', 'birthDate', 'phone', 'address', 'alias', 'sex', 'regencyCode', 'siteId', 'lawfulBasis', 'assignedUserId']} />
        <Divider label={t('form.identity')} labelPosition="left" />
        <TextInput label={t('form.fullName')} required autoComplete="off" {...text('fullName')} data-autofocus />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t('form.sex')}
            required
            data={(['female', 'male'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))}
            value={sex}
            onChange={(v) => setSex(v === 'male' || v === 'female' ? v : null)}
            error={show('sex')}
            comboboxProps={{ withinPortal: false }}
          />
          <TextInput type="date" label={t('form.birthDate')} {...text('birthDate')} />
        </SimpleGrid>
        <TextInput label={t('form.nik')} description={t('form.nikHelp')} inputMode="numeric" autoComplete="off" {...text('nik')} />
        <NikFeedback nik={texts.nik} sex={sex} birthDate={texts.birthDate} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('form.kk')} inputMode="numeric" autoComplete="off" {...text('kk')} />
          <TextInput label={t('form.phone')} inputMode="tel" autoComplete="off" {...text('phone')} />
        </SimpleGrid>
        <Textarea label={t('form.address')} autosize minRows={2} autoComplete="off" {...text('address')} />

        <Divider label={t('form.record')} labelPosition="left" />
        <TextInput label={t('form.alias')} description={t('form.aliasHelp')} {...text('alias')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t('form.regency')}
            required
            data={(regencies.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            value={regency}
            onChange={(v) => {
              setRegency(v);
              setSiteId(null);
              setWorker(null);
            }}
            error={show('regencyCode')}
            searchable
            comboboxProps={{ withinPortal: false }}
          />
          <Select
            label={t('form.site')}
            placeholder={t('form.noSite')}
            data={(sites.data?.items ?? []).map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
            value={siteId}
            onChange={setSiteId}
            error={show('siteId')}
            clearable
            searchable
            disabled={!regency}
            comboboxProps={{ withinPortal: false }}
          />
          <Select
            label={t('form.lawfulBasis')}
            description={t('form.lawfulBasisHelp')}
            required
            data={LAWFUL_BASES.map((b) => ({ value: b, label: t(`basis.${b}`) }))}
            value={basis}
            onChange={(v) => v && setBasis(v as LawfulBasis)}
            error={show('lawfulBasis')}
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
            disabled={!regency}
            comboboxProps={{ withinPortal: false }}
          />
        </SimpleGrid>
        {basis === 'consent' && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">{t('form.consentHint')}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('form.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
