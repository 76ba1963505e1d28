// Everything recorded about one audit event.
import { Alert, Code, Drawer, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../common/audit.ts';
import { formatDateTime } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';

export function AuditDetail({ event, onClose }: { event: AuditEventView | null; onClose: () => void }) {
  const { t } = useTranslation('audit');
  return (
    <Drawer opened={event !== null} onClose={onClose} position="right" size="lg" title={event ? t('detail.title', { seq: event.seq }) : ''}>
      {event && <AuditDetailBody event={event} />}
    </Drawer>
  );
}

function AuditDetailBody({ event }: { event: AuditEventView }) {
  const { t } = useTranslation('audit');
  const language = useDisplayLanguage();
  const dash = '–';
  const rows: [string, ReactNode][] = [
    [t('fields.seq'), event.seq],
    [t('fields.at'), `${formatDateTime(event.at, language)} (${event.at})`],
    [t('fields.actor'), event.actor.username],
    [t('fields.actorId'), event.actor.userId ?? dash],
    [t('fields.actorRoles'), event.actor.roles.join(', ') || dash],
    [t('fields.actorScope'), event.actor.scope ?? dash],
    [t('fields.action'), <Code key="a">{event.action}</Code>],
    [t('fields.entity'), `${event.entityType}${event.entityId ? ` #${event.entityId}` : ''}`],
    [t('fields.regionCode'), event.regionCode ?? dash],
    [t('fields.reason'), event.reason ?? dash],
    [t('fields.requestId'), event.requestId ?? dash],
    [t('fields.ip'), event.ip ?? dash],
    [t('fields.userAgent'), event.userAgent ?? dash],
  ];
  return (
    <Stack>
      {event.breakGlass && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('breakGlass.badge')}>
          {t('breakGlass.help')}
        </Alert>
      )}
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={150}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div>
        <Text fw={600} size="sm" mb={4}>
          {t('fields.summary')}
        </Text>
        <Code block>{JSON.stringify(event.summary, null, 2)}</Code>
      </div>
      <div>
        <Text fw={600} size="sm" mb={4}>
          {t('fields.hash')}
        </Text>
        <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {event.hash}
        </Code>
        <Text fw={600} size="sm" mt="xs" mb={4}>
          {t('fields.prevHash')}
        </Text>
        <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {event.prevHash}
        </Code>
      </div>
    </Stack>
  );
}
