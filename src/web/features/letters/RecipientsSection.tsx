// A letter's recipients: sending, delivery, acknowledgement and the response of each,
// overdue flags, adding recipients, and recording a sending date for all unsent ones.
import { ActionIcon, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarCheck, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateShort } from '../../../common/format.ts';
import type { Letter } from '../../../common/letters.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { todayWib } from './letter-format.ts';
import { useLetterChange } from './letters.api.ts';
import { filledRecipients, RecipientInputs, recipientRow, type RecipientRow } from './RecipientInputs.tsx';

type Recipient = NonNullable<Letter['recipients']>[number];

export function RecipientsSection({ letter }: { letter: Letter }) {
  const { t } = useTranslation('letters');
  const language = useDisplayLanguage();
  const recipients = letter.recipients ?? [];
  const [editing, setEditing] = useState<Recipient | null>(null);
  const [adding, setAdding] = useState(false);
  const [sending, setSending] = useState(false);
  const canUpdate = letter.actions.includes('update_recipient');
  const unsent = recipients.filter((r) => r.sentOn === null);
  const date = (value: string | null) => (value ? formatDateShort(value, language) : '–');
  const answered = recipients.filter((r) => r.responseOn !== null).length;

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <div>
          <Title order={2} size="h4">
            {t('fields.recipients')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('register.answered', { answered, total: recipients.length })}
          </Text>
        </div>
        <Group gap="xs">
          {canUpdate && unsent.length > 0 && (
            <Button variant="default" size="xs" leftSection={<IconCalendarCheck size={14} aria-hidden />} onClick={() => setSending(true)}>
              {t('recipients.markSent', { count: unsent.length })}
            </Button>
          )}
          {letter.actions.includes('add_recipients') && (
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
              {t('recipients.addMore')}
            </Button>
          )}
        </Group>
      </Group>
      {letter.status === 'draft' && recipients.length > 0 && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('recipients.draftHelp')}
        </Text>
      )}
      {recipients.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('recipients.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860} type="native">
          <Table verticalSpacing="xs">
            <Table.Caption>{t('recipients.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('recipients.recipient')}</Table.Th>
                <Table.Th scope="col">{t('recipients.sentOn')}</Table.Th>
                <Table.Th scope="col">{t('recipients.deliveredOn')}</Table.Th>
                <Table.Th scope="col">{t('recipients.acknowledgedOn')}</Table.Th>
                <Table.Th scope="col">{t('recipients.response')}</Table.Th>
                {canUpdate && (
                  <Table.Th scope="col" w={60}>
                    {t('recipients.actions')}
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recipients.map((r) => (
                <Table.Tr key={r.id} bg={r.overdue ? 'red.0' : undefined}>
                  <Table.Th scope="row" fw={500} fz="sm">
                    <Group gap={6}>
                      {r.recipient}
                      {r.overdue && (
                        <Badge color="red" variant="light" radius="sm" size="sm" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                          {t('overdue')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Th>
                  <Table.Td fz="sm">{date(r.sentOn)}</Table.Td>
                  <Table.Td fz="sm">{date(r.deliveredOn)}</Table.Td>
                  <Table.Td fz="sm">{date(r.acknowledgedOn)}</Table.Td>
                  <Table.Td fz="sm">
                    {r.responseOn ? (
                      <Stack gap={2}>
                        <Text size="sm">{date(r.responseOn)}</Text>
                        {r.responseSummary && <Text size="sm">{r.responseSummary}</Text>}
                        {r.responseDocumentRef && (
                          <Text size="xs" c="dimmed">
                            {t('recipients.document', { ref: r.responseDocumentRef })}
                          </Text>
                        )}
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('recipients.noResponse')}
                      </Text>
                    )}
                  </Table.Td>
                  {canUpdate && (
                    <Table.Td>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('recipients.editFor', { name: r.recipient })} onClick={() => setEditing(r)}>
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t('recipients.editTitle', { name: editing.recipient }) : ''} size="lg">
        {editing && <RecipientForm key={editing.id} letterId={letter.id} recipient={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('recipients.addMore')} size="lg">
        {adding && <AddRecipientsForm letter={letter} onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={sending} onClose={() => setSending(false)} title={t('recipients.markSentTitle')}>
        {sending && <MarkSentForm letterId={letter.id} recipientIds={unsent.map((r) => r.id)} onDone={() => setSending(false)} />}
      </Modal>
    </Paper>
  );
}

const DATE_FIELDS = ['sentOn', 'deliveredOn', 'acknowledgedOn', 'responseOn'] as const;

function RecipientForm({ letterId, recipient, onDone }: { letterId: number; recipient: Recipient; onDone: () => void }) {
  const { t } = useTranslation('letters');
  const { updateRecipient } = useLetterChange(letterId);
  const [dates, setDates] = useState<Record<(typeof DATE_FIELDS)[number], string>>({
    sentOn: recipient.sentOn ?? '',
    deliveredOn: recipient.deliveredOn ?? '',
    acknowledgedOn: recipient.acknowledgedOn ?? '',
    responseOn: recipient.responseOn ?? '',
  });
  const [summary, setSummary] = useState(recipient.responseSummary ?? '');
  const [documentRef, setDocumentRef] = useState(recipient.responseDocumentRef ?? '');
  const server = fieldErrors(updateRecipient.error);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        updateRecipient.mutate(
          {
            recipientId: recipient.id,
            body: {
              sentOn: dates.sentOn || null,
              deliveredOn: dates.deliveredOn || null,
              acknowledgedOn: dates.acknowledgedOn || null,
              responseOn: dates.responseOn || null,
              responseSummary: summary.trim() || null,
              responseDocumentRef: documentRef.trim() || null,
            },
          },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack>
        <FormError error={updateRecipient.error} shownFields={[...DATE_FIELDS, 'responseSummary', 'responseDocumentRef']} />
        <Group grow>
          {DATE_FIELDS.slice(0, 2).map((key) => (
            <TextInput key={key} type="date" label={t(`recipients.${key}`)} value={dates[key]} onChange={(e) => setDates({ ...dates, [key]: e.currentTarget.value })} error={server[key]} />
          ))}
        </Group>
        <Group grow>
          {DATE_FIELDS.slice(2).map((key) => (
            <TextInput key={key} type="date" label={t(`recipients.${key}`)} value={dates[key]} onChange={(e) => setDates({ ...dates, [key]: e.currentTarget.value })} error={server[key]} />
          ))}
        </Group>
        <Textarea label={t('recipients.responseSummary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={3} maxLength={5000} error={server.responseSummary} />
        <TextInput
          label={t('recipients.responseDocumentRef')}
          description={t('recipients.responseDocumentHelp')}
          value={documentRef}
          onChange={(e) => setDocumentRef(e.currentTarget.value)}
          maxLength={500}
          error={server.responseDocumentRef}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={updateRecipient.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddRecipientsForm({ letter, onDone }: { letter: Letter; onDone: () => void }) {
  const { t } = useTranslation('letters');
  const { addRecipients } = useLetterChange(letter.id);
  const [rows, setRows] = useState<RecipientRow[]>([recipientRow()]);
  const [sentOn, setSentOn] = useState('');
  const [checked, setChecked] = useState(false);
  const filled = filledRecipients(rows);
  const server = fieldErrors(addRecipients.error);
  const recipientError = Object.entries(server).find(([field]) => field.startsWith('recipients'))?.[1];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (filled.length === 0) return;
        addRecipients.mutate(
          filled.map((r) => ({ ...r, sentOn: sentOn || null })),
          { onSuccess: onDone },
        );
      }}
    >
      <Stack>
        <FormError error={addRecipients.error} shownFields={Object.keys(server).filter((f) => f.startsWith('recipients'))} />
        <RecipientInputs
          rows={rows}
          onChange={setRows}
          provinceCode={letter.unit.regionCode.slice(0, 2)}
          offset={letter.recipients?.length ?? 0}
          error={recipientError ?? (checked && filled.length === 0 ? t('recipients.required') : undefined)}
        />
        {letter.status === 'issued' && (
          <TextInput type="date" label={t('recipients.sentOn')} description={t('recipients.sentOnHelp')} value={sentOn} onChange={(e) => setSentOn(e.currentTarget.value)} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={addRecipients.isPending}>
            {t('recipients.addSubmit', { count: filled.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MarkSentForm({ letterId, recipientIds, onDone }: { letterId: number; recipientIds: number[]; onDone: () => void }) {
  const { t } = useTranslation('letters');
  const { markSent } = useLetterChange(letterId);
  const [sentOn, setSentOn] = useState(todayWib());
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (sentOn) markSent.mutate({ recipientIds, sentOn }, { onSuccess: onDone });
      }}
    >
      <Stack>
        <Text size="sm">{t('recipients.markSentHelp', { count: recipientIds.length })}</Text>
        <FormError error={markSent.error} />
        <TextInput type="date" label={t('recipients.sentOn')} value={sentOn} onChange={(e) => setSentOn(e.currentTarget.value)} required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={markSent.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
