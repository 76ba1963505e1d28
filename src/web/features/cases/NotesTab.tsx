// Catatan: notes (a confidential note's text only for the case's worker, supervisor and
// author — others see that it exists) and tasks with due dates (overdue in red).
import { Anchor, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/cases.ts';
import { formatDateTime } from '../../../common/format.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useAddNote, useAddTask, useNotes, useTasks, useUpdateTask } from './cases.api.ts';

export function NotesTab({ caseData: c }: { caseData: CaseDetail }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Notes caseId={c.id} />
      <Tasks caseId={c.id} />
    </SimpleGrid>
  );
}

function Notes({ caseId }: { caseId: number }) {
  const { t, i18n } = useTranslation('cases');
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const notes = useNotes(caseId);
  const add = useAddNote(caseId);
  const [text, setText] = useState('');
  const [confidential, setConfidential] = useState(false);
  if (notes.isPending) return <PageLoader />;
  if (notes.isError) return <ErrorState title={t('loadError')} error={notes.error} onRetry={() => void notes.refetch()} />;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">{t('notes.title')}</Title>
      {notes.data.actions.includes('add') && (
        <Stack gap="xs" mb="md">
          <Textarea label={t('notes.text')} autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Checkbox label={t('notes.confidential')} checked={confidential} onChange={(e) => setConfidential(e.currentTarget.checked)} />
          <Button
            size="xs"
            loading={add.isPending}
            onClick={() => add.mutate({ text, confidential }, { onSuccess: () => { setText(''); setConfidential(false); } })}
          >
            {t('notes.add')}
          </Button>
          <FormError error={add.error} />
        </Stack>
      )}
      <Stack gap="sm">
        {notes.data.items.length === 0 && <Text c="dimmed">{t('notes.none')}</Text>}
        {notes.data.items.map((n) => (
          <Paper key={n.id} withBorder p="sm" bg={n.confidential ? 'var(--mantine-color-orange-light)' : undefined}>
            <Group gap="xs" mb={4}>
              <Text size="xs" c="dimmed">{formatDateTime(n.createdAt, lang)} · {n.author ?? ''}</Text>
              {n.confidential && <Badge size="xs" color="orange">{t('notes.confidentialBadge')}</Badge>}
            </Group>
            {n.hidden ? <Text size="sm" fs="italic" c="dimmed">{t('notes.hidden')}</Text> : <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Text>}
            {n.attachments.map((a) =>
              a.erased ? (
                <Text key={a.fileId} size="sm" fs="italic" c="dimmed">
                  {t('notes.attachmentErased')}
                </Text>
              ) : (
                <Anchor key={a.fileId} size="sm" href={`/api/cases/${caseId}/notes/${n.id}/attachments/${a.fileId}`} download>
                  {a.name}
                </Anchor>
              ),
            )}
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

function Tasks({ caseId }: { caseId: number }) {
  const { t } = useTranslation('cases');
  const tasks = useTasks(caseId);
  const add = useAddTask(caseId);
  const update = useUpdateTask(caseId);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  if (tasks.isPending) return <PageLoader />;
  if (tasks.isError) return <ErrorState title={t('loadError')} error={tasks.error} onRetry={() => void tasks.refetch()} />;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">{t('tasks.title')}</Title>
      {tasks.data.actions.includes('add') && (
        <Group align="end" mb="md">
          <TextInput label={t('tasks.task')} description={t('tasks.noNames')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <TextInput type="date" label={t('tasks.due')} value={due} onChange={(e) => setDue(e.currentTarget.value)} />
          <Button size="xs" loading={add.isPending} onClick={() => add.mutate({ title, dueDate: due }, { onSuccess: () => { setTitle(''); setDue(''); } })}>
            {t('tasks.add')}
          </Button>
        </Group>
      )}
      <FormError error={add.error ?? update.error} />
      <Stack gap="xs">
        {tasks.data.items.length === 0 && <Text c="dimmed">{t('tasks.none')}</Text>}
        {tasks.data.items.map((x) => (
          <Group key={x.id} gap="xs">
            <Checkbox checked={x.done} disabled={!x.actions.includes('update')} onChange={(e) => update.mutate({ taskId: x.id, done: e.currentTarget.checked })} aria-label={x.title} />
            <Text size="sm" td={x.done ? 'line-through' : undefined}>{x.title}</Text>
            <Text size="xs" c={x.overdue ? 'red' : 'dimmed'}>{x.dueDate}</Text>
            {x.overdue && <Badge size="xs" color="red">{t('tasks.overdue')}</Badge>}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
