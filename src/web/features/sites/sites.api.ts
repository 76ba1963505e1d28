// Sites (lokalisasi): the registry, closure milestones with evidence files, head counts,
// the closure decree and post-closure monitoring visits.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  EvidenceListSchema,
  HeadCountListSchema,
  MonitoringVisitListSchema,
  SiteListSchema,
  SiteSchema,
  type AddHeadCountSchema,
  type AddMonitoringVisitSchema,
  type CreateSiteSchema,
  type RecordClosureSchema,
  type SetMilestoneSchema,
  type SITE_SORTS,
  type SITE_STATUSES,
  type SiteStage,
  type UpdateSiteSchema,
} from '../../../common/sites.ts';
import { apiGet, apiSend, buildUrl } from '../../lib/api-client.ts';

export type SiteSort = (typeof SITE_SORTS)[number];
export type SiteStatus = (typeof SITE_STATUSES)[number];
export type SiteFilter = { q?: string; regency?: string; status?: SiteStatus; sort: SiteSort; limit: number; offset: number };

const keys = {
  all: ['sites'] as const,
  list: (filter: SiteFilter) => ['sites', 'list', filter] as const,
  /** Everything about one site sits under this key, so a change refreshes all of it. */
  site: (id: number) => ['sites', 'one', id] as const,
  headCounts: (id: number) => ['sites', 'one', id, 'head-counts'] as const,
  visits: (id: number) => ['sites', 'one', id, 'visits'] as const,
  evidence: (id: number, stage: SiteStage) => ['sites', 'one', id, 'evidence', stage] as const,
};

export function useSiteList(filter: SiteFilter) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: ({ signal }) => apiGet('/api/sites', SiteListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx export of the list with the same filters (minus the page). */
export function sitesExportUrl(filter: Omit<SiteFilter, 'limit' | 'offset'>, lang: string): string {
  return buildUrl('/api/sites.xlsx', { ...filter, lang });
}

export function headCountsExportUrl(id: number, lang: string): string {
  return buildUrl(`/api/sites/${id}/head-counts.xlsx`, { lang });
}

export function evidenceDownloadUrl(id: number, fileId: number): string {
  return `/api/sites/${id}/evidence/${fileId}`;
}

export function useSite(id: number) {
  return useQuery({
    queryKey: keys.site(id),
    queryFn: ({ signal }) => apiGet(`/api/sites/${id}`, SiteSchema, { signal }),
    enabled: id > 0,
  });
}

export function useCreateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateSiteSchema>) => apiSend('POST', '/api/sites', { body, schema: SiteSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** A change to one site: refreshes the site (and its parts) and the lists. */
function useSiteMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export function useUpdateSite(id: number) {
  return useSiteMutation((body: z.input<typeof UpdateSiteSchema>) => apiSend('PATCH', `/api/sites/${id}`, { body, schema: SiteSchema }));
}

export function useSetMilestone(id: number) {
  return useSiteMutation(({ stage, body }: { stage: SiteStage; body: z.input<typeof SetMilestoneSchema> }) =>
    apiSend('PUT', `/api/sites/${id}/milestones/${stage}`, { body, schema: SiteSchema }),
  );
}

export function useRecordClosure(id: number) {
  return useSiteMutation((body: z.input<typeof RecordClosureSchema>) => apiSend('POST', `/api/sites/${id}/closure`, { body, schema: SiteSchema }));
}

export function useHeadCounts(id: number) {
  return useQuery({
    queryKey: keys.headCounts(id),
    queryFn: ({ signal }) => apiGet(`/api/sites/${id}/head-counts`, HeadCountListSchema, { signal }),
  });
}

export function useAddHeadCount(id: number) {
  return useSiteMutation((body: z.input<typeof AddHeadCountSchema>) => apiSend('POST', `/api/sites/${id}/head-counts`, { body, schema: HeadCountListSchema }));
}

export function useVisits(id: number) {
  return useQuery({
    queryKey: keys.visits(id),
    queryFn: ({ signal }) => apiGet(`/api/sites/${id}/monitoring-visits`, MonitoringVisitListSchema, { signal }),
  });
}

export function useAddVisit(id: number) {
  return useSiteMutation((body: z.input<typeof AddMonitoringVisitSchema>) =>
    apiSend('POST', `/api/sites/${id}/monitoring-visits`, { body, schema: MonitoringVisitListSchema }),
  );
}

export function useEvidence(id: number, stage: SiteStage) {
  return useQuery({
    queryKey: keys.evidence(id, stage),
    queryFn: ({ signal }) => apiGet(`/api/sites/${id}/milestones/${stage}/evidence`, EvidenceListSchema, { signal }),
  });
}

export function useUploadEvidence(id: number) {
  return useSiteMutation(({ stage, file }: { stage: SiteStage; file: File }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiSend('POST', `/api/sites/${id}/milestones/${stage}/evidence`, { body: form, schema: EvidenceListSchema });
  });
}
