// Who may do what with meetings and their action items.
// - See: meeting.read and the meeting's region (the organising office) within the
//   actor's scope, or one of its linked regions within it (a province's rakor about
//   Nunukan, linking 65.03, is seen by Nunukan's officers).
// - Manage (details, minutes, decisions, action items, attachments): meeting.manage
//   and the meeting's own region within the actor's scope.
// - An action item's status may also be changed by its owner user, and by holders of
//   meeting.manage whose region the meeting concerns (the owning office reports progress).
import type { Scope } from '../../../common/auth.ts';
import type { ActionItemAction, MeetingAction } from '../../../common/meetings.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';

/** The actor's region scope; null for operators at the command line (everything). */
export function scopeOf(actor: AnyActor): Scope | null {
  return actor.kind === 'system' ? null : actor.scope;
}

export interface MeetingResource {
  regionCode: string;
  /** The linked regions' codes. */
  linkedRegions: readonly string[];
}

export function canSeeMeeting(actor: AnyActor, m: MeetingResource): boolean {
  if (actor.kind === 'system') return true;
  if (!can(actor, 'meeting.read')) return false;
  return inScope(actor.scope, m.regionCode) || m.linkedRegions.some((code) => inScope(actor.scope, code));
}

export function canManageMeeting(actor: AnyActor, regionCode: string): boolean {
  if (actor.kind === 'system') return true;
  return can(actor, 'meeting.manage') && inScope(actor.scope, regionCode);
}

export function meetingActions(actor: AnyActor, m: MeetingResource): MeetingAction[] {
  if (!canSeeMeeting(actor, m) || !canManageMeeting(actor, m.regionCode)) return [];
  return ['update', 'add_decision', 'update_decision', 'add_action_item', 'upload_attachment'];
}

export function actionItemActions(actor: AnyActor, m: MeetingResource, item: { ownerUserId: number | null }): ActionItemAction[] {
  if (!canSeeMeeting(actor, m)) return [];
  if (canManageMeeting(actor, m.regionCode)) return ['update'];
  if (actor.kind !== 'user' || !can(actor, 'meeting.manage')) return [];
  if (item.ownerUserId === actor.userId || m.linkedRegions.some((code) => inScope(actor.scope, code))) return ['update_status'];
  return [];
}
