// /bantuan/skema: aid schemes per programme and year with their components; set them,
// and generate the entitlements of the eligible persons within one's scope.
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../common/format.ts';
import type { GenerateResult, Scheme } from '../../../common/aid.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { useGenerate, useSchemes } from './aid.api.ts';
import { SchemeEditor } from './SchemeEditor.tsx';

export function SchemesPage() {
  const { t } = useTranslation('aid');
  const session = useSession();
  usePageTitle(t('schemes.title'));
  const schemes = useSchemes();
  const generate = useGenerate();
  const [editing, setEditing] = useState<Scheme | 'new' | null>(null);
  const [result, setResult] = useState<GenerateResult | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={1}>{t('schemes.title')}</Title>
          <Text c="dimmed">{t('schemes.help')}</Text>
        </div>
        {can(session, 'aid.manage') && <Button onClick={() => setEditing('new')}>{t('schemes.new')}</Button>}
      </Group>
      {result && (
        <Alert color="teal" withCloseButton onClose={() => setResult(null)} role="status">
          {t('generate.result', result)}
        </Alert>
      )}
      <FormError error={generate.error} />
      {schemes.error ? (
        <ErrorState title={t('common.loadFailed')} error={schemes.error} onRetry={() => void schemes.refetch()} />
      ) : !schemes.data ? (
        <PageLoader />
      ) : schemes.data.items.length === 0 ? (
        <Text>{t('schemes.none')}</Text>
      ) : (
        schemes.data.items.map((s) => (
          <Paper key={s.id} withBorder p="md" component="section">
            <Group justify="space-between" mb="xs">
              <div>
                <Title order={2} size="h3">
                  {s.name} · {s.year}
                </Title>
                <Text size="sm" c="dimmed">
                  {s.programmeName} · {t('schemes.perPerson', { amount: formatRupiah(s.totalPerPerson) })} · {t('schemes.entitlements', { count: s.entitlementCount })}
                </Text>
              </div>
              <Group gap="xs">
                <Badge color={s.status === 'active' ? 'teal' : 'gray'}>{t(`schemes.status.${s.status}`)}</Badge>
                {s.actions.includes('update') && (
                  <Button variant="default" size="xs" onClick={() => setEditing(s)}>
                    {t('schemes.edit')}
                  </Button>
                )}
                {s.actions.includes('generate') && (
                  <Button size="xs" loading={generate.isPending && generate.variables === s.id} onClick={() => generate.mutate(s.id, { onSuccess: setResult })}>
                    {t('generate.button')}
                  </Button>
                )}
              </Group>
            </Group>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('components.code')}</Table.Th>
                  <Table.Th>{t('components.name')}</Table.Th>
                  <Table.Th ta="right">{t('components.amount')}</Table.Th>
                  <Table.Th>{t('components.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.components.map((c) => (
                  <Table.Tr key={c.id} c={c.active ? undefined : 'dimmed'}>
                    <Table.Td>{c.code}</Table.Td>
                    <Table.Td>
                      {c.name} {!c.active && <Badge color="gray" size="xs">{t('components.inactive')}</Badge>}
                    </Table.Td>
                    <Table.Td ta="right">{formatRupiah(c.amount)}</Table.Td>
                    <Table.Td>{t(`sources.${c.fundingSource}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ))
      )}
      {editing && <SchemeEditor key={editing === 'new' ? 'new' : editing.id} scheme={editing === 'new' ? null : editing} opened onClose={() => setEditing(null)} />}
    </Stack>
  );
}
