// The meeting form: new meetings (/rapat/baru) and changes to one (the detail page's dialog).
import { ActionIcon, Button, Fieldset, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateTime, localToInstant, MEETING_TYPES, regionTimeZone, type Meeting, type MeetingType } from '../../../common/meetings.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { useRegionList } from '../regions/regions.api.ts';
import { useSiteOptions } from './meetings.api.ts';

export type MeetingFormValues = {
  type: MeetingType;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string;
  organiser: string;
  regionCode: string;
  agenda: string;
  participants: { institution: string; representedBy: string }[];
  regionCodes: string[];
  siteIds: number[];
};

type Participant = { key: number; institution: string; representedBy: string };
let participantKey = 0;

const toLocal = (instant: string | null, regionCode: string) => {
  if (!instant) return '';
  const local = localDateTime(instant, regionCode);
  return `${local.date}T${local.time}`;
};

type MeetingFormProps = {
  /** The meeting being changed; without it, a new one. */
  meeting?: Meeting;
  /** The region a new meeting starts in (the user's scope). */
  defaultRegion?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: MeetingFormValues) => void;
  onCancel: () => void;
};

export function MeetingForm({ meeting, defaultRegion = '', pending, error, onSubmit, onCancel }: MeetingFormProps) {
  const { t } = useTranslation('meetings');
  const [type, setType] = useState<MeetingType | null>(meeting?.type ?? null);
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [regionCode, setRegionCode] = useState(meeting?.regionCode ?? defaultRegion);
  const [startsAt, setStartsAt] = useState(toLocal(meeting?.startsAt ?? null, meeting?.regionCode ?? defaultRegion));
  const [endsAt, setEndsAt] = useState(toLocal(meeting?.endsAt ?? null, meeting?.regionCode ?? defaultRegion));
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [organiser, setOrganiser] = useState(meeting?.organiser ?? '');
  const [agenda, setAgenda] = useState(meeting?.agenda ?? '');
  const [participants, setParticipants] = useState<Participant[]>(
    meeting?.participants.map((p) => ({ key: ++participantKey, ...p })) ?? [{ key: ++participantKey, institution: '', representedBy: '' }],
  );
  const [regionCodes, setRegionCodes] = useState<string[]>(meeting?.regions.map((r) => r.code) ?? []);
  const [siteIds, setSiteIds] = useState<string[]>(meeting?.sites.map((s) => String(s.id)) ?? []);
  const [submitted, setSubmitted] = useState(false);

  const province = regionCode.slice(0, 2);
  const regencies = useRegionList({ parent: province, limit: 1000, offset: 0 }, { enabled: province.length === 2 });
  const sites = useSiteOptions(true);
  const zone = regionCode ? regionTimeZone(regionCode).label : 'WIB';
  const server = fieldErrors(error);

  const local = {
    type: submitted && !type ? t('form.required') : undefined,
    title: submitted && title.trim().length < 3 ? t('form.minChars', { min: 3 }) : undefined,
    startsAt: submitted && !startsAt ? t('form.required') : undefined,
    regionCode: submitted && !regionCode ? t('form.regionRequired') : undefined,
    endsAt: submitted && endsAt && startsAt && endsAt < startsAt ? t('form.endsBeforeStart') : undefined,
  };
  const shown = ['type', 'title', 'startsAt', 'endsAt', 'regionCode', 'regionCodes', 'siteIds', 'place', 'organiser', 'agenda'];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!type || title.trim().length < 3 || !startsAt || !regionCode || (endsAt && endsAt < startsAt)) return;
    onSubmit({
      type,
      title: title.trim(),
      startsAt: localToInstant(startsAt, regionCode),
      endsAt: endsAt ? localToInstant(endsAt, regionCode) : null,
      place,
      organiser,
      regionCode,
      agenda,
      participants: participants.filter((p) => p.institution.trim()).map(({ institution, representedBy }) => ({ institution, representedBy })),
      regionCodes,
      siteIds: siteIds.map(Number),
    });
  };

  const setParticipant = (key: number, change: Partial<Participant>) => setParticipants((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('form.type')}
            data={MEETING_TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
            value={type}
            onChange={(value) => setType(value as MeetingType | null)}
            allowDeselect={false}
            required
            error={local.type ?? server.type}
          />
          <TextInput label={t('form.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={local.title ?? server.title} />
          <TextInput
            type="datetime-local"
            label={t('form.startsAt')}
            description={t('form.timeHelp', { zone })}
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            required
            error={local.startsAt ?? server.startsAt}
          />
          <TextInput
            type="datetime-local"
            label={t('form.endsAt')}
            description={t('form.timeHelp', { zone })}
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            error={local.endsAt ?? server.endsAt}
          />
          <TextInput label={t('form.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={server.place} />
          <TextInput
            label={t('form.organiser')}
            description={t('form.organiserHelp')}
            value={organiser}
            onChange={(e) => setOrganiser(e.currentTarget.value)}
            error={server.organiser}
          />
        </SimpleGrid>

        {meeting ? null : (
          <Fieldset legend={t('form.region')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('form.regionHelp')}
            </Text>
            <RegionPicker value={regionCode} onChange={setRegionCode} maxLevel="regency" provinceError={local.regionCode ?? server.regionCode} />
          </Fieldset>
        )}

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            label={t('form.linkedRegions')}
            description={t('form.linkedRegionsHelp')}
            data={(regencies.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            value={regionCodes}
            onChange={setRegionCodes}
            searchable
            clearable
            error={server.regionCodes}
          />
          <MultiSelect
            label={t('form.sites')}
            data={(sites.data?.items ?? []).map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
            value={siteIds}
            onChange={setSiteIds}
            searchable
            clearable
            error={server.siteIds}
          />
        </SimpleGrid>

        <Fieldset legend={t('form.participants')}>
          <Stack gap="xs">
            {participants.map((p, i) => (
              <Group key={p.key} align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 2 }}
                  label={t('form.institution', { n: i + 1 })}
                  value={p.institution}
                  onChange={(e) => setParticipant(p.key, { institution: e.currentTarget.value })}
                />
                <TextInput
                  style={{ flex: 1 }}
                  label={t('form.representedBy', { n: i + 1 })}
                  value={p.representedBy}
                  onChange={(e) => setParticipant(p.key, { representedBy: e.currentTarget.value })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('form.removeParticipant', { n: i + 1 })}
                  onClick={() => setParticipants((list) => list.filter((x) => x.key !== p.key))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setParticipants((list) => [...list, { key: ++participantKey, institution: '', representedBy: '' }])}
              >
                {t('form.addParticipant')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Textarea label={t('form.agenda')} value={agenda} onChange={(e) => setAgenda(e.currentTarget.value)} autosize minRows={3} error={server.agenda} />

        <FormError error={error} shownFields={shown} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
