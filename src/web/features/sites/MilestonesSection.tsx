// The seven closure stages of a site: planned and done dates, a note, and evidence files.
import { Anchor, Badge, Button, FileInput, Group, Modal, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateMedium, formatDateTime, formatNumber } from '../../../common/format.ts';
import type { Site, SiteStage } from '../../../common/sites.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ApiError, fieldErrors } from '../../lib/api-client.ts';
import { evidenceDownloadUrl, useEvidence, useSetMilestone, useUploadEvidence } from './sites.api.ts';

type Milestone = Site['milestones'][number];

const ACCEPT = 'application/pdf,image/png,image/jpeg,image/webp,.pdf,.png,.jpg,.jpeg,.webp';

function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function MilestonesSection({ site }: { site: Site }) {
  const { t } = useTranslation('sites');
  const language = useDisplayLanguage();
  const [editing, setEditing] = useState<Milestone | null>(null);
  const [evidenceOf, setEvidenceOf] = useState<SiteStage | null>(null);
  const today = todayIso();
  const canEdit = site.actions.includes('set_milestone');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="site-milestones">
      <Title order={2} size="h3" id="site-milestones" mb="sm">
        {t('milestones.title')}
      </Title>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing="xs">
          <Table.Caption>{t('milestones.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('milestones.stage')}</Table.Th>
              <Table.Th scope="col">{t('milestones.planned')}</Table.Th>
              <Table.Th scope="col">{t('milestones.done')}</Table.Th>
              <Table.Th scope="col">{t('milestones.note')}</Table.Th>
              <Table.Th scope="col">{t('milestones.evidence')}</Table.Th>
              <Table.Th scope="col">{t('milestones.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {site.milestones.map((m, index) => {
              const overdue = !m.doneDate && m.plannedDate !== null && m.plannedDate < today;
              return (
                <Table.Tr key={m.stage}>
                  <Table.Th scope="row" fz="sm" fw={500}>
                    {index + 1}. {t(`stages.${m.stage}`)}
                  </Table.Th>
                  <Table.Td fz="sm">
                    {m.plannedDate ? formatDateMedium(m.plannedDate, language) : '—'}
                    {overdue && (
                      <Badge color="red" variant="light" radius="sm" size="sm" ml={6}>
                        {t('milestones.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {m.doneDate ? (
                      <Group gap={4} wrap="nowrap">
                        <IconCheck size={14} aria-hidden color="var(--mantine-color-teal-6)" />
                        {formatDateMedium(m.doneDate, language)}
                      </Group>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {m.note || '—'}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconPaperclip size={14} aria-hidden />}
                      onClick={() => setEvidenceOf(m.stage)}
                      aria-label={t('milestones.evidenceOf', { stage: t(`stages.${m.stage}`), count: m.evidenceCount })}
                    >
                      {formatNumber(m.evidenceCount)}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    {canEdit && (
                      <Button size="compact-sm" variant="light" onClick={() => setEditing(m)} aria-label={t('milestones.editOf', { stage: t(`stages.${m.stage}`) })}>
                        {t('milestones.edit')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t(`stages.${editing.stage}`) : ''}>
        {editing && <MilestoneForm key={editing.stage} siteId={site.id} milestone={editing} onClose={() => setEditing(null)} />}
      </Modal>
      <Modal opened={evidenceOf !== null} onClose={() => setEvidenceOf(null)} title={evidenceOf ? t('milestones.evidenceTitle', { stage: t(`stages.${evidenceOf}`) }) : ''} size="lg">
        {evidenceOf && <EvidencePanel key={evidenceOf} siteId={site.id} stage={evidenceOf} canUpload={site.actions.includes('upload_evidence')} />}
      </Modal>
    </Paper>
  );
}

function MilestoneForm({ siteId, milestone, onClose }: { siteId: number; milestone: Milestone; onClose: () => void }) {
  const { t } = useTranslation('sites');
  const set = useSetMilestone(siteId);
  const [plannedDate, setPlannedDate] = useState(milestone.plannedDate ?? '');
  const [doneDate, setDoneDate] = useState(milestone.doneDate ?? '');
  const [note, setNote] = useState(milestone.note);
  const server = fieldErrors(set.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        set.mutate({ stage: milestone.stage, body: { plannedDate: plannedDate || null, doneDate: doneDate || null, note: note.trim() } }, { onSuccess: onClose });
      }}
    >
      <Stack>
        <FormError error={set.error} shownFields={['plannedDate', 'doneDate', 'note']} />
        <TextInput label={t('milestones.planned')} type="date" value={plannedDate} onChange={(e) => setPlannedDate(e.currentTarget.value)} error={server.plannedDate} data-autofocus />
        <TextInput label={t('milestones.done')} type="date" value={doneDate} onChange={(e) => setDoneDate(e.currentTarget.value)} error={server.doneDate} />
        <Textarea label={t('milestones.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={server.note} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={set.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

function EvidencePanel({ siteId, stage, canUpload }: { siteId: number; stage: SiteStage; canUpload: boolean }) {
  const { t } = useTranslation('sites');
  const language = useDisplayLanguage();
  const evidence = useEvidence(siteId, stage);
  const upload = useUploadEvidence(siteId);
  const [file, setFile] = useState<File | null>(null);
  // A refused file (too large, wrong type) is the file field's error.
  const fileError = fieldErrors(upload.error).file ?? (upload.error instanceof ApiError && upload.error.code.startsWith('file.') ? upload.error.message : undefined);

  return (
    <Stack>
      {evidence.error ? (
        <ErrorState title={t('evidence.loadFailed')} error={evidence.error} onRetry={() => void evidence.refetch()} />
      ) : !evidence.data ? (
        <PageLoader />
      ) : evidence.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evidence.empty')}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Caption>{t('evidence.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evidence.file')}</Table.Th>
              <Table.Th scope="col">{t('evidence.size')}</Table.Th>
              <Table.Th scope="col">{t('evidence.uploadedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {evidence.data.items.map((f) => (
              <Table.Tr key={f.fileId}>
                <Table.Td fz="sm">
                  <Anchor href={evidenceDownloadUrl(siteId, f.fileId)} download={f.originalName} size="sm">
                    <Group gap={4} wrap="nowrap" component="span">
                      <IconDownload size={14} aria-hidden />
                      {f.originalName}
                    </Group>
                  </Anchor>
                </Table.Td>
                <Table.Td fz="sm">{formatSize(f.sizeBytes)}</Table.Td>
                <Table.Td fz="sm">{formatDateTime(f.uploadedAt, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canUpload && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!file) return;
            upload.mutate(
              { stage, file },
              { onSuccess: () => setFile(null) },
            );
          }}
        >
          <Stack gap="sm">
            {!fileError && <FormError error={upload.error} />}
            <FileInput
              label={t('evidence.choose')}
              description={t('evidence.help')}
              placeholder={t('evidence.placeholder')}
              accept={ACCEPT}
              value={file}
              onChange={(f) => {
                upload.reset();
                setFile(f);
              }}
              clearable
              error={fileError}
            />
            <Group justify="flex-end">
              <Button type="submit" leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending} disabled={!file}>
                {t('evidence.upload')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
