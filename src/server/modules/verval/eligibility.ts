// Eligibility rules as a pure function of a person's facts: each rule passes,
// fails or is unknown with a reason code; the proposal is "eligible" when every
// rule (or group of alternative rules) passes, "not eligible" when any fails, and
// "pending" while something is unknown. Identity values go in and never come out:
// results hold codes only.
import { validateNik } from '../../../common/nik.ts';
import type { Proposed, RuleReason, RuleResult, RuleSpec } from '../../../common/verval.ts';
import { nikRegions } from '../registry/nik-regions.ts';

export interface PersonFacts {
  sex: 'male' | 'female';
  /** The decrypted NIK and birth date; `identity` is why they are missing when they are. */
  identity: { nik?: string; birthDate?: string } | 'erased' | 'restricted';
  ektpSeen: boolean | null;
  /** The earliest date of a list (of a site within the programme) the person is on; null: on none. */
  firstListedOn: string | null;
  /** On the latest version of a site's list (within the programme). */
  onCurrentList: boolean;
  /** The same person or the same NIK already decided eligible elsewhere; null: no NIK to compare. */
  aidedElsewhere: boolean | null;
}

const result = (rule: RuleSpec, outcome: RuleResult['outcome'], reason: RuleReason, detail?: string): RuleResult => ({
  code: rule.code,
  outcome,
  reason,
  group: rule.group,
  ...(detail ? { detail } : {}),
});

/** Whole years from `birth` to `on` (both YYYY-MM-DD). */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

function identityMissing(rule: RuleSpec, facts: PersonFacts): RuleResult | null {
  if (facts.identity === 'erased') return result(rule, 'unknown', 'identity_erased');
  if (facts.identity === 'restricted') return result(rule, 'unknown', 'processing_restricted');
  return null;
}

function evaluateRule(rule: RuleSpec, facts: PersonFacts, today: Date): RuleResult {
  switch (rule.code) {
    case 'nik_valid': {
      if (typeof facts.identity === 'string') return identityMissing(rule, facts)!;
      const { nik, birthDate } = facts.identity;
      if (!nik) return result(rule, 'fail', 'nik_missing');
      const r = validateNik(nik, { regions: nikRegions(), today, declared: { sex: facts.sex, ...(birthDate ? { birthDate } : {}) } });
      return r.valid ? result(rule, 'pass', 'ok') : result(rule, 'fail', 'nik_invalid', r.errors[0]?.code);
    }
    case 'ektp_seen':
      return facts.ektpSeen === null ? result(rule, 'unknown', 'ektp_not_recorded') : facts.ektpSeen ? result(rule, 'pass', 'ok') : result(rule, 'fail', 'ektp_not_seen');
    case 'listed_before_cutoff':
      if (facts.firstListedOn === null) return result(rule, 'fail', 'not_listed');
      return facts.firstListedOn <= rule.params.cutoffDate ? result(rule, 'pass', 'ok') : result(rule, 'fail', 'listed_after_cutoff');
    case 'not_aided_elsewhere':
      if (facts.aidedElsewhere === null) return result(rule, 'unknown', 'nik_missing');
      return facts.aidedElsewhere ? result(rule, 'fail', 'aided_elsewhere') : result(rule, 'pass', 'ok');
    case 'min_age': {
      if (typeof facts.identity === 'string') return identityMissing(rule, facts)!;
      const birth = facts.identity.birthDate ?? (facts.identity.nik ? validateNik(facts.identity.nik, { regions: nikRegions(), today }).birthDate : null);
      if (!birth) return result(rule, 'unknown', 'birth_date_unknown');
      return ageOn(birth, rule.params.referenceDate) >= rule.params.years ? result(rule, 'pass', 'ok') : result(rule, 'fail', 'under_age');
    }
    case 'on_current_list':
      return facts.onCurrentList ? result(rule, 'pass', 'ok') : result(rule, 'fail', 'dropped_from_list');
  }
}

/** Whether the rules need the decrypted identity (so others never decrypt it). */
export function needsIdentity(rules: readonly RuleSpec[]): boolean {
  return rules.some((r) => r.code === 'nik_valid' || r.code === 'min_age');
}

/** Rules in a group combine by "any passes"; the groups and ungrouped rules by "all pass". */
export function propose(results: readonly RuleResult[]): Proposed {
  const units = new Map<string, RuleResult['outcome'][]>();
  results.forEach((r, i) => {
    const key = r.group === null ? `#${i}` : `g:${r.group}`;
    units.set(key, [...(units.get(key) ?? []), r.outcome]);
  });
  const outcomes = [...units.values()].map((o) => (o.includes('pass') ? 'pass' : o.includes('unknown') ? 'unknown' : 'fail'));
  if (outcomes.includes('fail')) return 'not_eligible';
  return outcomes.includes('unknown') ? 'pending' : 'eligible';
}

export function evaluate(rules: readonly RuleSpec[], facts: PersonFacts, today: Date): { results: RuleResult[]; proposed: Proposed } {
  const results = rules.map((r) => evaluateRule(r, facts, today));
  return { results, proposed: propose(results) };
}
