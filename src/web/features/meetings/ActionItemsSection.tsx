// A meeting's action items: the table (status changes where allowed) and the form to add one.
import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateMedium } from '../../../common/format.ts';
import { ACTION_ITEM_STATUSES, type ActionItem, type ActionItemStatus, type Meeting } from '../../../common/meetings.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { ActionStatusBadge } from './meeting-parts.tsx';
import { useAddActionItem, useUpdateActionItem } from './meetings.api.ts';

export function ActionItemsSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('items.title')}
        </Title>
        {meeting.actionItems.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('items.empty')}
          </Text>
        ) : (
          <ActionItemTable items={meeting.actionItems} />
        )}
        {meeting.actions.includes('add_action_item') && <AddActionItemForm meeting={meeting} />}
      </Stack>
    </Paper>
  );
}

/** Action items as a table; with `showMeeting`, the meeting of each (the cross-meeting list). */
export function ActionItemTable({ items, showMeeting = false, meetingLink }: { items: ActionItem[]; showMeeting?: boolean; meetingLink?: (item: ActionItem) => ReactNode }) {
  const { t } = useTranslation('meetings');
  const language = useDisplayLanguage();
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table verticalSpacing="xs">
        <Table.Caption>{t('items.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('items.item')}</Table.Th>
            <Table.Th scope="col">{t('items.owner')}</Table.Th>
            <Table.Th scope="col">{t('items.dueDate')}</Table.Th>
            {showMeeting && <Table.Th scope="col">{t('items.meeting')}</Table.Th>}
            <Table.Th scope="col">{t('items.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} bg={item.overdue ? 'red.0' : undefined}>
              <Table.Td fz="sm">{item.title}</Table.Td>
              <Table.Td fz="sm">{item.ownerName}</Table.Td>
              <Table.Td fz="sm">
                <Text span fz="sm" c={item.overdue ? 'red.8' : undefined} fw={item.overdue ? 600 : undefined}>
                  {formatDateMedium(item.dueDate, language)}
                </Text>
              </Table.Td>
              {showMeeting && <Table.Td fz="sm">{meetingLink ? meetingLink(item) : item.meetingTitle}</Table.Td>}
              <Table.Td fz="sm">
                <StatusCell item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StatusCell({ item }: { item: ActionItem }) {
  const { t } = useTranslation('meetings');
  const update = useUpdateActionItem();
  if (item.actions.length === 0) return <ActionStatusBadge status={item.status} overdue={item.overdue} />;
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap">
        <Select
          aria-label={t('items.statusOf', { title: item.title })}
          size="xs"
          w={150}
          data={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          value={item.status}
          allowDeselect={false}
          disabled={update.isPending}
          onChange={(value) => value && value !== item.status && update.mutate({ id: item.id, body: { status: value as ActionItemStatus } })}
        />
        {item.overdue && <ActionStatusBadge status={item.status} overdue />}
      </Group>
      <FormError error={update.error} />
    </Stack>
  );
}

function AddActionItemForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const add = useAddActionItem(meeting.id);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [decisionId, setDecisionId] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const server = fieldErrors(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (title.trim().length < 3 || !owner.trim() || !dueDate) return;
    add.mutate(
      { title: title.trim(), ownerKind: 'institution', ownerInstitution: owner.trim(), dueDate, decisionId: decisionId ? Number(decisionId) : null },
      {
        onSuccess: () => {
          setTitle('');
          setDueDate('');
          setDecisionId(null);
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('items.item')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={(submitted && title.trim().length < 3 ? t('form.minChars', { min: 3 }) : undefined) ?? server.title}
          />
          <TextInput
            label={t('items.owner')}
            description={t('items.ownerHelp')}
            value={owner}
            onChange={(e) => setOwner(e.currentTarget.value)}
            required
            error={(submitted && !owner.trim() ? t('form.required') : undefined) ?? server.ownerInstitution}
          />
          <TextInput
            type="date"
            label={t('items.dueDate')}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            required
            error={(submitted && !dueDate ? t('form.required') : undefined) ?? server.dueDate}
          />
          {meeting.decisions.length > 0 && (
            <Select
              label={t('items.decision')}
              placeholder={t('items.noDecision')}
              data={meeting.decisions.map((d, i) => ({ value: String(d.id), label: `${i + 1}. ${d.text.slice(0, 80)}` }))}
              value={decisionId}
              onChange={setDecisionId}
              clearable
            />
          )}
        </SimpleGrid>
        <FormError error={add.error} shownFields={['title', 'ownerInstitution', 'dueDate']} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('items.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
