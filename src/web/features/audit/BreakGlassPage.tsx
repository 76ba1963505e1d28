// /audit/break-glass: emergency access grants waiting for a reviewer's judgement.
import { Badge, Button, Card, Group, Modal, Radio, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useBreakGlassList, useReviewBreakGlass, type BreakGlassGrant } from './audit.api.ts';

export function BreakGlassPage() {
  const { t } = useTranslation('audit');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'reviewed' ? 'reviewed' : 'pending';
  const list = useBreakGlassList(status);
  const [reviewing, setReviewing] = useState<BreakGlassGrant | null>(null);
  usePageTitle(t('breakGlass.title'));

  return (
    <Stack gap="md">
      <Title order={1}>{t('breakGlass.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('breakGlass.intro')}
      </Text>
      <SegmentedControl
        aria-label={t('breakGlass.statusLabel')}
        value={status}
        onChange={(value) => setParams(value === 'reviewed' ? { status: 'reviewed' } : {})}
        data={[
          { value: 'pending', label: t('breakGlass.pending') },
          { value: 'reviewed', label: t('breakGlass.reviewed') },
        ]}
        w={{ base: '100%', xs: 'auto' }}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.error ? (
        <ErrorState title={t('breakGlass.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Card withBorder p="xl" ta="center">
          <Text fw={500}>{status === 'pending' ? t('breakGlass.emptyPending') : t('breakGlass.emptyReviewed')}</Text>
        </Card>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.data.items.map((grant) => (
            <GrantCard key={grant.id} grant={grant} onReview={() => setReviewing(grant)} />
          ))}
        </Stack>
      )}
      <Modal opened={reviewing !== null} onClose={() => setReviewing(null)} title={t('breakGlass.reviewTitle')} size="lg">
        {reviewing && <ReviewForm grant={reviewing} onDone={() => setReviewing(null)} />}
      </Modal>
    </Stack>
  );
}

function GrantCard({ grant, onReview }: { grant: BreakGlassGrant; onReview: () => void }) {
  const { t } = useTranslation('audit');
  const language = useDisplayLanguage();
  return (
    <Card withBorder component="li" padding="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <IconAlertTriangle size={18} color="var(--mantine-color-red-8)" aria-hidden />
            <Text fw={600}>{grant.user.displayName}</Text>
            <Text size="sm" c="dimmed" ff="monospace">
              {grant.user.username}
            </Text>
            {grant.active && (
              <Badge color="red" radius="sm" size="sm">
                {t('breakGlass.active')}
              </Badge>
            )}
            {grant.review && (
              <Badge color={grant.review.decision === 'justified' ? 'teal' : 'red'} variant="light" radius="sm" size="sm">
                {t(`breakGlass.decision.${grant.review.decision}`)}
              </Badge>
            )}
          </Group>
          {grant.actions.includes('review') && (
            <Button size="xs" onClick={onReview}>
              {t('breakGlass.review')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Text size="sm">
            <Text span c="dimmed" size="sm">{`${t('fields.entity')}: `}</Text>
            {grant.entityType} #{grant.entityId}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">{`${t('fields.regionCode')}: `}</Text>
            {grant.regionCode ?? '–'}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">{`${t('breakGlass.period')}: `}</Text>
            {formatDateTime(grant.grantedAt, language)} – {formatDateTime(grant.expiresAt, language)}
          </Text>
        </SimpleGrid>
        <Text size="sm">
          <Text span c="dimmed" size="sm">{`${t('fields.reason')}: `}</Text>
          {grant.reason}
        </Text>
        {grant.review && (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('breakGlass.reviewedBy', { name: grant.review.reviewedBy, at: formatDateTime(grant.review.reviewedAt, language) })}:{' '}
            </Text>
            {grant.review.note}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function ReviewForm({ grant, onDone }: { grant: BreakGlassGrant; onDone: () => void }) {
  const { t } = useTranslation('audit');
  const review = useReviewBreakGlass();
  const [decision, setDecision] = useState<'justified' | 'unjustified' | ''>('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(review.error);
  const local = { decision: decision ? undefined : t('breakGlass.decisionRequired'), note: note.trim() ? undefined : t('breakGlass.noteRequired') };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (!decision || local.note) return;
        review.mutate({ id: grant.id, decision, note: note.trim() }, { onSuccess: onDone });
      }}
    >
      <Stack>
        <Text size="sm">{t('breakGlass.reviewIntro', { name: grant.user.displayName, entity: `${grant.entityType} #${grant.entityId}` })}</Text>
        <Text size="sm" fs="italic">
          “{grant.reason}”
        </Text>
        <FormError error={review.error} shownFields={['decision', 'note']} />
        <Radio.Group
          label={t('breakGlass.decisionLabel')}
          value={decision}
          onChange={(value) => setDecision(value as 'justified' | 'unjustified')}
          required
          error={server.decision ?? (checked ? local.decision : undefined)}
        >
          <Group mt="xs">
            <Radio value="justified" label={t('breakGlass.decision.justified')} />
            <Radio value="unjustified" label={t('breakGlass.decision.unjustified')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('breakGlass.note')}
          required
          autosize
          minRows={3}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={server.note ?? (checked ? local.note : undefined)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('breakGlass.cancel')}
          </Button>
          <Button type="submit" loading={review.isPending}>
            {t('breakGlass.submitReview')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
