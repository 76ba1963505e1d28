// A person's aid history (on the person's page): every entitlement with its status.
import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../common/format.ts';
import { useEntitlements } from './aid.api.ts';

export function AidHistoryPanel({ personId }: { personId: number }) {
  const { t } = useTranslation('aid');
  const list = useEntitlements({ personId, limit: 200, offset: 0 });
  if (!list.data) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="aid-history">
      <Title order={2} size="h3" id="aid-history" mb="xs">
        {t('history.title')}
      </Title>
      {list.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.none')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {list.data.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  {e.schemeName} · {e.year}
                </Table.Td>
                <Table.Td>{e.componentName}</Table.Td>
                <Table.Td ta="right">{formatRupiah(e.amount)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`statuses.${e.status}`)}</Badge> {e.reviewRequired && <Badge color="orange">{t(`reviewReasons.${e.reviewReason ?? 'no_nik'}`)}</Badge>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
