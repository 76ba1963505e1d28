// Small pieces of the duplicate review: the score, the matcher's reasons as words,
// the pair's status, one side of a pair (pseudonymous; greyed when outside the
// reader's scope) and the "merged into" notice of a person's page.
import { Alert, Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CandidateStatus, PairSide } from '../../../common/duplicates.ts';
import { usePerson } from '../registry/registry.api.ts';
import { RegionName } from '../sites/site-parts.tsx';

/** Scores always with two decimals in Indonesian notation (0,93), like other figures. */
const scoreFormat = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatScore = (score: number) => scoreFormat.format(score);

const STATUS_COLORS: Record<CandidateStatus, string> = { open: 'orange', undecided: 'yellow', merged: 'teal', not_duplicate: 'gray' };

export function StatusBadge({ status }: { status: CandidateStatus }) {
  const { t } = useTranslation('duplicates');
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'open' ? 'light' : 'filled'} radius="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation('duplicates');
  const color = score >= 0.97 ? 'red' : score >= 0.92 ? 'orange' : 'yellow';
  return (
    <Tooltip label={t('scoreHelp')} withArrow>
      <Badge color={color} variant="outline" radius="sm" ff="monospace" aria-label={t('score', { score: formatScore(score) })} tabIndex={0}>
        {formatScore(score)}
      </Badge>
    </Tooltip>
  );
}

/** Evidence against a match ("differs") is shown apart from evidence for it. */
const AGAINST = new Set(['nik_differs', 'sex_differs', 'birth_date_differs']);
const KNOWN = new Set(['same_nik', 'nik_differs', 'same_name', 'name_similar', 'same_birth_date', 'birth_date_swapped', 'birth_date_typo', 'birth_year_off', 'birth_date_differs', 'same_phone', 'sex_differs']);

export function ReasonBadges({ reasons }: { reasons: string[] }) {
  const { t } = useTranslation('duplicates');
  if (reasons.length === 0) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap={4}>
      {reasons.map((r) => (
        <Badge key={r} color={AGAINST.has(r) ? 'red' : 'blue'} variant={AGAINST.has(r) ? 'outline' : 'light'} radius="sm" tt="none">
          {KNOWN.has(r) ? t(`reasons.${r}` as 'reasons.same_nik') : r}
        </Badge>
      ))}
    </Group>
  );
}

/** One side in the queue's table: case code (a link when visible), alias, regency, site. */
export function SideCell({ side }: { side: PairSide }) {
  const { t } = useTranslation('duplicates');
  const region = side.regencyName ?? <RegionName code={side.regencyCode} />;
  if (!side.visible)
    return (
      <Stack gap={0} c="dimmed" style={{ opacity: 0.7 }}>
        <Text size="sm" ff="monospace" inherit>
          {side.caseCode}
        </Text>
        <Text size="xs" inherit>
          {region}
        </Text>
        <Text size="xs" fs="italic" inherit>
          {t('side.outOfScope')}
        </Text>
      </Stack>
    );
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/registri/${side.id}`} size="sm" ff="monospace" fw={500}>
        {side.caseCode}
      </Anchor>
      <Text size="xs">{side.alias ?? '—'}</Text>
      <Text size="xs" c="dimmed">
        {region}
        {side.siteCode ? ` · ${side.siteCode}` : ''}
      </Text>
      {side.mergedIntoId !== null && (
        <Text size="xs" c="teal.8">
          {t('side.merged')}
        </Text>
      )}
    </Stack>
  );
}

/** A person's page: this record was merged into another by the duplicate review. */
export function MergedNotice({ mergedIntoId }: { mergedIntoId: number | null }) {
  const { t } = useTranslation('duplicates');
  // The kept record may lie outside the reader's reach: then its number stands in for the case code.
  const kept = usePerson(mergedIntoId ?? 0);
  if (mergedIntoId === null) return null;
  return (
    <Alert color="teal" variant="light" icon={<IconGitMerge aria-hidden />} title={t('person.mergedTitle')}>
      <Text size="sm">
        {t('person.mergedInto')}{' '}
        <Anchor component={Link} to={`/registri/${mergedIntoId}`} ff="monospace" fw={500} inherit>
          {kept.data?.caseCode ?? `#${mergedIntoId}`}
        </Anchor>
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('person.mergedHelp')}
      </Text>
    </Alert>
  );
}
