// /registri/duplikat/:id: one candidate pair — both persons side by side
// (pseudonymous, each linking to the person's page where the identity can be
// revealed with a reason), the decision (merge keeping A or B, not a duplicate,
// undecided; a reason always), reopening, and the history of decisions.
import { Alert, Anchor, Breadcrumbs, Button, Group, Modal, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { Fact } from '../../components/Fact.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Candidate, Decision, PairSide } from '../../../common/duplicates.ts';
import { formatDateTime } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { RegionName } from '../sites/site-parts.tsx';
import { useCandidate, useCandidateHistory, useDecide, useReopen } from './duplicates.api.ts';
import { ReasonBadges, ScoreBadge, StatusBadge } from './duplicate-parts.tsx';

/** The server's minimum for a merge or "not a duplicate"; asked of every decision here. */
const REASON_MIN = 5;

export function PairPage() {
  const { t } = useTranslation('duplicates');
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const pair = useCandidate(valid ? id : 0);
  usePageTitle(t('pair.title', { id }));
  if (!valid) return <NotFoundPage />;
  if (pair.error)
    return (
      <ErrorState title={t('pair.loadFailed')} error={pair.error} onRetry={() => void pair.refetch()}>
        <Anchor component={Link} to="/registri/duplikat" size="sm">
          {t('pair.backToQueue')}
        </Anchor>
      </ErrorState>
    );
  if (!pair.data) return <PageLoader />;
  return <PairView pair={pair.data} />;
}

function SideCard({ label, side, other }: { label: string; side: PairSide; other: PairSide }) {
  const { t } = useTranslation('duplicates');
  const region = side.regencyName ?? <RegionName code={side.regencyCode} />;
  const titleId = `pair-side-${side.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} bg={side.visible ? undefined : 'gray.0'} c={side.visible ? undefined : 'dimmed'}>
      <Stack gap="sm">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Title order={2} size="h3" ff="monospace" id={titleId}>
            {side.caseCode}
          </Title>
          {!side.visible && (
            <Text size="sm" fs="italic">
              {t('side.outOfScope')}
            </Text>
          )}
        </div>
        <SimpleGrid cols={2} spacing="xs" component="dl" m={0}>
          {side.visible && <Fact label={t('side.alias')}>{side.alias ?? '—'}</Fact>}
          <Fact label={t('side.regency')}>{region}</Fact>
          {side.visible && <Fact label={t('side.site')}>{side.siteCode ?? '—'}</Fact>}
        </SimpleGrid>
        {side.mergedIntoId !== null && (
          <Text size="sm" c="teal.8">
            {t('side.mergedInto')}{' '}
            <Anchor component={Link} to={`/registri/${side.mergedIntoId}`} ff="monospace" inherit>
              {side.mergedIntoId === other.id ? other.caseCode : `#${side.mergedIntoId}`}
            </Anchor>
          </Text>
        )}
        {side.visible && (
          <div>
            <Button component={Link} to={`/registri/${side.id}`} variant="default" size="xs" leftSection={<IconExternalLink size={14} aria-hidden />} aria-label={`${t('side.openPerson')} ${side.caseCode}`}>
              {t('side.openPerson')}
            </Button>
            <Text size="xs" c="dimmed" mt={4}>
              {t('side.openPersonHelp')}
            </Text>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function PairView({ pair }: { pair: Candidate }) {
  const { t } = useTranslation('duplicates');
  const language = useDisplayLanguage();
  const session = useSession();
  const [saved, setSaved] = useState(false);
  const [reopening, setReopening] = useState(false);
  const decided = pair.status !== 'open' && pair.decidedAt !== null;

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/registri" size="sm">
          {t('registry')}
        </Anchor>
        <Anchor component={Link} to="/registri/duplikat" size="sm">
          {t('title')}
        </Anchor>
        <Text size="sm">{t('pair.title', { id: pair.id })}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={1}>{t('pair.title', { id: pair.id })}</Title>
            <StatusBadge status={pair.status} />
            <ScoreBadge score={pair.score} />
          </Group>
          <ReasonBadges reasons={pair.reasons} />
        </Stack>
        {pair.actions.includes('reopen') && (
          <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setReopening(true)}>
            {t('pair.reopen')}
          </Button>
        )}
      </Group>

      {saved && (
        <Alert color="teal" variant="light" icon={<IconCheck aria-hidden />} role="status" withCloseButton onClose={() => setSaved(false)}>
          {t('pair.saved')}
        </Alert>
      )}
      {decided && (
        <Paper withBorder p="sm">
          <Text size="sm">{t('pair.decided', { by: pair.decidedBy ?? t('pair.system'), at: formatDateTime(pair.decidedAt!, language) })}</Text>
          {pair.decisionReason && <Text size="sm">{t('pair.decidedReason', { reason: pair.decisionReason })}</Text>}
        </Paper>
      )}

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <SideCard label={t('columns.a')} side={pair.a} other={pair.b} />
        <SideCard label={t('columns.b')} side={pair.b} other={pair.a} />
      </SimpleGrid>

      {pair.actions.includes('decide') ? (
        <DecideForm key={`${pair.status}-${pair.decidedAt}`} pair={pair} onSaved={() => setSaved(true)} />
      ) : (
        (pair.status === 'open' || pair.status === 'undecided') &&
        can(session, 'person.manage') && (
          <Alert color="gray" variant="light">
            {t('pair.notAllowed')}
          </Alert>
        )
      )}

      <History id={pair.id} />

      <Modal opened={reopening} onClose={() => setReopening(false)} title={t('pair.reopenTitle')}>
        {reopening && (
          <ReopenForm
            id={pair.id}
            onDone={(ok) => {
              setReopening(false);
              if (ok) setSaved(true);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

type Choice = 'keepA' | 'keepB' | 'not_duplicate' | 'undecided';

function toDecision(choice: Choice, reason: string): Decision {
  switch (choice) {
    case 'keepA':
      return { decision: 'merged', keep: 'a', reason };
    case 'keepB':
      return { decision: 'merged', keep: 'b', reason };
    default:
      return { decision: choice, reason };
  }
}

function DecideForm({ pair, onSaved }: { pair: Candidate; onSaved: () => void }) {
  const { t } = useTranslation('duplicates');
  const decide = useDecide(pair.id);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(decide.error);
  const local = {
    choice: choice ? undefined : t('pair.chooseOne'),
    reason: reason.trim().length >= REASON_MIN ? undefined : t('pair.reasonTooShort', { min: REASON_MIN }),
  };
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!choice || local.reason) return;
          decide.mutate(toDecision(choice, reason.trim()), { onSuccess: onSaved });
        }}
      >
        <Stack gap="sm" maw={640}>
          <Title order={2} size="h4">
            {t('pair.decideTitle')}
          </Title>
          <FormError error={decide.error} shownFields={['reason']} />
          <Radio.Group label={t('pair.choice')} value={choice} onChange={(v) => setChoice(v as Choice)} error={checked ? local.choice : undefined} required>
            <Stack gap="xs" mt="xs">
              <Radio value="keepA" label={t('pair.choices.keepA', { code: pair.a.caseCode })} />
              <Radio value="keepB" label={t('pair.choices.keepB', { code: pair.b.caseCode })} />
              <Radio value="not_duplicate" label={t('pair.choices.not_duplicate')} />
              <Radio value="undecided" label={t('pair.choices.undecided')} />
            </Stack>
          </Radio.Group>
          {(choice === 'keepA' || choice === 'keepB') && (
            <Text size="sm" c="dimmed">
              {t('pair.mergeHelp')}
            </Text>
          )}
          <Textarea
            label={t('pair.reason')}
            description={t('pair.reasonHelp')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={server.reason ?? (checked ? local.reason : undefined)}
          />
          <Group>
            <Button type="submit" loading={decide.isPending}>
              {t('pair.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ReopenForm({ id, onDone }: { id: number; onDone: (ok: boolean) => void }) {
  const { t } = useTranslation('duplicates');
  const reopen = useReopen(id);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const short = reason.trim().length < REASON_MIN;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (short) return;
        reopen.mutate(reason.trim(), { onSuccess: () => onDone(true) });
      }}
    >
      <Stack>
        <Text size="sm">{t('pair.reopenHelp')}</Text>
        <FormError error={reopen.error} shownFields={['reason']} />
        <Textarea
          label={t('pair.reopenReason')}
          description={t('pair.reasonHelp')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldErrors(reopen.error).reason ?? (checked && short ? t('pair.reasonTooShort', { min: REASON_MIN }) : undefined)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            {t('pair.cancel')}
          </Button>
          <Button type="submit" loading={reopen.isPending}>
            {t('pair.reopen')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const DECISION_COLORS: Record<string, string> = { merged: 'teal', not_duplicate: 'gray', undecided: 'yellow', reopened: 'orange' };

function History({ id }: { id: number }) {
  const { t } = useTranslation('duplicates');
  const language = useDisplayLanguage();
  const history = useCandidateHistory(id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pair-history">
      <Title order={2} size="h4" id="pair-history" mb="sm">
        {t('pair.history')}
      </Title>
      {history.error ? (
        <ErrorState title={t('pair.historyFailed')} error={history.error} onRetry={() => void history.refetch()} />
      ) : !history.data ? (
        <PageLoader />
      ) : history.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('pair.noHistory')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {history.data.items.map((h, i) => (
            <Timeline.Item key={i} color={DECISION_COLORS[h.decision] ?? 'gray'} title={t(`pair.decisions.${h.decision}` as 'pair.decisions.merged', { defaultValue: h.decision })}>
              <Text size="xs" c="dimmed">
                {t('pair.by', { by: h.decidedBy ?? t('pair.system'), at: formatDateTime(h.decidedAt, language) })}
              </Text>
              {h.reason && <Text size="sm">“{h.reason}”</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
