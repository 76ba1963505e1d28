// A user's scope: the whole country, a province, or a regency/city.
import { Fieldset, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../regions/RegionPicker.tsx';

type ScopeInputProps = {
  /** 'national' or a province/regency code ('' while none is chosen). */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
};

export function ScopeInput({ value, onChange, error }: ScopeInputProps) {
  const { t } = useTranslation('admin');
  const national = value === 'national';
  return (
    <Fieldset legend={t('form.scope')} variant="unstyled">
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t('form.scope')}
          value={national ? 'national' : 'region'}
          onChange={(next) => onChange(next === 'national' ? 'national' : '')}
          data={[
            { value: 'national', label: t('scope.national') },
            { value: 'region', label: t('scope.region') },
          ]}
        />
        {!national && <RegionPicker value={value} onChange={onChange} maxLevel="regency" provinceError={error} />}
      </Stack>
    </Fieldset>
  );
}
