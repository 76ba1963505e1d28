// Post-closure monitoring visits; a finding "activity resumed" reopens the site.
import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateMedium } from '../../../common/format.ts';
import { MONITORING_FINDINGS, type Site } from '../../../common/sites.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useAddVisit, useVisits } from './sites.api.ts';

type Finding = (typeof MONITORING_FINDINGS)[number];
const FINDING_COLORS: Record<Finding, string> = { no_activity: 'teal', activity_resumed: 'red', converted_venue: 'yellow', other: 'gray' };

export function MonitoringSection({ site }: { site: Site }) {
  const { t } = useTranslation('sites');
  const language = useDisplayLanguage();
  const visits = useVisits(site.id);
  const [adding, setAdding] = useState(false);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="site-monitoring">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <div>
          <Title order={2} size="h3" id="site-monitoring">
            {t('monitoring.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('monitoring.help')}
          </Text>
        </div>
        {site.actions.includes('add_monitoring_visit') && (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('monitoring.add')}
          </Button>
        )}
      </Group>
      {visits.error ? (
        <ErrorState title={t('monitoring.loadFailed')} error={visits.error} onRetry={() => void visits.refetch()} />
      ) : !visits.data ? (
        <PageLoader />
      ) : visits.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('monitoring.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600} type="native">
          <Table verticalSpacing="xs">
            <Table.Caption>{t('monitoring.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('monitoring.date')}</Table.Th>
                <Table.Th scope="col">{t('monitoring.finding')}</Table.Th>
                <Table.Th scope="col">{t('monitoring.visitedBy')}</Table.Th>
                <Table.Th scope="col">{t('monitoring.notes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visits.data.items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Th scope="row" fz="sm" fw={500}>
                    {formatDateMedium(v.visitedOn, language)}
                  </Table.Th>
                  <Table.Td>
                    <Badge color={FINDING_COLORS[v.finding]} variant={v.finding === 'activity_resumed' ? 'filled' : 'light'} radius="sm">
                      {t(`findings.${v.finding}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td fz="sm">{v.visitedBy}</Table.Td>
                  <Table.Td fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {v.notes || '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('monitoring.add')}>
        {adding && <VisitForm siteId={site.id} onClose={() => setAdding(false)} />}
      </Modal>
    </Paper>
  );
}

function VisitForm({ siteId, onClose }: { siteId: number; onClose: () => void }) {
  const { t } = useTranslation('sites');
  const add = useAddVisit(siteId);
  const [visitedOn, setVisitedOn] = useState('');
  const [finding, setFinding] = useState<Finding | null>(null);
  const [visitedBy, setVisitedBy] = useState('');
  const [notes, setNotes] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(add.error);
  const local: Record<string, string | undefined> = {
    visitedOn: visitedOn ? undefined : t('form.required'),
    finding: finding ? undefined : t('form.required'),
    visitedBy: visitedBy.trim().length >= 2 ? undefined : t('form.minChars', { min: 2 }),
  };
  const show = (key: string) => server[key] ?? (checked ? local[key] : undefined);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.values(local).some(Boolean) || !finding) return;
        add.mutate({ visitedOn, finding, visitedBy: visitedBy.trim(), notes: notes.trim() }, { onSuccess: onClose });
      }}
    >
      <Stack>
        <FormError error={add.error} shownFields={['visitedOn', 'finding', 'visitedBy', 'notes']} />
        <TextInput label={t('monitoring.date')} type="date" required value={visitedOn} onChange={(e) => setVisitedOn(e.currentTarget.value)} error={show('visitedOn')} data-autofocus />
        <Select
          label={t('monitoring.finding')}
          required
          data={MONITORING_FINDINGS.map((f) => ({ value: f, label: t(`findings.${f}`) }))}
          value={finding}
          onChange={(v) => setFinding(v as Finding | null)}
          error={show('finding')}
          comboboxProps={{ withinPortal: false }}
        />
        {finding === 'activity_resumed' && (
          <Alert color="red" variant="light" title={t('monitoring.resumedTitle')}>
            {t('monitoring.resumedHelp')}
          </Alert>
        )}
        <TextInput label={t('monitoring.visitedBy')} description={t('monitoring.visitedByHelp')} required value={visitedBy} onChange={(e) => setVisitedBy(e.currentTarget.value)} error={show('visitedBy')} />
        <Textarea label={t('monitoring.notes')} autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={show('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
