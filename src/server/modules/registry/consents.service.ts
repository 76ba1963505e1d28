// Consent records of a person (purpose, given on, withdrawn on, the signed form's
// reference). Where consent is the lawful basis, a person without an unwithdrawn
// consent shows `consentMissing` on their detail.
import type { z } from 'zod';
import type { Consent, CreateConsentSchema, WithdrawConsentSchema } from '../../../common/registry-rights.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import { personError } from './persons.errors.ts';
import { visibility } from './persons.policy.ts';
import { findPerson, type PersonRow } from './persons.repository.ts';
import { actorUserId, personReaches, wibDate, wibMidnight } from './registry-access.ts';
import { rightsError } from './registry-rights.errors.ts';
import { consents, consentsOf, type ConsentRow } from './subject-requests.repository.ts';

export function consentOut(c: ConsentRow): Consent {
  return {
    id: c.id,
    personId: c.person_id,
    purpose: c.purpose,
    givenOn: wibDate(c.given_at),
    withdrawnOn: c.withdrawn_at ? wibDate(c.withdrawn_at) : null,
    documentRef: c.document_ref,
    active: c.withdrawn_at === null,
    recordedBy: c.recorded_by_name ?? null,
    createdAt: new Date(c.created_at).toISOString(),
  };
}

export class ConsentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private async person(db: Executor, ctx: Context, id: number, manage: boolean): Promise<PersonRow> {
    const reaches = await personReaches(db, ctx);
    const p = await findPerson(db, visibility(ctx.actor, reaches.read), id);
    if (!p) throw personError('person.not_found');
    if (manage && ctx.actor.kind === 'user' && !inScope(ctx.actor.scope, p.regency_code)) throw authError('auth.out_of_scope');
    return p;
  }

  async list(ctx: Context, personId: number): Promise<{ items: Consent[] }> {
    authorize(ctx.actor, 'person.read');
    await this.person(this.db, ctx, personId, false);
    return { items: (await consentsOf(this.db, personId)).map(consentOut) };
  }

  async add(ctx: Context, personId: number, input: z.output<typeof CreateConsentSchema>): Promise<Consent> {
    authorize(ctx.actor, 'person.manage');
    if (input.givenOn > wibDate(this.clock())) throw rightsError('consent.invalid_date');
    const id = await inTransaction(this.db, async (tx) => {
      const p = await this.person(tx, ctx, personId, true);
      if (p.erased_at) throw rightsError('person.erased');
      const row = await tx
        .insertInto('person_consent')
        .values({
          person_id: personId,
          purpose: input.purpose,
          given_at: wibMidnight(input.givenOn),
          document_ref: input.documentRef ?? null,
          recorded_by: actorUserId(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'person.consent_recorded',
        entityType: 'person',
        entityId: personId,
        regionCode: p.regency_code,
        summary: { caseCode: p.case_code, consentId: row.id, givenOn: input.givenOn, documentRef: Boolean(input.documentRef) },
      });
      return row.id;
    });
    return consentOut(await consents(this.db).where('c.id', '=', id).executeTakeFirstOrThrow());
  }

  async withdraw(ctx: Context, personId: number, consentId: number, input: z.output<typeof WithdrawConsentSchema>): Promise<Consent> {
    authorize(ctx.actor, 'person.manage');
    const today = wibDate(this.clock());
    const on = input.withdrawnOn ?? today;
    await inTransaction(this.db, async (tx) => {
      const p = await this.person(tx, ctx, personId, true);
      const c = await tx
        .selectFrom('person_consent')
        .select(['id', 'given_at', 'withdrawn_at'])
        .where('id', '=', consentId)
        .where('person_id', '=', personId)
        .forUpdate()
        .executeTakeFirst();
      if (!c) throw rightsError('consent.not_found');
      if (c.withdrawn_at) throw rightsError('consent.already_withdrawn');
      if (on > today || on < wibDate(c.given_at)) throw rightsError('consent.invalid_date');
      await tx.updateTable('person_consent').set({ withdrawn_at: wibMidnight(on) }).where('id', '=', consentId).execute();
      await audit(tx, ctx, {
        action: 'person.consent_withdrawn',
        entityType: 'person',
        entityId: personId,
        regionCode: p.regency_code,
        summary: { caseCode: p.case_code, consentId, withdrawnOn: on },
      });
    });
    return consentOut(await consents(this.db).where('c.id', '=', consentId).executeTakeFirstOrThrow());
  }
}
