// Break-glass: a user opens one record outside their normal access by giving a
// written reason. The grant lasts BREAK_GLASS_HOURS, is marked in the audit
// log, notifies the heads of office of the region, and waits in a review queue.
import type { z } from 'zod';
import type { BreakGlassGrant, BreakGlassListQuerySchema, BreakGlassRequestSchema, BreakGlassReviewSchema } from '../../../common/break-glass.ts';
import type { Config } from '../../config.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { notify } from '../notifications/notifications.service.ts';
import { breakGlassError } from './break-glass.errors.ts';
import { activeGrantsOf, findActiveGrant, findGrant, headsOfOfficeFor, listGrants, type GrantRow } from './break-glass.repository.ts';

export class BreakGlassService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  private view(ctx: Context, g: GrantRow): BreakGlassGrant {
    const reviewable = g.reviewed_at === null && can(ctx.actor, 'break_glass.review') && !(ctx.actor.kind === 'user' && ctx.actor.userId === g.user_id);
    return {
      id: g.id,
      user: { id: g.user_id, username: g.username, displayName: g.display_name },
      entityType: g.entity_type,
      entityId: g.entity_id,
      regionCode: g.region_code,
      reason: g.reason,
      grantedAt: new Date(g.granted_at).toISOString(),
      expiresAt: new Date(g.expires_at).toISOString(),
      active: new Date(g.expires_at).getTime() > this.clock().getTime(),
      review:
        g.review_decision && g.reviewed_at
          ? { decision: g.review_decision, note: g.review_note ?? '', reviewedBy: g.reviewer_username ?? '', reviewedAt: new Date(g.reviewed_at).toISOString() }
          : null,
      actions: reviewable ? ['review'] : [],
    };
  }

  private userId(ctx: Context): number {
    if (ctx.actor.kind !== 'user') throw new Error('break-glass is for signed-in users');
    return ctx.actor.userId;
  }

  async open(ctx: Context, input: z.output<typeof BreakGlassRequestSchema>): Promise<BreakGlassGrant> {
    authorize(ctx.actor, 'break_glass.request');
    const userId = this.userId(ctx);
    const region = await this.db.selectFrom('region').select('code').where('code', '=', input.regionCode).executeTakeFirst();
    if (!region) throw breakGlassError('break_glass.unknown_region', { code: input.regionCode });
    const grantedAt = this.clock();
    const expiresAt = new Date(grantedAt.getTime() + this.config.breakGlassHours * 3_600_000);
    const id = await inTransaction(this.db, async (tx) => {
      const grant = await tx
        .insertInto('break_glass_grant')
        .values({
          user_id: userId,
          entity_type: input.entityType,
          entity_id: input.entityId,
          region_code: input.regionCode,
          reason: input.reason,
          granted_at: grantedAt,
          expires_at: expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const heads = (await headsOfOfficeFor(tx, input.regionCode)).filter((h) => h !== userId);
      await notify(tx, heads, {
        kind: 'break_glass',
        title: { id: 'Akses darurat dibuka', en: 'Break-glass access opened' },
        body: {
          id: `${ctx.actor.username} membuka ${input.entityType} ${input.entityId} di wilayah ${input.regionCode} dengan akses darurat. Tinjau di antrean akses darurat.`,
          en: `${ctx.actor.username} opened ${input.entityType} ${input.entityId} in region ${input.regionCode} with break-glass access. Review it in the break-glass queue.`,
        },
        entityType: 'break_glass_grant',
        entityId: String(grant.id),
      });
      await audit(tx, ctx, {
        action: 'break_glass.open',
        entityType: input.entityType,
        entityId: input.entityId,
        regionCode: input.regionCode,
        reason: input.reason,
        breakGlass: true,
        summary: { grantId: grant.id, expiresAt: expiresAt.toISOString(), notified: heads.length },
      });
      return grant.id;
    });
    return this.view(ctx, (await findGrant(this.db, id))!);
  }

  async list(ctx: Context, query: z.output<typeof BreakGlassListQuerySchema>) {
    authorize(ctx.actor, 'break_glass.review');
    if (ctx.actor.kind !== 'user') throw new Error('review is for signed-in users');
    const { rows, total } = await listGrants(this.db, ctx.actor.scope, query.status === 'reviewed', query.limit, query.offset);
    return { items: rows.map((g) => this.view(ctx, g)), total };
  }

  async review(ctx: Context, id: number, input: z.output<typeof BreakGlassReviewSchema>): Promise<BreakGlassGrant> {
    authorize(ctx.actor, 'break_glass.review');
    const reviewer = this.userId(ctx);
    await inTransaction(this.db, async (tx) => {
      const grant = await findGrant(tx, id);
      if (!grant || (ctx.actor.kind === 'user' && !inScope(ctx.actor.scope, grant.region_code))) throw breakGlassError('break_glass.not_found');
      if (grant.user_id === reviewer) throw breakGlassError('break_glass.own_grant');
      const r = await tx
        .updateTable('break_glass_grant')
        .set({ review_decision: input.decision, review_note: input.note, reviewed_by: reviewer, reviewed_at: this.clock() })
        .where('id', '=', id)
        .where('reviewed_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw breakGlassError('break_glass.already_reviewed');
      await audit(tx, ctx, {
        action: 'break_glass.review',
        entityType: 'break_glass_grant',
        entityId: id,
        regionCode: grant.region_code,
        summary: { decision: input.decision, grantee: grant.username },
      });
    });
    return this.view(ctx, (await findGrant(this.db, id))!);
  }

  /** My grants that are still running. */
  async mine(ctx: Context): Promise<BreakGlassGrant[]> {
    return (await activeGrantsOf(this.db, this.userId(ctx), this.clock())).map((g) => this.view(ctx, g));
  }

  /**
   * For the modules that own break-glass records (persons, cases): whether the
   * actor holds a running grant for this record. Reads under it are audited
   * with breakGlass: true by the caller.
   */
  async hasActiveGrant(ctx: Context, entityType: string, entityId: string): Promise<boolean> {
    if (ctx.actor.kind !== 'user') return false;
    return Boolean(await findActiveGrant(this.db, ctx.actor.userId, entityType, entityId, this.clock()));
  }
}
