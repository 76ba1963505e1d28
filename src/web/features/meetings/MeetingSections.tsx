// The decisions and attachments of a meeting.
import { ActionIcon, Anchor, Button, FileInput, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDownload, IconPencil, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../common/format.ts';
import type { Decision, Meeting } from '../../../common/meetings.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { attachmentUrl, useAddDecision, useUpdateDecision, useUploadAttachment } from './meetings.api.ts';

export function DecisionsSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const add = useAddDecision(meeting.id);
  const [text, setText] = useState('');
  const canAdd = meeting.actions.includes('add_decision');
  const canEdit = meeting.actions.includes('update_decision');

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('detail.decisions')}
        </Title>
        {meeting.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('detail.decisionsEmpty')}
          </Text>
        ) : (
          <List type="ordered" spacing="xs">
            {meeting.decisions.map((d, i) => (
              <List.Item key={d.id}>
                <DecisionRow meetingId={meeting.id} decision={d} n={i + 1} canEdit={canEdit} />
              </List.Item>
            ))}
          </List>
        )}
        {canAdd && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              add.mutate(text.trim(), { onSuccess: () => setText('') });
            }}
          >
            <Stack gap="xs">
              <Textarea label={t('detail.decision')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} error={fieldErrors(add.error).text} />
              <FormError error={add.error} shownFields={['text']} />
              <Group>
                <Button type="submit" loading={add.isPending} disabled={text.trim().length < 3}>
                  {t('detail.addDecision')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function DecisionRow({ meetingId, decision, n, canEdit }: { meetingId: number; decision: Decision; n: number; canEdit: boolean }) {
  const { t } = useTranslation('meetings');
  const update = useUpdateDecision(meetingId);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(decision.text);

  if (!editing)
    return (
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {decision.text}
        </Text>
        {canEdit && (
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={t('detail.editDecision', { n })}
            onClick={() => {
              setText(decision.text);
              setEditing(true);
            }}
          >
            <IconPencil size={14} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ decisionId: decision.id, text: text.trim() }, { onSuccess: () => setEditing(false) });
      }}
    >
      <Stack gap="xs">
        <Textarea label={t('detail.decisionText', { n })} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} />
        <FormError error={update.error} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={update.isPending} disabled={text.trim().length < 3}>
            {t('detail.saveDecision', { n })}
          </Button>
          <Button size="xs" variant="default" onClick={() => setEditing(false)}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AttachmentsSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const language = useDisplayLanguage();
  const upload = useUploadAttachment(meeting.id);
  const [file, setFile] = useState<File | null>(null);
  const canUpload = meeting.actions.includes('upload_attachment');

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('detail.attachments')}
        </Title>
        {meeting.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('detail.attachmentsEmpty')}
          </Text>
        ) : (
          <List spacing="xs">
            {meeting.attachments.map((a) => (
              <List.Item key={a.fileId} icon={<IconDownload size={14} aria-hidden />}>
                <Anchor href={attachmentUrl(meeting.id, a.fileId)} download={a.originalName} size="sm" aria-label={t('detail.download', { name: a.originalName })}>
                  {a.originalName}
                </Anchor>
                <Text span size="xs" c="dimmed">
                  {` · ${formatNumber(Math.max(1, Math.round(a.sizeBytes / 1024)))} KB · ${formatDateTime(a.uploadedAt, language)}`}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {canUpload && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (file) upload.mutate(file, { onSuccess: () => setFile(null) });
            }}
          >
            <Group align="flex-end" gap="sm">
              <FileInput
                style={{ flex: 1, minWidth: 240 }}
                label={t('detail.file')}
                accept="application/pdf,image/png,image/jpeg,image/webp"
                value={file}
                onChange={setFile}
                clearable
              />
              <Button type="submit" leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending} disabled={!file}>
                {t('detail.upload')}
              </Button>
            </Group>
            <FormError error={upload.error} />
          </form>
        )}
      </Stack>
    </Paper>
  );
}
