// /kasus/:id: one case — its tabs come from caseTabs (case-tabs.tsx).
import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCase } from './cases.api.ts';
import { caseTabs } from './case-tabs.tsx';

export function CasePage() {
  const { t } = useTranslation('cases');
  const { id: idParam, tab } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const c = useCase(id);
  usePageTitle(c.data ? c.data.caseCode : t('list.title'));
  if (c.isPending) return <PageLoader />;
  if (c.isError) return <ErrorState title={t('loadError')} error={c.error} onRetry={() => void c.refetch()} />;
  const data = c.data;
  const inline = caseTabs.filter((x) => x.Panel);
  const current = inline.some((x) => x.key === tab) ? tab! : inline[0]!.key;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kasus" size="sm">
        ← {t('list.title')}
      </Anchor>
      <Group justify="space-between">
        <div>
          <Title order={1}>{data.caseCode}</Title>
          <Text c="dimmed">
            {data.alias ? `${data.alias} · ` : ''}
            {data.programmeName} · {data.regencyCode}
          </Text>
        </div>
        <Group gap={4}>
          <Badge size="lg" variant="light">{t(`status.${data.status}`)}</Badge>
          {data.closureRequested && <Badge size="lg" color="orange" variant="light">{t('closure.pending')}</Badge>}
        </Group>
      </Group>
      <Tabs
        value={current}
        onChange={(v) => {
          const target = caseTabs.find((x) => x.key === v);
          if (target?.path) void navigate(target.path(id));
          else if (v) void navigate(`/kasus/${id}/${v === inline[0]!.key ? '' : v}`, { replace: true });
        }}
      >
        <Tabs.List>
          {caseTabs.map((x) => (
            <Tabs.Tab key={x.key} value={x.key}>
              {t(x.label as never)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {inline.map((x) => (
          <Tabs.Panel key={x.key} value={x.key} pt="md">
            {current === x.key && x.Panel && <x.Panel caseData={data} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
