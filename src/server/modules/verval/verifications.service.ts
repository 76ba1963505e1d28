// Verification of persons for a programme: rule sets (versioned), e-KTP sighting,
// evaluation of the rules (identity decrypted in memory only, results as codes),
// and the reviewer's decision — a confirmation, or an override with a reason.
// Every change keeps a history row and an audit event.
import type { z } from 'zod';
import {
  LIST_MAX_PERSONS,
  OVERRIDE_REASON_MIN,
  RuleSpecSchema,
  type BulkEvaluateSchema,
  type DecideSchema,
  type RuleSet,
  type RuleSpec,
  type SetRulesSchema,
  type Verification,
  type VerificationListQuery,
} from '../../../common/verval.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/database.ts';
import { findProgramme, type ProgrammeRow } from '../programmes/programmes.repository.ts';
import { visibility, type Reach } from '../registry/persons.policy.ts';
import type { Visibility } from '../registry/persons.repository.ts';
import type { PersonService } from '../registry/persons.service.ts';
import { openIdentity } from '../registry/persons.sealing.ts';
import { actorUserId, personReaches } from '../registry/registry-access.ts';
import { evaluate, needsIdentity, type PersonFacts } from './eligibility.ts';
import { findSiteRef } from './person-lists.repository.ts';
import { vervalError } from './verval.errors.ts';
import { canSeeSite, canSetRules, verificationActions } from './verval.policy.ts';
import {
  aidedElsewhere,
  currentRuleSet,
  existingVerifications,
  findVerification,
  firstListedOn,
  historyOf,
  insertEvents,
  insertRuleSet,
  listedPersonIds,
  listVerifications,
  onCurrentLists,
  personsForEvaluation,
  ruleSetsOf,
  saveEvaluations,
  type Evaluated,
  type RuleSetRow,
  type VerificationRow,
} from './verifications.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
const actorName = (ctx: Context) => ctx.actor.username;

function ruleSetView(r: RuleSetRow): RuleSet {
  return {
    id: r.id,
    programmeId: r.programme_id,
    version: r.version,
    rules: RuleSpecSchema.array().parse(r.rules),
    note: r.note,
    createdBy: r.created_by_name ?? null,
    createdAt: iso(r.created_at),
  };
}

export class VerificationService {
  constructor(
    private readonly db: Db,
    private readonly persons: PersonService,
    private readonly clock: Clock,
  ) {}

  private async programme(ctx: Context, id: number): Promise<ProgrammeRow> {
    const p = await findProgramme(this.db, id, ctx.actor.kind === 'user' ? ctx.actor.scope : null);
    if (!p) throw vervalError('verval.programme_not_found');
    return p;
  }

  private async reach(ctx: Context): Promise<{ reach: Reach; v: Visibility }> {
    const reach = (await personReaches(this.db, ctx)).read;
    return { reach, v: visibility(ctx.actor, reach) };
  }

  private view(ctx: Context, programmeId: number, reach: Reach, r: VerificationRow): Verification {
    return {
      personId: r.id,
      caseCode: r.case_code,
      alias: r.alias,
      sex: r.sex,
      programmeId,
      regencyCode: r.regency_code,
      siteId: r.site_id,
      siteCode: r.site_code,
      ektpSeen: r.ektp_seen,
      ruleSetVersion: r.rule_set_version,
      results: r.results ?? [],
      proposed: r.proposed,
      evaluatedAt: isoOrNull(r.evaluated_at),
      decision: r.decision,
      decisionReason: r.decision_reason ?? '',
      overridden: r.overridden ?? false,
      decidedBy: r.decided_by_name ?? null,
      decidedAt: isoOrNull(r.decided_at),
      actions: verificationActions(ctx.actor, reach, { regencyCode: r.regency_code, assignedUserId: r.assigned_user_id }),
    };
  }

  // ---- rules ----

  async rules(ctx: Context, programmeId: number) {
    authorize(ctx.actor, 'program.read');
    const p = await this.programme(ctx, programmeId);
    const versions = (await ruleSetsOf(this.db, p.id)).map(ruleSetView);
    return { current: versions[0] ?? null, versions, actions: canSetRules(ctx.actor, p.region_code) ? ['update' as const] : [] };
  }

  async setRules(ctx: Context, programmeId: number, input: z.output<typeof SetRulesSchema>) {
    authorize(ctx.actor, 'verval.decide');
    const p = await this.programme(ctx, programmeId);
    if (!canSetRules(ctx.actor, p.region_code)) throw vervalError('verval.rules_out_of_scope');
    await inTransaction(this.db, async (tx) => {
      const version = await insertRuleSet(tx, p.id, input.rules, input.note, actorUserId(ctx));
      await audit(tx, ctx, {
        action: 'eligibility_rules.updated',
        entityType: 'programme',
        entityId: p.id,
        regionCode: p.region_code,
        summary: { version, rules: input.rules.map((r) => ({ code: r.code, group: r.group, ...r.params })) },
      });
    });
    return this.rules(ctx, programmeId);
  }

  // ---- reading ----

  async list(ctx: Context, programmeId: number, query: VerificationListQuery) {
    authorize(ctx.actor, 'person.read');
    const p = await this.programme(ctx, programmeId);
    const { reach, v } = await this.reach(ctx);
    const { rows, total } = await listVerifications(this.db, p, v, query);
    return { items: rows.map((r) => this.view(ctx, p.id, reach, r)), total };
  }

  async get(ctx: Context, programmeId: number, personId: number) {
    authorize(ctx.actor, 'person.read');
    const p = await this.programme(ctx, programmeId);
    const { reach, v } = await this.reach(ctx);
    const row = await findVerification(this.db, p, v, personId);
    if (!row) throw vervalError('verval.person_not_found');
    const history = row.verification_id === null ? [] : await historyOf(this.db, row.verification_id);
    return {
      ...this.view(ctx, p.id, reach, row),
      history: history.map((e) => ({
        kind: e.kind,
        at: iso(e.at),
        actor: e.actor_username,
        ektpSeen: e.ektp_seen,
        ruleSetVersion: e.rule_set_version,
        results: e.results,
        proposed: e.proposed,
        decision: e.decision,
        reason: e.reason,
      })),
    };
  }

  /** The person, visible, in the programme's area, and within the permission's reach; else 404/403. */
  private async target(ctx: Context, programmeId: number, personId: number, action: 'evaluate' | 'decide') {
    const p = await this.programme(ctx, programmeId);
    const { reach, v } = await this.reach(ctx);
    const row = await findVerification(this.db, p, v, personId);
    if (!row) throw vervalError('verval.person_not_found');
    if (!this.view(ctx, p.id, reach, row).actions.includes(action)) throw authError('auth.forbidden');
    return { p, row };
  }

  // ---- changes ----

  async recordEktp(ctx: Context, programmeId: number, personId: number, seen: boolean) {
    authorize(ctx.actor, 'verval.manage');
    const { p, row } = await this.target(ctx, programmeId, personId, 'evaluate');
    await inTransaction(this.db, async (tx) => {
      const saved = await tx
        .insertInto('person_verification')
        .values({ programme_id: p.id, person_id: personId, ektp_seen: seen, ektp_recorded_at: this.clock() })
        .onConflict((oc) => oc.columns(['programme_id', 'person_id']).doUpdateSet({ ektp_seen: seen, ektp_recorded_at: this.clock(), updated_at: this.clock() }))
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertEvents(tx, [{ verification_id: saved.id, kind: 'ektp_recorded', ektp_seen: seen, actor_user_id: actorUserId(ctx), actor_username: actorName(ctx) }]);
      await audit(tx, ctx, {
        action: 'verification.ektp_recorded',
        entityType: 'person',
        entityId: personId,
        regionCode: row.regency_code,
        summary: { caseCode: row.case_code, programmeId: p.id, ektpSeen: seen },
      });
    });
    // A sighting changes the ektp_seen rule: evaluate again when the programme has rules.
    if (await currentRuleSet(this.db, p.id)) await this.evaluateIds(ctx, p, [personId], { personId, caseCode: row.case_code, regionCode: row.regency_code });
    return this.get(ctx, programmeId, personId);
  }

  async evaluateOne(ctx: Context, programmeId: number, personId: number) {
    authorize(ctx.actor, 'verval.manage');
    const { p, row } = await this.target(ctx, programmeId, personId, 'evaluate');
    await this.evaluateIds(ctx, p, [personId], { personId, caseCode: row.case_code, regionCode: row.regency_code });
    return this.get(ctx, programmeId, personId);
  }

  /** Everyone ever on a site's lists (or on one version) whom the caller reaches. */
  async evaluateSite(ctx: Context, programmeId: number, input: z.output<typeof BulkEvaluateSchema>) {
    authorize(ctx.actor, 'verval.manage');
    const p = await this.programme(ctx, programmeId);
    const site = await findSiteRef(this.db, input.siteId);
    if (!site || !canSeeSite(ctx.actor, site.region_code)) throw vervalError('verval.site_not_found');
    const { reach, v } = await this.reach(ctx);
    const listed = await listedPersonIds(this.db, site.id, input.listId);
    if (listed.length > LIST_MAX_PERSONS) throw vervalError('verval.too_many_persons', { count: listed.length, max: LIST_MAX_PERSONS });
    // Only persons the caller reaches and that lie in the programme's area.
    const reachable = (await listVerifications(this.db, p, v, { siteId: site.id, listId: input.listId, limit: LIST_MAX_PERSONS, offset: 0 })).rows.filter((r) =>
      verificationActions(ctx.actor, reach, { regencyCode: r.regency_code, assignedUserId: r.assigned_user_id }).includes('evaluate'),
    );
    return this.evaluateIds(
      ctx,
      p,
      reachable.map((r) => r.id),
      { siteId: site.id, siteCode: site.code, listId: input.listId ?? null, regionCode: site.regency_code },
    );
  }

  /** Evaluates the current rules for these persons and stores results, proposals and history in one transaction. */
  private async evaluateIds(ctx: Context, p: ProgrammeRow, ids: number[], about: Record<string, unknown> & { regionCode: string }) {
    const ruleSet = await currentRuleSet(this.db, p.id);
    if (!ruleSet) throw vervalError('verval.no_rules');
    const rules = RuleSpecSchema.array().parse(ruleSet.rules);
    const today = this.clock();
    const [persons, firsts, current, aided] = await Promise.all([
      personsForEvaluation(this.db, ids),
      firstListedOn(this.db, ids, p.region_code),
      onCurrentLists(this.db, ids, p.region_code),
      aidedElsewhere(this.db, ids, p.id),
    ]);
    return inTransaction(this.db, async (tx) => {
      const existing = await existingVerifications(tx, p.id, ids);
      const evaluated: Evaluated[] = persons.map((person) => {
        const facts: PersonFacts = {
          sex: person.sex,
          identity: identityFacts(this.persons, person, rules),
          ektpSeen: existing.get(person.id)?.ektp_seen ?? null,
          firstListedOn: firsts.get(person.id) ?? null,
          onCurrentList: current.has(person.id),
          aidedElsewhere: aided.has(person.id) ? true : person.nik_match ? false : null,
        };
        return { personId: person.id, ...evaluate(rules, facts, today) };
      });
      const saved = await saveEvaluations(tx, p.id, ruleSet.id, evaluated, today);
      const cleared = evaluated.filter((e) => {
        const before = existing.get(e.personId);
        return before?.decision != null && !before.overridden && before.decision !== e.proposed;
      });
      const actor = { actor_user_id: actorUserId(ctx), actor_username: actorName(ctx) };
      await insertEvents(tx, [
        ...evaluated.map((e) => ({ verification_id: saved.get(e.personId)!, kind: 'evaluated' as const, rule_set_version: ruleSet.version, results: e.results, proposed: e.proposed, ...actor })),
        ...cleared.map((e) => ({ verification_id: saved.get(e.personId)!, kind: 'decision_cleared' as const, proposed: e.proposed, ...actor })),
      ]);
      const counts = {
        evaluated: evaluated.length,
        eligible: evaluated.filter((e) => e.proposed === 'eligible').length,
        notEligible: evaluated.filter((e) => e.proposed === 'not_eligible').length,
        pending: evaluated.filter((e) => e.proposed === 'pending').length,
        decisionsCleared: cleared.length,
      };
      const { regionCode, ...subject } = about;
      const one = 'personId' in about ? evaluated[0] : undefined;
      await audit(tx, ctx, {
        action: one ? 'verification.evaluated' : 'verification.bulk_evaluated',
        entityType: one ? 'person' : 'site',
        entityId: one ? one.personId : (about.siteId as number),
        regionCode,
        summary: {
          ...subject,
          programmeId: p.id,
          ruleSetVersion: ruleSet.version,
          ...(one ? { proposed: one.proposed, outcomes: Object.fromEntries(one.results.map((r) => [r.code, r.outcome])) } : {}),
          ...counts,
        },
      });
      return counts;
    });
  }

  /** Confirms the proposal, or overrides it with a reason (≥ 10 characters). */
  async decide(ctx: Context, programmeId: number, personId: number, input: z.output<typeof DecideSchema>) {
    authorize(ctx.actor, 'verval.decide');
    const { p, row } = await this.target(ctx, programmeId, personId, 'decide');
    await inTransaction(this.db, async (tx) => this.decideIn(tx, ctx, p, row, input));
    return this.get(ctx, programmeId, personId);
  }

  private async decideIn(tx: Tx, ctx: Context, p: ProgrammeRow, row: VerificationRow, input: z.output<typeof DecideSchema>) {
    const current = (await existingVerifications(tx, p.id, [row.id])).get(row.id);
    if (!current?.proposed) throw vervalError('verval.not_evaluated');
    const overridden = input.decision !== current.proposed;
    const reason = input.reason.trim();
    if (overridden && reason.length < OVERRIDE_REASON_MIN)
      throw vervalError('verval.reason_required', { min: OVERRIDE_REASON_MIN }, [
        { field: 'body.reason', message: { id: `Tuliskan alasan (paling sedikit ${OVERRIDE_REASON_MIN} karakter)`, en: `State a reason (at least ${OVERRIDE_REASON_MIN} characters)` } },
      ]);
    await tx
      .updateTable('person_verification')
      .set({ decision: input.decision, decision_reason: reason, overridden, decided_by: actorUserId(ctx), decided_at: this.clock(), updated_at: this.clock() })
      .where('id', '=', current.id)
      .execute();
    await insertEvents(tx, [
      { verification_id: current.id, kind: overridden ? 'overridden' : 'confirmed', proposed: current.proposed, decision: input.decision, reason, actor_user_id: actorUserId(ctx), actor_username: actorName(ctx) },
    ]);
    await audit(tx, ctx, {
      action: 'verification.decided',
      entityType: 'person',
      entityId: row.id,
      regionCode: row.regency_code,
      reason: reason || null,
      summary: { caseCode: row.case_code, programmeId: p.id, proposed: current.proposed, decision: input.decision, overridden },
    });
  }

  /**
   * One call for scripts and the demo seed: record the e-KTP sighting (when given),
   * evaluate, and decide (when given: the proposal is confirmed, or overridden with the reason).
   */
  async verify(ctx: Context, programmeId: number, personId: number, input: { ektpSeen?: boolean; decision?: 'eligible' | 'not_eligible'; reason?: string }) {
    if (input.ektpSeen !== undefined) await this.recordEktp(ctx, programmeId, personId, input.ektpSeen);
    else await this.evaluateOne(ctx, programmeId, personId);
    if (input.decision) return this.decide(ctx, programmeId, personId, { decision: input.decision, reason: input.reason ?? '' });
    return this.get(ctx, programmeId, personId);
  }
}

/** The NIK and birth date a rule needs, opened in memory; never stored or returned. */
function identityFacts(
  persons: PersonService,
  person: Awaited<ReturnType<typeof personsForEvaluation>>[number],
  rules: readonly RuleSpec[],
): PersonFacts['identity'] {
  if (!needsIdentity(rules)) return {};
  if (person.erased_at) return 'erased';
  if (person.processing_restricted) return 'restricted';
  const identity = openIdentity(persons.sealer, person);
  if (!identity) return 'erased';
  return { ...(identity.nik ? { nik: identity.nik } : {}), ...(identity.birthDate ? { birthDate: identity.birthDate } : {}) };
}
