// PATCH /api/persons/:id: alias, site (same regency), case worker (audited as a
// reassignment), lawful basis, and corrections of the identity. An identity change
// is validated like a registration, re-sealed under a fresh data key with its
// blind indexes and NIK match token recomputed, and needs a reason and a recent
// re-authentication. A stale version answers 409. The audit names the changed
// fields, never their values.
import { sql, type Updateable } from 'kysely';
import { IDENTITY_FIELDS, type IdentityField, type Person } from '../../../common/persons.ts';
import { IDENTITY_CHANGE_FIELDS, type UpdatePerson } from '../../../common/registry-rights.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize, requireRecentReauth } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/database.ts';
import { clearIdentityDerivedColumns } from './persons.erasure.ts';
import { personError } from './persons.errors.ts';
import { visibility } from './persons.policy.ts';
import { activeUser, findPerson, siteRegency } from './persons.repository.ts';
import { openIdentity, sealPerson } from './persons.sealing.ts';
import type { PersonService } from './persons.service.ts';
import type { PersonTable } from './persons.tables.ts';
import { caseWorkersFor, userCoversRegency } from './case-workers.repository.ts';
import { personReaches } from './registry-access.ts';
import { rightsError } from './registry-rights.errors.ts';

export class PersonUpdateService {
  constructor(
    private readonly db: Db,
    private readonly persons: PersonService,
    private readonly clock: Clock,
    private readonly reauthMs: number,
  ) {}

  async update(ctx: Context, id: number, input: UpdatePerson): Promise<Person> {
    authorize(ctx.actor, 'person.manage');
    const touchesIdentity = IDENTITY_CHANGE_FIELDS.some((f) => input[f] !== undefined);
    const reason = input.reason?.trim() || null;
    if (touchesIdentity) {
      if (!reason || reason.length < 10) throw rightsError('person.change_reason_required');
      requireRecentReauth(ctx.actor, this.clock(), this.reauthMs);
    }
    const reaches = await personReaches(this.db, ctx);
    // Outside the transaction: PGlite has one connection and the indexer may load its key.
    const indexer = touchesIdentity ? await this.persons.blindIndexer() : null;

    await inTransaction(this.db, async (tx) => {
      const p = await findPerson(tx, visibility(ctx.actor, reaches.read), id);
      if (!p) throw personError('person.not_found');
      if (ctx.actor.kind === 'user' && !inScope(ctx.actor.scope, p.regency_code)) throw authError('auth.out_of_scope');
      if (p.erased_at) throw rightsError('person.erased');
      if (p.version !== input.version) throw rightsError('person.stale');

      const set: Updateable<PersonTable> = {};
      const changed: string[] = [];
      if (input.alias !== undefined && input.alias !== p.alias) {
        set.alias = input.alias;
        changed.push('alias');
      }
      if (input.siteId !== undefined && input.siteId !== p.site_id) {
        if (input.siteId !== null && (await siteRegency(tx, input.siteId)) !== p.regency_code) throw personError('person.site_mismatch');
        set.site_id = input.siteId;
        changed.push('siteId');
      }
      if (input.assignedUserId !== undefined && input.assignedUserId !== p.assigned_user_id) {
        if (input.assignedUserId !== null) {
          if (!(await activeUser(tx, input.assignedUserId))) throw personError('person.unknown_user');
          if (!(await userCoversRegency(tx, input.assignedUserId, p.regency_code))) throw rightsError('person.assignee_out_of_scope');
        }
        set.assigned_user_id = input.assignedUserId;
        changed.push('assignedUserId');
      }
      if (input.lawfulBasis !== undefined && input.lawfulBasis !== p.lawful_basis) {
        set.lawful_basis = input.lawfulBasis;
        changed.push('lawfulBasis');
      }
      if (indexer) {
        const current = openIdentity(this.persons.sealer, p);
        if (!current) throw rightsError('person.erased');
        const pick = (f: Exclude<IdentityField, 'fullName'>) => (input[f] === undefined ? current[f] : (input[f] ?? undefined));
        const sex = input.sex ?? p.sex;
        // Re-validated as a whole, like a registration: a new sex is checked against the NIK too.
        const next = this.persons.checkIdentity({
          fullName: input.fullName ?? current.fullName ?? '',
          nik: pick('nik'),
          kk: pick('kk'),
          birthDate: pick('birthDate'),
          phone: pick('phone'),
          address: pick('address'),
          sex,
          alias: undefined,
          regencyCode: p.regency_code,
          siteId: undefined,
          lawfulBasis: p.lawful_basis,
          assignedUserId: undefined,
        });
        if (sex !== p.sex) {
          set.sex = sex;
          changed.push('sex');
        }
        const identityChanged = IDENTITY_FIELDS.filter((f) => next[f] !== current[f]);
        if (identityChanged.length > 0) {
          // A fresh data key: the old ciphertext and wrapped key are overwritten, not kept.
          Object.assign(set, sealPerson(this.persons.sealer, indexer, p.case_code, next), { dek_created_at: sql<Date>`now()` });
          changed.push(...identityChanged);
        }
      }
      if (changed.length === 0) throw rightsError('person.nothing_to_change');
      if (input.subjectRequestId !== undefined) await this.recordCorrection(tx, id, input.subjectRequestId, changed);

      const res = await tx
        .updateTable('person')
        .set({ ...set, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw rightsError('person.stale');
      if (IDENTITY_FIELDS.some((f) => changed.includes(f))) await clearIdentityDerivedColumns(tx, id);

      await audit(tx, ctx, {
        action: 'person.updated',
        entityType: 'person',
        entityId: id,
        regionCode: p.regency_code,
        reason,
        summary: { caseCode: p.case_code, changed, ...(input.subjectRequestId ? { subjectRequestId: input.subjectRequestId } : {}) },
      });
      if (changed.includes('assignedUserId'))
        await audit(tx, ctx, {
          action: 'person.reassigned',
          entityType: 'person',
          entityId: id,
          regionCode: p.regency_code,
          reason,
          summary: { caseCode: p.case_code, fromUserId: p.assigned_user_id, toUserId: input.assignedUserId ?? null },
        });
    });
    return this.persons.get(ctx, id);
  }

  /** Case workers who may be assigned persons of a regency in the caller's scope (for the edit form). */
  async caseWorkers(ctx: Context, regencyCode: string): Promise<{ items: { id: number; displayName: string }[] }> {
    authorize(ctx.actor, 'person.manage');
    if (ctx.actor.kind === 'user' && !inScope(ctx.actor.scope, regencyCode)) throw authError('auth.out_of_scope');
    return { items: (await caseWorkersFor(this.db, regencyCode)).map((u) => ({ id: u.id, displayName: u.display_name })) };
  }

  /** A correction request answered by this change: it records the field names and is now in progress. */
  private async recordCorrection(tx: Tx, personId: number, requestId: number, changed: string[]): Promise<void> {
    const r = await tx
      .selectFrom('subject_request')
      .select(['kind', 'status', 'corrected_fields'])
      .where('id', '=', requestId)
      .where('person_id', '=', personId)
      .forUpdate()
      .executeTakeFirst();
    if (!r || r.kind !== 'correction' || (r.status !== 'open' && r.status !== 'in_progress')) throw rightsError('subject_request.not_open_correction');
    await tx
      .updateTable('subject_request')
      .set({ corrected_fields: [...new Set([...r.corrected_fields, ...changed])], status: 'in_progress', updated_at: sql<Date>`now()` })
      .where('id', '=', requestId)
      .execute();
  }
}
