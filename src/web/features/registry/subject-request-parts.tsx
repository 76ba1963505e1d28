// Pieces of the data-subject request screens: status and due badges, the actions
// of one request (start, answer, refuse, download the access export) and the
// form that registers a request.
import { Alert, Badge, Button, Checkbox, Group, Menu, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.ts';
import {
  SUBJECT_REQUEST_CHANNELS,
  SUBJECT_REQUEST_KINDS,
  type SubjectRequest,
  type SubjectRequestChannel,
  type SubjectRequestKind,
  type SubjectRequestStatus,
} from '../../../common/registry-rights.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useCreateSubjectRequest, useDownloadExport, useUpdateSubjectRequest } from './registry.api.ts';

const STATUS_COLORS: Record<SubjectRequestStatus, string> = { open: 'blue', in_progress: 'yellow', answered: 'teal', refused: 'gray' };

export function RequestStatusBadge({ status }: { status: SubjectRequestStatus }) {
  const { t } = useTranslation('registry');
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm">
      {t(`requests.statuses.${status}`)}
    </Badge>
  );
}

/** The due time, with "overdue" or the hours left while the request waits. */
export function DueBadge({ request }: { request: SubjectRequest }) {
  const { t } = useTranslation('registry');
  const language = useDisplayLanguage();
  const waiting = request.status === 'open' || request.status === 'in_progress';
  const hours = Math.max(0, Math.floor((Date.parse(request.dueAt) - Date.now()) / 3_600_000));
  return (
    <Stack gap={2}>
      <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(request.dueAt, language)}
      </Text>
      {request.overdue ? (
        <Badge color="red" variant="filled" radius="sm" size="sm" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
          {t('requests.overdue')}
        </Badge>
      ) : (
        waiting && (
          <Badge color={hours < 24 ? 'orange' : 'gray'} variant="light" radius="sm" size="sm" leftSection={<IconClockHour4 size={12} aria-hidden />}>
            {t('requests.dueIn', { hours })}
          </Badge>
        )
      )}
    </Stack>
  );
}

/** What a request's answer did or will do, and who answered. */
export function RequestFacts({ request }: { request: SubjectRequest }) {
  const { t } = useTranslation('registry');
  const language = useDisplayLanguage();
  return (
    <Stack gap={2}>
      {request.details && <Text size="sm">{request.details}</Text>}
      {request.correctedFields.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('requests.correctedFields', { fields: request.correctedFields.join(', ') })}
        </Text>
      )}
      {request.erasure && (
        <Text size="xs" c="dimmed">
          {t('requests.erasure', {
            files: request.erasure.caseNoteFiles ?? 0,
            referrals: request.erasure.referralSnapshots ?? 0,
            accounts: request.erasure.bankAccounts ?? 0,
          })}
        </Text>
      )}
      {request.exportedAt && (
        <Text size="xs" c="dimmed">
          {t('requests.exportedAt', { when: formatDateTime(request.exportedAt, language) })}
        </Text>
      )}
      {request.answeredAt && (
        <Text size="xs" c="dimmed">
          {t('requests.answeredBy', { name: request.answeredBy ?? '—', when: formatDateTime(request.answeredAt, language) })}
        </Text>
      )}
      {request.responseNote && <Text size="xs">{request.responseNote}</Text>}
      {request.refusalReason && (
        <Text size="xs" c="red.8">
          {request.refusalReason}
        </Text>
      )}
    </Stack>
  );
}

/** Start, answer, refuse, download: whatever the request's `actions` allow. */
export function RequestActions({ request }: { request: SubjectRequest }) {
  const { t } = useTranslation('registry');
  const update = useUpdateSubjectRequest();
  const download = useDownloadExport();
  const [closing, setClosing] = useState<'answered' | 'refused' | null>(null);
  const canUpdate = request.actions.includes('update');
  return (
    <Stack gap={4} align="flex-start">
      <Group gap={6} wrap="wrap">
        {canUpdate && request.status === 'open' && (
          <Button size="compact-sm" variant="default" loading={update.isPending} onClick={() => update.mutate({ id: request.id, body: { status: 'in_progress' } })}>
            {t('requests.start')}
          </Button>
        )}
        {canUpdate && (
          <>
            <Button size="compact-sm" onClick={() => setClosing('answered')}>
              {t('requests.answer')}
            </Button>
            <Button size="compact-sm" variant="light" color="red" onClick={() => setClosing('refused')}>
              {t('requests.refuse')}
            </Button>
          </>
        )}
        {request.actions.includes('export') && (
          <Menu position="bottom-start" withinPortal={false}>
            <Menu.Target>
              <Button size="compact-sm" variant="default" leftSection={<IconDownload size={14} aria-hidden />} loading={download.isPending}>
                {t('requests.download')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => download.mutate({ id: request.id, format: 'pdf' })}>{t('requests.downloadPdf')}</Menu.Item>
              <Menu.Item onClick={() => download.mutate({ id: request.id, format: 'json' })}>{t('requests.downloadJson')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <FormError error={update.error ?? download.error} />
      <Modal opened={closing !== null} onClose={() => setClosing(null)} title={t(closing === 'refused' ? 'requests.refuseTitle' : 'requests.answerTitle', { id: request.id })}>
        {closing && <CloseRequestForm request={request} status={closing} onDone={() => setClosing(null)} />}
      </Modal>
    </Stack>
  );
}

function CloseRequestForm({ request, status, onDone }: { request: SubjectRequest; status: 'answered' | 'refused'; onDone: () => void }) {
  const { t } = useTranslation('registry');
  const update = useUpdateSubjectRequest();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const server = fieldErrors(update.error);
  const deletion = status === 'answered' && request.kind === 'deletion';
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { id: request.id, body: { status, ...(note.trim() ? { responseNote: note.trim() } : {}), ...(status === 'refused' ? { refusalReason: reason.trim() } : {}) } },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack>
        {status === 'answered' && (
          <Alert color={deletion ? 'red' : 'blue'} variant="light" icon={deletion ? <IconAlertTriangle aria-hidden /> : undefined}>
            <Text size="sm">{t(`requests.effect.${request.kind}`)}</Text>
          </Alert>
        )}
        <FormError error={update.error} shownFields={['responseNote', 'refusalReason']} />
        {status === 'refused' && (
          <Textarea
            label={t('requests.refusalReason')}
            description={t('requests.refusalReasonHelp')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={server.refusalReason}
            data-autofocus
          />
        )}
        <Textarea
          label={t('requests.responseNote')}
          description={t('requests.responseNoteHelp')}
          required={status === 'answered'}
          autosize
          minRows={3}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={server.responseNote}
        />
        {deletion && <Checkbox label={t('requests.confirmDeletion')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('requests.cancel')}
          </Button>
          <Button type="submit" color={status === 'refused' || deletion ? 'red' : undefined} loading={update.isPending} disabled={deletion && !confirmed}>
            {t(status === 'refused' ? 'requests.refuse' : 'requests.answer')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Registers a request about one person (given by id: the caller found them in the registry). */
export function NewRequestModal({ personId, caseCode, opened, onClose }: { personId: number; caseCode: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('registry');
  return (
    <Modal opened={opened} onClose={onClose} title={`${t('requests.registerTitle')} — ${caseCode}`}>
      {opened && <NewRequestForm personId={personId} onDone={onClose} />}
    </Modal>
  );
}

function NewRequestForm({ personId, onDone }: { personId: number; onDone: () => void }) {
  const { t } = useTranslation('registry');
  const create = useCreateSubjectRequest();
  const [kind, setKind] = useState<SubjectRequestKind>('access');
  const [channel, setChannel] = useState<SubjectRequestChannel>('in_person');
  const [received, setReceived] = useState('');
  const [details, setDetails] = useState('');
  const server = fieldErrors(create.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          {
            personId,
            kind,
            channel,
            // datetime-local is the browser's local time: send it with its offset.
            ...(received ? { receivedAt: new Date(received).toISOString() } : {}),
            ...(details.trim() ? { details: details.trim() } : {}),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack>
        <FormError error={create.error} shownFields={['kind', 'channel', 'receivedAt', 'details']} />
        <Select
          label={t('requests.kind')}
          required
          data={SUBJECT_REQUEST_KINDS.map((k) => ({ value: k, label: t(`requests.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as SubjectRequestKind)}
          error={server.kind}
          comboboxProps={{ withinPortal: false }}
          data-autofocus
        />
        <Text size="xs" c="dimmed">
          {t(`requests.effect.${kind}`)}
        </Text>
        <Select
          label={t('requests.channel')}
          required
          data={SUBJECT_REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`requests.channels.${c}`) }))}
          value={channel}
          onChange={(v) => v && setChannel(v as SubjectRequestChannel)}
          error={server.channel}
          comboboxProps={{ withinPortal: false }}
        />
        <TextInput
          type="datetime-local"
          label={t('requests.receivedAt')}
          description={t('requests.receivedAtHelp')}
          value={received}
          onChange={(e) => setReceived(e.currentTarget.value)}
          error={server.receivedAt}
        />
        <Textarea
          label={t('requests.details')}
          description={t('requests.detailsHelp')}
          autosize
          minRows={2}
          value={details}
          onChange={(e) => setDetails(e.currentTarget.value)}
          error={server.details}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('requests.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('requests.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
