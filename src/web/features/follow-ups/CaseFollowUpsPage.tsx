// /kasus/:id/tindak-lanjut: a case's follow-up visits on their own page, next to the
// return-home and referral tabs, until the case detail page takes the panel as a tab.
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCaseFollowUps } from './follow-ups.api.ts';
import { FollowUpsPanel } from './FollowUpsPanel.tsx';

export function CaseFollowUpsPage() {
  const { t } = useTranslation(['followUps', 'caseServices']);
  const caseId = Number(useParams().id);
  const navigate = useNavigate();
  // The case code comes with each visit; a case without visits yet shows its number.
  const code = useCaseFollowUps(caseId).data?.items[0]?.caseCode ?? `#${caseId}`;
  usePageTitle(`${t('caseServices:page.title', { code })} · ${t('tab')}`);
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('caseServices:page.title', { code })}
      </Title>
      <Tabs value="tindak-lanjut" onChange={(v) => v && void navigate(`/kasus/${caseId}/${v}`)}>
        <Tabs.List>
          <Tabs.Tab value="pemulangan">{t('caseServices:tabs.returnHome')}</Tabs.Tab>
          <Tabs.Tab value="rujukan">{t('caseServices:tabs.referrals')}</Tabs.Tab>
          <Tabs.Tab value="tindak-lanjut">{t('tab')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <FollowUpsPanel caseId={caseId} />
    </Stack>
  );
}
