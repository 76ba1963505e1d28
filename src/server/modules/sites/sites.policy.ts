// Who may do what with a site: site.read / site.manage, and the site's regency within the actor's scope.
import type { SiteAction } from '../../../common/sites.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';

export interface SiteResource {
  regencyCode: string;
  regionCode: string;
  status: 'open' | 'closing' | 'closed' | 'reopened';
}

export function canSeeSite(actor: AnyActor, site: Pick<SiteResource, 'regionCode'>): boolean {
  if (actor.kind === 'system') return true;
  return can(actor, 'site.read') && inScope(actor.scope, site.regionCode);
}

export function allowedSiteActions(actor: AnyActor, site: SiteResource): SiteAction[] {
  if (!canSeeSite(actor, site) || !can(actor, 'site.manage')) return [];
  const actions: SiteAction[] = ['update', 'set_milestone', 'upload_evidence', 'add_head_count'];
  if (site.status !== 'closed') actions.push('record_closure');
  if (site.status === 'closed' || site.status === 'reopened') actions.push('add_monitoring_visit');
  return actions;
}
