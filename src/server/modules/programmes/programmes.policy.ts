// Who may do what with programmes and their regions.
// - A national programme: managed by national-scope holders of program.manage.
// - A provincial programme: managed by holders whose scope contains the province.
// - A regency/city row: status and readiness by holders whose scope contains the row's region
//   (a regency officer of 65.03 moves Nunukan's status, not Kaltara's programme).
import { STATUS_TRANSITIONS, type RegionStatus } from '../../../common/programmes.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';

export function isNational(actor: AnyActor): boolean {
  return actor.kind === 'system' || actor.scope.level === 'national';
}

/** May manage a programme rooted at this region (null: national). */
export function canManageProgramme(actor: AnyActor, regionCode: string | null): boolean {
  if (!can(actor, 'program.manage')) return false;
  if (regionCode === null) return isNational(actor);
  return actor.kind === 'system' || inScope(actor.scope, regionCode);
}

export function programmeActions(actor: AnyActor, p: { level: 'national' | 'province'; region_code: string | null }): ('update' | 'add_region')[] {
  if (!canManageProgramme(actor, p.region_code)) return [];
  return p.level === 'province' ? ['update', 'add_region'] : ['update'];
}

export function canManageRegion(actor: AnyActor, regionCode: string): boolean {
  return can(actor, 'program.manage') && (actor.kind === 'system' || inScope(actor.scope, regionCode));
}

export function regionActions(actor: AnyActor, row: { region_code: string; status: RegionStatus }) {
  if (!canManageRegion(actor, row.region_code)) return { actions: [], nextStatuses: [] };
  return {
    actions: ['update', 'change_status', 'request_readiness', 'answer_readiness'] as ('update' | 'change_status' | 'request_readiness' | 'answer_readiness')[],
    nextStatuses: [...STATUS_TRANSITIONS[row.status]],
  };
}
