// The issuing unit's form (create or edit): code, name, region, letterhead lines,
// signatory and the number format with a live preview by the formatter that issues.
import { Alert, Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_NUMBER_FORMAT, NUMBER_PLACEHOLDERS, type LetterUnit } from '../../../common/letters.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { useWorkingRegion } from '../regions/working-region.tsx';
import { formatLetterNumber } from '../../../common/letter-number.ts';
import { todayWib } from './letter-format.ts';
import { useCreateUnit, useUpdateUnit } from './letters.api.ts';
import { indexedErrors, ListInput } from './ListInput.tsx';

function numberFormatProblem(format: string, t: (key: 'units.formatNeedsSeq' | 'units.formatUnknown', options?: { names: string }) => string): string | undefined {
  if (!format.includes('{seq}')) return t('units.formatNeedsSeq');
  const unknown = [...format.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!).filter((name) => !(NUMBER_PLACEHOLDERS as readonly string[]).includes(name));
  return unknown.length > 0 ? t('units.formatUnknown', { names: unknown.map((n) => `{${n}}`).join(' ') }) : undefined;
}

export function UnitForm({ unit, onDone }: { unit: LetterUnit | null; onDone: (created?: LetterUnit) => void }) {
  const { t } = useTranslation('letters');
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = unit ? update : create;
  const [code, setCode] = useState('');
  // The working region (chosen in the header) down to regency level, as a starting point.
  const [regionCode, setRegionCode] = useState(useWorkingRegion().code.split('.').slice(0, 2).join('.'));
  const [name, setName] = useState(unit?.name ?? '');
  const [institutionLines, setInstitutionLines] = useState<string[]>(unit?.institutionLines ?? []);
  const [address, setAddress] = useState(unit?.address ?? '');
  const [phone, setPhone] = useState(unit?.phone ?? '');
  const [place, setPlace] = useState(unit?.place ?? '');
  const [numberFormat, setNumberFormat] = useState(unit?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(mutation.error);
  const local = {
    code: unit || /^[A-Z0-9][A-Z0-9.-]{1,39}$/.test(code.trim()) ? undefined : t('units.codeRule'),
    regionCode: unit || regionCode ? undefined : t('form.required'),
    name: name.trim() ? undefined : t('form.required'),
    numberFormat: numberFormatProblem(numberFormat, t),
  };
  const show = (key: keyof typeof local | 'address' | 'phone' | 'place' | 'institutionLines') => server[key] ?? (checked || key === 'numberFormat' ? local[key as keyof typeof local] : undefined);
  const preview = local.numberFormat ? null : formatLetterNumber(numberFormat, { seq: 1, unit: unit?.code ?? (code.trim() || 'UNIT'), classification: '460', letterDate: todayWib() });

  const submit = () => {
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    const fields = {
      name: name.trim(),
      institutionLines: institutionLines.map((l) => l.trim()).filter(Boolean),
      address: address.trim(),
      phone: phone.trim(),
      place: place.trim(),
      numberFormat: numberFormat.trim(),
    };
    if (unit) update.mutate({ id: unit.id, body: fields }, { onSuccess: () => onDone() });
    else create.mutate({ code: code.trim(), regionCode, ...fields }, { onSuccess: (created) => onDone(created) });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <FormError
          error={mutation.error}
          shownFields={['code', 'regionCode', 'name', 'address', 'phone', 'place', 'numberFormat', 'institutionLines', ...Object.keys(server).filter((f) => f.startsWith('institutionLines.'))]}
        />
        {!unit && (
          <>
            <TextInput
              label={t('units.code')}
              description={t('units.codeRule')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
              required
              maxLength={40}
              error={show('code')}
              data-autofocus
            />
            <Fieldset legend={t('units.regionLabel')} variant="unstyled">
              <RegionPicker value={regionCode} onChange={setRegionCode} maxLevel="regency" provinceError={show('regionCode')} />
            </Fieldset>
          </>
        )}
        <TextInput label={t('units.name')} description={t('units.nameHelp')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} error={show('name')} />
        <ListInput
          legend={t('units.institutionLines')}
          help={t('units.institutionLinesHelp')}
          itemLabel={(n) => t('units.lineN', { n })}
          addLabel={t('units.addLine')}
          removeLabel={(n) => t('units.removeLine', { n })}
          values={institutionLines}
          onChange={setInstitutionLines}
          max={5}
          maxLength={200}
          errors={indexedErrors(server, 'institutionLines')}
          error={server.institutionLines}
        />
        <TextInput label={t('units.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} maxLength={300} error={show('address')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('units.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} maxLength={100} error={show('phone')} />
          <TextInput label={t('units.place')} description={t('units.placeHelp')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} maxLength={100} error={show('place')} />
        </SimpleGrid>
        <TextInput
          label={t('units.numberFormat')}
          description={t('units.placeholders', { list: NUMBER_PLACEHOLDERS.map((p) => `{${p}}`).join(' ') })}
          value={numberFormat}
          onChange={(e) => setNumberFormat(e.currentTarget.value)}
          required
          maxLength={200}
          ff="monospace"
          error={show('numberFormat')}
        />
        {preview && (
          <Alert color="teal" variant="light" p="xs" aria-live="polite">
            <Text size="sm">{t('units.preview')}</Text>
            <Text ff="monospace" fw={700}>
              {preview}
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {unit ? t('form.save') : t('units.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
