// /kasus/:id/:tab: one case — every part of it a tab (case-tabs.tsx), the tab in the
// URL. The header keeps the status and its one-step moves in sight on every tab.
import { Anchor, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { CASE_STATUSES, type CaseDetail } from '../../../common/cases.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCase, useChangeStatus } from './cases.api.ts';
import { caseTabPath, caseTabs, tabOf } from './case-tabs.tsx';

export function CasePage() {
  const { t } = useTranslation('cases');
  const { id: idParam, tab: segment } = useParams();
  const [params] = useSearchParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const c = useCase(id);
  const current = tabOf(segment);
  usePageTitle(c.data ? `${c.data.caseCode} · ${t(current.label)}` : t('list.title'));
  // Older links: ?tab=pelatihan, or a segment no tab has.
  const asked = params.get('tab');
  if (asked !== null) return <Navigate to={caseTabPath(id, tabOf(asked).key)} replace />;
  if (segment !== undefined && current.key !== segment) return <Navigate to={caseTabPath(id, current.key)} replace />;
  if (c.isPending) return <PageLoader />;
  if (c.isError) return <ErrorState title={t('loadError')} error={c.error} onRetry={() => void c.refetch()} />;
  const data = c.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kasus" size="sm">
        ← {t('list.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{data.caseCode}</Title>
          <Text c="dimmed">
            {data.alias ? `${data.alias} · ` : ''}
            {data.programmeName} · {data.regencyCode}
          </Text>
        </div>
        <StatusBar c={data} />
      </Group>
      <Tabs value={current.key} onChange={(v) => v && void navigate(caseTabPath(id, v))}>
        <Tabs.List>
          {caseTabs.map((x) => (
            <Tabs.Tab key={x.key} value={x.key}>
              {t(x.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {caseTabs.map((x) => (
          <Tabs.Panel key={x.key} value={x.key} pt="md">
            {current.key === x.key && <x.Panel caseData={data} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

/** The status (and a pending closure) with the moves allowed now: forward filled, back subtle. */
function StatusBar({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const status = useChangeStatus(c.id);
  const rank = (s: string) => CASE_STATUSES.indexOf(s as (typeof CASE_STATUSES)[number]);
  const moves = c.actions.includes('change_status') ? c.nextStatuses : [];
  return (
    <Stack gap={6} align="flex-end">
      <Group gap={4}>
        <Badge size="lg" variant="light" data-testid="case-status">
          {t(`status.${c.status}`)}
        </Badge>
        {c.closureRequested && (
          <Badge size="lg" color="orange" variant="light">
            {t('closure.pending')}
          </Badge>
        )}
      </Group>
      {moves.length > 0 && (
        <Group gap="xs">
          {[...moves]
            .sort((a, b) => rank(b) - rank(a))
            .map((s) => (
              <Button
                key={s}
                size="xs"
                variant={rank(s) > rank(c.status) ? 'filled' : 'subtle'}
                loading={status.isPending && status.variables.status === s}
                onClick={() => status.mutate({ status: s, version: c.version })}
              >
                {t(rank(s) > rank(c.status) ? 'summary.moveTo' : 'summary.moveBack', { status: t(`status.${s}`) })}
              </Button>
            ))}
        </Group>
      )}
      <FormError error={status.error} />
    </Stack>
  );
}
