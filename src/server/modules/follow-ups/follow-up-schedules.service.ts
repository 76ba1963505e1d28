// A programme's follow-up visit offsets (months after closure or arrival home). The
// default, 1, 3, 6 and 12 months, holds until someone with case.configure who may manage
// the programme (national scope for a national programme; a scope containing the
// province for a provincial one; reading needs the programme visible) sets its own; visits already scheduled keep theirs.
import type { z } from 'zod';
import type { FollowUpScheduleSchema } from '../../../common/follow-ups.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';
import { actorUserId } from '../registry/registry-access.ts';
import { followUpError } from './follow-ups.errors.ts';
import * as repo from './follow-ups.repository.ts';

type Schedule = z.infer<typeof FollowUpScheduleSchema>;

export class FollowUpScheduleService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The programme if visible (else 404); to change it, also manageable (else 403). */
  private async programme(ctx: Context, id: number, change: boolean) {
    const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : null;
    const p = await findProgramme(this.db, id, scope);
    if (!p) throw followUpError('follow_up.programme_not_found');
    if (change && scope && scope.level !== 'national' && !(p.region_code !== null && inScope(scope, p.region_code))) throw authError('auth.forbidden');
    return p;
  }

  async get(ctx: Context, programmeId: number): Promise<Schedule> {
    authorize(ctx.actor, 'case.configure');
    await this.programme(ctx, programmeId, false);
    const { offsets, isDefault } = await repo.offsetsOf(this.db, programmeId);
    return { programmeId, offsetsMonths: offsets, isDefault };
  }

  async put(ctx: Context, programmeId: number, offsetsMonths: number[]): Promise<Schedule> {
    authorize(ctx.actor, 'case.configure');
    const p = await this.programme(ctx, programmeId, true);
    const sorted = [...offsetsMonths].sort((a, b) => a - b);
    await inTransaction(this.db, async (tx) => {
      const row = { offsets_months: sorted, updated_by: actorUserId(ctx), updated_at: this.clock() };
      await tx
        .insertInto('follow_up_schedule')
        .values({ programme_id: programmeId, ...row })
        .onConflict((oc) => oc.column('programme_id').doUpdateSet(row))
        .execute();
      await audit(tx, ctx, { action: 'follow_up.schedule_changed', entityType: 'programme', entityId: programmeId, regionCode: p.region_code, summary: { offsetsMonths: sorted } });
    });
    return this.get(ctx, programmeId);
  }
}
