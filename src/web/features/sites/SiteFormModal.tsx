// Register a site, or change its details (its place is fixed once registered: the code depends on it).
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../common/sites.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { useRegionList } from '../regions/regions.api.ts';
import { useWorkingRegion } from '../regions/working-region.tsx';
import { useCreateSite, useUpdateSite } from './sites.api.ts';

type SiteFormModalProps = {
  /** null: closed; 'new': register; a site: edit. */
  target: Site | 'new' | null;
  onClose: () => void;
  onCreated?: (site: Site) => void;
};

export function SiteFormModal({ target, onClose, onCreated }: SiteFormModalProps) {
  const { t } = useTranslation('sites');
  return (
    <Modal opened={target !== null} onClose={onClose} title={target === 'new' ? t('form.createTitle') : t('form.editTitle')} size="lg">
      {target === 'new' && <CreateSiteForm onClose={onClose} onCreated={onCreated} />}
      {target !== null && target !== 'new' && <EditSiteForm key={target.id} site={target} onClose={onClose} />}
    </Modal>
  );
}

type Details = {
  name: string;
  localNames: string[];
  latitude: number | string;
  longitude: number | string;
  description: string;
  managingParties: string;
};

function initialDetails(site?: Site): Details {
  return {
    name: site?.name ?? '',
    localNames: site?.localNames ?? [],
    latitude: site?.latitude ?? '',
    longitude: site?.longitude ?? '',
    description: site?.description ?? '',
    managingParties: site?.managingParties ?? '',
  };
}

const coordinate = (value: number | string): number | null => (typeof value === 'number' ? value : null);

function detailsBody(d: Details) {
  return {
    name: d.name.trim(),
    localNames: d.localNames.map((n) => n.trim()).filter(Boolean),
    latitude: coordinate(d.latitude),
    longitude: coordinate(d.longitude),
    description: d.description.trim(),
    managingParties: d.managingParties.trim(),
  };
}

function useLocalErrors(d: Details) {
  const { t } = useTranslation('sites');
  const hasLat = typeof d.latitude === 'number';
  const hasLon = typeof d.longitude === 'number';
  const errors: Record<string, string | undefined> = {
    name: d.name.trim().length >= 2 ? undefined : t('form.minChars', { min: 2 }),
    longitude: hasLat === hasLon ? undefined : t('form.coordinatesTogether'),
  };
  return errors;
}

function DetailFields({ value, onChange, show }: { value: Details; onChange: (d: Details) => void; show: (key: string) => string | undefined }) {
  const { t } = useTranslation('sites');
  const set = <K extends keyof Details>(key: K, v: Details[K]) => onChange({ ...value, [key]: v });
  return (
    <>
      <TextInput label={t('form.name')} required value={value.name} onChange={(e) => set('name', e.currentTarget.value)} error={show('name')} data-autofocus />
      <TagsInput
        label={t('form.localNames')}
        description={t('form.localNamesHelp')}
        value={value.localNames}
        onChange={(v) => set('localNames', v)}
        error={show('localNames')}
        comboboxProps={{ withinPortal: false }}
      />
      <SimpleGrid cols={2}>
        <NumberInput
          label={t('form.latitude')}
          description={t('form.latitudeHelp')}
          decimalScale={6}
          min={-90}
          max={90}
          value={value.latitude}
          onChange={(v) => set('latitude', v)}
          error={show('latitude')}
        />
        <NumberInput
          label={t('form.longitude')}
          description={t('form.longitudeHelp')}
          decimalScale={6}
          min={-180}
          max={180}
          value={value.longitude}
          onChange={(v) => set('longitude', v)}
          error={show('longitude')}
        />
      </SimpleGrid>
      <Textarea label={t('form.description')} autosize minRows={3} value={value.description} onChange={(e) => set('description', e.currentTarget.value)} error={show('description')} />
      <Textarea
        label={t('form.managingParties')}
        description={t('form.managingPartiesHelp')}
        autosize
        minRows={2}
        value={value.managingParties}
        onChange={(e) => set('managingParties', e.currentTarget.value)}
        error={show('managingParties')}
      />
    </>
  );
}

const DETAIL_FIELDS = ['name', 'localNames', 'latitude', 'longitude', 'description', 'managingParties'];

function CreateSiteForm({ onClose, onCreated }: { onClose: () => void; onCreated: SiteFormModalProps['onCreated'] }) {
  const { t } = useTranslation('sites');
  const { code: working } = useWorkingRegion();
  const create = useCreateSite();
  const [details, setDetails] = useState(initialDetails());
  // Start in the working region (down to its regency): most sites are registered where one works.
  const [place, setPlace] = useState(working.slice(0, 5));
  const [village, setVillage] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const district = place.length === 8 ? place : null;
  const villages = useRegionList({ parent: district ?? '', limit: 1000, offset: 0 }, { enabled: district !== null });
  const server = fieldErrors(create.error);
  const local: Record<string, string | undefined> = { ...useLocalErrors(details), regionCode: place.length >= 5 ? undefined : t('form.regencyRequired') };
  const show = (key: string) => server[key] ?? (checked ? local[key] : undefined);
  const regionCode = district && village ? village : place;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.values(local).some(Boolean)) return;
        create.mutate(
          { ...detailsBody(details), regionCode },
          {
            onSuccess: (site) => {
              onClose();
              onCreated?.(site);
            },
          },
        );
      }}
    >
      <Stack>
        <FormError error={create.error} shownFields={[...DETAIL_FIELDS, 'regionCode']} />
        <DetailFields value={details} onChange={setDetails} show={show} />
        <Stack gap={4}>
          <Text size="sm" fw={500} component="h3" m={0}>
            {t('form.place')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('form.placeHelp')}
          </Text>
        </Stack>
        <RegionPicker
          value={place}
          onChange={(code) => {
            setPlace(code);
            setVillage(null);
          }}
          provinceError={show('regionCode')}
        />
        {district && (villages.data?.items.length ?? 0) > 0 && (
          <Select
            label={t('form.village')}
            placeholder={t('form.allVillages')}
            data={(villages.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            value={village}
            onChange={setVillage}
            clearable
            searchable
            comboboxProps={{ withinPortal: false }}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditSiteForm({ site, onClose }: { site: Site; onClose: () => void }) {
  const { t } = useTranslation('sites');
  const update = useUpdateSite(site.id);
  const [details, setDetails] = useState(initialDetails(site));
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(update.error);
  const local = useLocalErrors(details);
  const show = (key: string) => server[key] ?? (checked ? local[key] : undefined);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.values(local).some(Boolean)) return;
        update.mutate(detailsBody(details), { onSuccess: onClose });
      }}
    >
      <Stack>
        <FormError error={update.error} shownFields={DETAIL_FIELDS} />
        <DetailFields value={details} onChange={setDetails} show={show} />
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
