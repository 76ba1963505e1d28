// Small pieces of the verification screens: badges for proposals, decisions and
// rule outcomes, and the text of a rule with its parameters.
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateMedium } from '../../../common/format.ts';
import type { Decision, Proposed, RuleResult, RuleSpec } from '../../../common/verval.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';

const PROPOSED_COLORS: Record<Proposed, string> = { eligible: 'teal', not_eligible: 'red', pending: 'yellow' };
const OUTCOME_COLORS: Record<RuleResult['outcome'], string> = { pass: 'teal', fail: 'red', unknown: 'gray' };

export function ProposedBadge({ proposed }: { proposed: Proposed | null }) {
  const { t } = useTranslation('verval');
  if (!proposed) return <Text size="sm" c="dimmed">{t('review.unevaluated')}</Text>;
  return (
    <Badge color={PROPOSED_COLORS[proposed]} variant="light" radius="sm">
      {t(`proposed.${proposed}`)}
    </Badge>
  );
}

export function DecisionBadge({ decision, overridden }: { decision: Decision | null; overridden: boolean }) {
  const { t } = useTranslation('verval');
  if (!decision) return <Text size="sm" c="dimmed">{t('review.undecided')}</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={PROPOSED_COLORS[decision]} variant="filled" radius="sm">
        {t(`decision.${decision}`)}
      </Badge>
      {overridden && (
        <Badge color="grape" variant="outline" radius="sm">
          {t('decision.overridden')}
        </Badge>
      )}
    </Group>
  );
}

/** Why a rule passed, failed or is unknown, in words (a NIK error is named by its code's text). */
export function useReasonText() {
  const { t } = useTranslation('verval');
  return (r: RuleResult) => {
    const base = t(`reasons.${r.reason}`);
    return r.detail ? `${base} (${t(`nikErrors.${r.detail.replace('nik.', '')}` as 'nikErrors.length', { defaultValue: r.detail })})` : base;
  };
}

/** One badge per rule; the tooltip (and the accessible label) says why. */
export function RuleResults({ results }: { results: RuleResult[] }) {
  const { t } = useTranslation('verval');
  const reasonText = useReasonText();
  if (results.length === 0) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap={4}>
      {results.map((r) => {
        const label = `${t(`rules.${r.code}.short`)}: ${t(`outcome.${r.outcome}`)} — ${reasonText(r)}`;
        return (
          <Tooltip key={r.code} label={label} withArrow>
            <Badge color={OUTCOME_COLORS[r.outcome]} variant={r.outcome === 'pass' ? 'light' : 'outline'} radius="sm" aria-label={label} tabIndex={0}>
              {t(`rules.${r.code}.short`)}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** A rule as a sentence with its parameters: "Usia ≥ 18 tahun pada 1 Juli 2018". */
export function useRuleText() {
  const { t } = useTranslation('verval');
  const language = useDisplayLanguage();
  return (rule: RuleSpec) => {
    switch (rule.code) {
      case 'listed_before_cutoff':
        return t('rules.listed_before_cutoff.text', { date: formatDateMedium(rule.params.cutoffDate, language) });
      case 'min_age':
        return t('rules.min_age.text', { years: rule.params.years, date: formatDateMedium(rule.params.referenceDate, language) });
      default:
        return t(`rules.${rule.code}.text`);
    }
  };
}
