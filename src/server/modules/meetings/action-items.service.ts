// Action items of meetings: an owner (an institution or a user), a due date and a
// status; overdue = still open or in progress after the due date (WIB). Lists,
// counts per owner and the export follow the meetings' visibility.
import type { z } from 'zod';
import type {
  ActionItem,
  ActionItemFilterSchema,
  ActionItemListQuerySchema,
  CreateActionItemSchema,
  OwnerSummary,
  OwnerSummaryQuerySchema,
  UpdateActionItemSchema,
} from '../../../common/meetings.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import type { Lang } from '../../platform/errors/app-error.ts';
import { EXPORT_MAX_ROWS, toXlsx } from '../../platform/export/xlsx.ts';
import { meetingError } from './meetings.errors.ts';
import { actionItemColumns } from './meetings.export.ts';
import { actionItemActions, canManageMeeting, canSeeMeeting, scopeOf } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { actionItemView, visibleMeeting, wibToday } from './meetings.shared.ts';

type Owner = { ownerKind?: 'institution' | 'user' | undefined; ownerInstitution?: string | null | undefined; ownerUserId?: number | null | undefined };

export class ActionItemService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return wibToday(this.clock);
  }

  /** The owner columns of an owner given in the input (undefined: no owner change); the user must exist and be active. */
  private async ownerColumns(tx: Executor, input: Owner) {
    if (input.ownerKind === undefined) return undefined;
    if (input.ownerKind === 'institution') return { owner_kind: 'institution' as const, owner_institution: input.ownerInstitution!, owner_user_id: null };
    if (!(await repo.activeUser(tx, input.ownerUserId!)))
      throw meetingError('meeting.unknown_owner', {}, [{ field: 'body.ownerUserId', message: { id: 'pengguna tidak ditemukan atau tidak aktif', en: 'no such active user' } }]);
    return { owner_kind: 'user' as const, owner_institution: null, owner_user_id: input.ownerUserId! };
  }

  private async checkDecision(tx: Executor, meetingId: number, decisionId: number | null | undefined) {
    if (decisionId === undefined || decisionId === null) return;
    if (!(await repo.findDecision(tx, meetingId, decisionId)))
      throw meetingError('meeting.unknown_decision', { id: decisionId }, [
        { field: 'body.decisionId', message: { id: 'bukan keputusan rapat ini', en: 'not a decision of this meeting' } },
      ]);
  }

  private async visibleItem(db: Executor, ctx: Context, id: number): Promise<repo.ActionItemRow> {
    const a = await repo.findActionItem(db, id, this.today());
    if (!a || !canSeeMeeting(ctx.actor, { regionCode: a.meeting_region_code, linkedRegions: a.linked_regions })) throw meetingError('action_item.not_found');
    return a;
  }

  async list(ctx: Context, query: z.output<typeof ActionItemListQuerySchema>) {
    authorize(ctx.actor, 'meeting.read');
    const { rows, total } = await repo.listActionItems(this.db, scopeOf(ctx.actor), query, this.today());
    return { items: rows.map((a) => actionItemView(ctx, a)), total };
  }

  /** Open and overdue counts per owner, most overdue first. */
  async byOwner(ctx: Context, query: z.output<typeof OwnerSummaryQuerySchema>): Promise<{ items: OwnerSummary[] }> {
    authorize(ctx.actor, 'meeting.read');
    const rows = await repo.countsByOwner(this.db, scopeOf(ctx.actor), query, this.today());
    return {
      items: rows.map((r) => ({
        ownerKind: r.owner_kind,
        ownerInstitution: r.owner_institution,
        ownerUserId: r.owner_user_id,
        ownerName: r.owner_name,
        open: r.open,
        overdue: r.overdue,
      })),
    };
  }

  async exportXlsx(ctx: Context, filter: z.output<typeof ActionItemFilterSchema>, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    authorize(ctx.actor, 'meeting.read');
    const today = this.today();
    const { rows, total } = await repo.listActionItems(this.db, scopeOf(ctx.actor), { ...filter, limit: EXPORT_MAX_ROWS, offset: 0 }, today);
    const items = rows.map((a) => actionItemView(ctx, a));
    const bytes = await toXlsx(lang, [{ name: lang === 'id' ? 'Tindak lanjut' : 'Action items', columns: actionItemColumns(lang), rows: items }]);
    await inTransaction(this.db, (tx) =>
      audit(tx, ctx, { action: 'action_item.exported', entityType: 'action_item', summary: { format: 'xlsx', filter: { ...filter }, rows: rows.length, total } }),
    );
    return { filename: `tindak-lanjut-${today}.xlsx`, bytes };
  }

  async create(ctx: Context, meetingId: number, input: z.output<typeof CreateActionItemSchema>): Promise<ActionItem> {
    authorize(ctx.actor, 'meeting.manage');
    const id = await inTransaction(this.db, async (tx) => {
      const m = await visibleMeeting(tx, ctx, meetingId, this.today());
      if (!canManageMeeting(ctx.actor, m.region_code)) throw authError('auth.forbidden');
      await repo.lockMeeting(tx, meetingId);
      await this.checkDecision(tx, meetingId, input.decisionId);
      const owner = (await this.ownerColumns(tx, input))!;
      const { id } = await tx
        .insertInto('action_item')
        .values({
          meeting_id: meetingId,
          decision_id: input.decisionId,
          title: input.title,
          ...owner,
          due_date: input.dueDate,
          status: input.status,
          done_at: input.status === 'done' ? this.clock() : null,
          region_code: m.region_code,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('meeting').set({ updated_at: this.clock() }).where('id', '=', meetingId).execute();
      await audit(tx, ctx, {
        action: 'action_item.created',
        entityType: 'action_item',
        entityId: id,
        regionCode: m.region_code,
        summary: { meetingId, decisionId: input.decisionId, ownerKind: input.ownerKind, dueDate: input.dueDate, status: input.status },
      });
      return id;
    });
    return actionItemView(ctx, (await repo.findActionItem(this.db, id, this.today()))!);
  }

  /**
   * Changes an action item. Managers of the meeting change anything; the owner user
   * and offices whose region the meeting concerns change the status only. Done sets
   * done_at; any other status clears it.
   */
  async update(ctx: Context, id: number, input: z.output<typeof UpdateActionItemSchema>): Promise<ActionItem> {
    authorize(ctx.actor, 'meeting.manage');
    await inTransaction(this.db, async (tx) => {
      await tx.selectFrom('action_item').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      const a = await this.visibleItem(tx, ctx, id);
      const allowed = actionItemActions(ctx.actor, { regionCode: a.meeting_region_code, linkedRegions: a.linked_regions }, { ownerUserId: a.owner_user_id });
      const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
      if (allowed.length === 0) throw authError('auth.forbidden');
      if (!allowed.includes('update') && changed.some((k) => k !== 'status')) throw meetingError('action_item.status_only');
      await this.checkDecision(tx, a.meeting_id, input.decisionId);
      const owner = await this.ownerColumns(tx, input);
      const status = input.status ?? a.status;
      const doneAt = status === 'done' ? (a.status === 'done' ? a.done_at : this.clock()) : null;
      await tx
        .updateTable('action_item')
        .set({
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.decisionId !== undefined ? { decision_id: input.decisionId } : {}),
          ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
          ...(owner ?? {}),
          status,
          done_at: doneAt,
          updated_at: this.clock(),
        })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'action_item.updated',
        entityType: 'action_item',
        entityId: id,
        regionCode: a.region_code,
        summary: {
          meetingId: a.meeting_id,
          changed,
          ...(input.status !== undefined ? { from: a.status, status } : {}),
          ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
          ...(input.ownerKind !== undefined ? { ownerKind: input.ownerKind } : {}),
        },
      });
    });
    return actionItemView(ctx, (await repo.findActionItem(this.db, id, this.today()))!);
  }
}
