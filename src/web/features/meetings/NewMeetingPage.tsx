// /rapat/baru: record a meeting, then open it.
import { Anchor, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useSession } from '../auth/session.ts';
import { useCreateMeeting } from './meetings.api.ts';
import { MeetingForm } from './MeetingForm.tsx';

export function NewMeetingPage() {
  const { t } = useTranslation('meetings');
  const session = useSession();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  usePageTitle(t('form.createTitle'));
  const scope = session.me?.scope;
  const defaultRegion = scope && scope.level !== 'national' ? scope.code : '';

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/rapat" size="sm">
        {t('detail.back')}
      </Anchor>
      <Title order={1}>{t('form.createTitle')}</Title>
      <Paper withBorder p="md">
        <MeetingForm
          defaultRegion={defaultRegion}
          pending={create.isPending}
          error={create.error}
          onCancel={() => void navigate('/rapat')}
          onSubmit={(values) => create.mutate(values, { onSuccess: (meeting) => void navigate(`/rapat/${meeting.id}`) })}
        />
      </Paper>
    </Stack>
  );
}
