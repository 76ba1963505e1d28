// Choose a province, then optionally a regency/city and a district. The value is
// the most specific code chosen (65, 65.03 or 65.03.02).
import { Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegionList } from '../../../common/regions.ts';
import { useRegionList, useRegionsReady } from './regions.api.ts';

type RegionPickerProps = {
  value: string;
  onChange: (code: string) => void;
  /** The most specific level offered (a user's scope stops at regency). */
  maxLevel?: 'regency' | 'district';
  /** Lets a form show a required province when none is chosen yet. */
  provinceError?: string | undefined;
};

const ALL = { limit: 1000, offset: 0 };
// Dropdowns render in place so the picker also works inside popovers and modals,
// and open on click only: a popover focuses its first field when it opens.
const COMBOBOX_PROPS = { withinPortal: false };

function toOptions(list: RegionList | undefined) {
  return (list?.items ?? []).map((region) => ({ value: region.code, label: region.name }));
}

export function RegionPicker({ value, onChange, maxLevel = 'district', provinceError }: RegionPickerProps) {
  const { t } = useTranslation('regions');
  const { ready } = useRegionsReady();
  const province = value.slice(0, 2) || null;
  const regency = value.length >= 5 ? value.slice(0, 5) : null;
  const district = value.length >= 8 ? value.slice(0, 8) : null;

  const provinces = useRegionList({ level: 'province', ...ALL }, { enabled: ready });
  const regencies = useRegionList({ parent: province ?? '', ...ALL }, { enabled: ready && province !== null });
  const withDistricts = maxLevel === 'district';
  const districts = useRegionList({ parent: regency ?? '', ...ALL }, { enabled: ready && withDistricts && regency !== null });

  return (
    <Stack gap="sm">
      <Select
        label={t('picker.province')}
        data={toOptions(provinces.data)}
        value={province}
        onChange={(code) => code && onChange(code)}
        allowDeselect={false}
        error={provinceError}
        searchable
        nothingFoundMessage={t('picker.nothingFound')}
        comboboxProps={COMBOBOX_PROPS}
        openOnFocus={false}
      />
      <Select
        label={t('picker.regency')}
        placeholder={t('picker.allRegencies')}
        data={toOptions(regencies.data)}
        value={regency}
        onChange={(code) => onChange(code ?? province ?? '')}
        disabled={province === null}
        clearable
        searchable
        nothingFoundMessage={t('picker.nothingFound')}
        comboboxProps={COMBOBOX_PROPS}
        openOnFocus={false}
      />
      {withDistricts && (
        <Select
          label={t('picker.district')}
          placeholder={regency ? t('picker.allDistricts') : t('picker.chooseRegencyFirst')}
          data={toOptions(districts.data)}
          value={district}
          onChange={(code) => onChange(code ?? regency ?? province ?? '')}
          disabled={regency === null}
          clearable
          searchable
          nothingFoundMessage={t('picker.nothingFound')}
          comboboxProps={COMBOBOX_PROPS}
          openOnFocus={false}
        />
      )}
    </Stack>
  );
}
