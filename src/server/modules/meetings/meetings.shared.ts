// Pieces both meeting services use: today's WIB date, the visible-meeting check
// and the action item's view.
import type { ActionItem } from '../../../common/meetings.ts';
import type { Context } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { meetingError } from './meetings.errors.ts';
import { actionItemActions, canSeeMeeting } from './meetings.policy.ts';
import { findMeeting, type ActionItemRow, type MeetingRow } from './meetings.repository.ts';

const WIB_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in WIB (Asia/Jakarta), 'YYYY-MM-DD'. */
export function wibToday(clock: Clock): string {
  return WIB_DATE.format(clock());
}

export const iso = (d: Date | string) => new Date(d).toISOString();

export function userIdOf(ctx: Context): number | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

/** The meeting if it exists and the actor may see it; otherwise 404 (no hint that it exists elsewhere). */
export async function visibleMeeting(db: Executor, ctx: Context, id: number, today: string): Promise<MeetingRow> {
  const m = await findMeeting(db, id, today);
  if (!m || !canSeeMeeting(ctx.actor, { regionCode: m.region_code, linkedRegions: m.linked_regions })) throw meetingError('meeting.not_found');
  return m;
}

export function actionItemView(ctx: Context, a: ActionItemRow): ActionItem {
  return {
    id: a.id,
    meetingId: a.meeting_id,
    meetingTitle: a.meeting_title,
    meetingStartsAt: iso(a.meeting_starts_at),
    decisionId: a.decision_id,
    title: a.title,
    ownerKind: a.owner_kind,
    ownerInstitution: a.owner_institution,
    ownerUserId: a.owner_user_id,
    ownerName: a.owner_name,
    dueDate: a.due_date,
    status: a.status,
    doneAt: a.done_at ? iso(a.done_at) : null,
    regionCode: a.region_code,
    overdue: Boolean(a.overdue),
    createdAt: iso(a.created_at),
    updatedAt: iso(a.updated_at),
    actions: actionItemActions(ctx.actor, { regionCode: a.meeting_region_code, linkedRegions: a.linked_regions }, { ownerUserId: a.owner_user_id }),
  };
}
