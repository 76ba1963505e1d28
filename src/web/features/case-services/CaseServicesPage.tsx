// Standalone pages of a case's return home (/kasus/:id/pemulangan) and referrals
// (/kasus/:id/rujukan), with tabs between them, until the case detail page takes
// the two panels as its own tabs ("Pemulangan", "Rujukan").
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCaseReturnHome } from './case-services.api.ts';
import { ReferralsPanel } from './ReferralsPanel.tsx';
import { ReturnHomePanel } from './ReturnHomePanel.tsx';

export function CaseServicesPage({ tab }: { tab: 'pemulangan' | 'rujukan' }) {
  const { t } = useTranslation(['caseServices', 'followUps']);
  const caseId = Number(useParams().id);
  const navigate = useNavigate();
  // The case code comes with either answer; the return-home one is cached for the other tab.
  const code = useCaseReturnHome(caseId).data?.caseCode ?? '';
  usePageTitle(`${t('page.title', { code })} · ${tab === 'pemulangan' ? t('tabs.returnHome') : t('tabs.referrals')}`);
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('page.title', { code })}
      </Title>
      <Tabs value={tab} onChange={(v) => v && void navigate(`/kasus/${caseId}/${v}`)}>
        <Tabs.List>
          <Tabs.Tab value="pemulangan">{t('tabs.returnHome')}</Tabs.Tab>
          <Tabs.Tab value="rujukan">{t('tabs.referrals')}</Tabs.Tab>
          <Tabs.Tab value="tindak-lanjut">{t('followUps:tab')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'pemulangan' ? <ReturnHomePanel caseId={caseId} /> : <ReferralsPanel caseId={caseId} />}
    </Stack>
  );
}
