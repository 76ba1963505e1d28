// The programme dashboard, its timeline and the national roll-up (read-only).
// Keys live under ['programmes'], so any change to a programme's regions refreshes them.
import { useQuery } from '@tanstack/react-query';
import type { Scope } from '../../../common/auth.ts';
import { NationalRollupSchema, ProgrammeDashboardSchema, TimelineSchema } from '../../../common/dashboard.ts';
import type { ProgrammeView } from '../../../common/programmes.ts';
import { apiGet } from '../../lib/api-client.ts';

const keys = {
  dashboard: (id: number) => ['programmes', 'dashboard', id] as const,
  timeline: (id: number) => ['programmes', 'dashboard', id, 'timeline'] as const,
  national: (programmeId: number | undefined) => ['programmes', 'dashboard', 'national', programmeId ?? 'latest'] as const,
};

export function useProgrammeDashboard(id: number) {
  return useQuery({
    queryKey: keys.dashboard(id),
    queryFn: ({ signal }) => apiGet(`/api/dashboard/programmes/${id}`, ProgrammeDashboardSchema, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useProgrammeTimeline(id: number) {
  return useQuery({
    queryKey: keys.timeline(id),
    queryFn: ({ signal }) => apiGet(`/api/dashboard/programmes/${id}/timeline`, TimelineSchema, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useNationalRollup(programmeId: number | undefined) {
  return useQuery({
    queryKey: keys.national(programmeId),
    queryFn: ({ signal }) => apiGet('/api/dashboard/national', NationalRollupSchema, { params: { programmeId }, signal }),
  });
}

/**
 * The provincial programme most relevant to a user: of their own province (or,
 * for national users, of the working region's province), the newest one; else the
 * newest provincial programme they can see; null when there is none.
 */
export function mostRelevantProgramme(programmes: readonly ProgrammeView[], scope: Scope | null, workingRegion: string): ProgrammeView | null {
  const provincial = programmes.filter((p) => p.level === 'province');
  const province = (scope && scope.level !== 'national' ? scope.code : workingRegion).slice(0, 2);
  const own = provincial.filter((p) => p.regionCode === province);
  const pool = own.length > 0 ? own : provincial;
  const newest = [...pool].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0];
  return newest ?? null;
}
