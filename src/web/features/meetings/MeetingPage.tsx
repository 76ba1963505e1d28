// /rapat/:id: a meeting with its participants, linked regions and sites, agenda,
// minutes, decisions, action items and attachments. Only the record's actions are offered.
import { Anchor, Badge, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Meeting } from '../../../common/meetings.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { ActionItemsSection } from './ActionItemsSection.tsx';
import { MeetingTime } from './meeting-parts.tsx';
import { useMeeting, useUpdateMeeting } from './meetings.api.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { AttachmentsSection, DecisionsSection } from './MeetingSections.tsx';

export function MeetingPage() {
  const { t } = useTranslation('meetings');
  const id = Number(useParams().id);
  const meeting = useMeeting(id);
  usePageTitle(meeting.data?.title ?? t('list.title'));

  if (meeting.error) return <ErrorState title={t('detail.loadFailed')} error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (!meeting.data) return <PageLoader />;
  return <MeetingView meeting={meeting.data} />;
}

function MeetingView({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const [editing, setEditing] = useState(false);
  const update = useUpdateMeeting(meeting.id);
  const canUpdate = meeting.actions.includes('update');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/rapat" size="sm">
        {t('detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Badge variant="light">{t(`types.${meeting.type}`)}</Badge>
          <Title order={1}>{meeting.title}</Title>
          <Text c="dimmed">
            <MeetingTime startsAt={meeting.startsAt} regionCode={meeting.regionCode} long />
            {meeting.place ? ` · ${meeting.place}` : ''}
          </Text>
          <Text size="sm">
            {t('fields.organiser')}: {meeting.organiser || '–'} · {t('fields.region')}: {meeting.regionName}
          </Text>
        </Stack>
        {canUpdate && (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
            {t('detail.edit')}
          </Button>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('detail.participants')}
          </Title>
          {meeting.participants.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('detail.noParticipants')}
            </Text>
          ) : (
            <List size="sm">
              {meeting.participants.map((p, i) => (
                <List.Item key={i}>
                  {p.institution}
                  {p.representedBy ? ` (${p.representedBy})` : ''}
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('detail.regions')}
          </Title>
          <Text size="sm">{meeting.regions.length === 0 ? t('detail.none') : meeting.regions.map((r) => r.name).join(', ')}</Text>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('detail.sites')}
          </Title>
          {meeting.sites.length === 0 ? (
            <Text size="sm">{t('detail.none')}</Text>
          ) : (
            <List size="sm">
              {meeting.sites.map((s) => (
                <List.Item key={s.id}>
                  <Anchor component={Link} to={`/lokasi/${s.id}`} size="sm">
                    {s.code} — {s.name}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      </SimpleGrid>

      {meeting.agenda && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('detail.agenda')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {meeting.agenda}
          </Text>
        </Paper>
      )}

      <MinutesSection meeting={meeting} />
      <DecisionsSection meeting={meeting} />
      <ActionItemsSection meeting={meeting} />
      <AttachmentsSection meeting={meeting} />

      <Modal opened={editing} onClose={() => setEditing(false)} title={t('form.editTitle')} size="xl">
        {editing && (
          <MeetingForm
            meeting={meeting}
            pending={update.isPending}
            error={update.error}
            onCancel={() => setEditing(false)}
            onSubmit={({ regionCode: _region, ...values }) => update.mutate(values, { onSuccess: () => setEditing(false) })}
          />
        )}
      </Modal>
    </Stack>
  );
}

function MinutesSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const update = useUpdateMeeting(meeting.id);
  const [minutes, setMinutes] = useState(meeting.minutes);
  useEffect(() => setMinutes(meeting.minutes), [meeting.minutes]);
  const canUpdate = meeting.actions.includes('update');

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        {canUpdate ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate({ minutes });
            }}
          >
            <Stack gap="sm">
              <Textarea label={t('detail.minutes')} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} autosize minRows={4} />
              <FormError error={update.error} />
              <Group gap="sm">
                <Button type="submit" loading={update.isPending} disabled={minutes === meeting.minutes}>
                  {t('detail.saveMinutes')}
                </Button>
                {update.isSuccess && minutes === meeting.minutes && (
                  <Text size="sm" c="teal" role="status">
                    {t('detail.saved')}
                  </Text>
                )}
              </Group>
            </Stack>
          </form>
        ) : (
          <>
            <Title order={2} size="h4">
              {t('detail.minutes')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {meeting.minutes || '–'}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
