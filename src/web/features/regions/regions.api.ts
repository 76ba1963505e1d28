// Region queries. Region data changes only on import, so results stay fresh for long.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { JobViewSchema } from '../../../common/jobs.ts';
import { RegionCountsSchema, RegionDetailSchema, RegionListSchema, type RegionLevel } from '../../../common/regions.ts';
import { apiGet } from '../../lib/api-client.ts';

const REGION_STALE_MS = 10 * 60_000;

export type RegionListFilter = {
  parent?: string;
  level?: RegionLevel;
  q?: string;
  limit: number;
  offset: number;
};

const regionKeys = {
  list: (filter: RegionListFilter) => ['regions', 'list', filter] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
  summary: ['regions', 'summary'] as const,
};

/** `keepPrevious` keeps showing the last page while the next one loads (tables, not pickers). */
export function useRegionList(filter: RegionListFilter, options: { enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useQuery({
    queryKey: regionKeys.list(filter),
    queryFn: ({ signal }) => apiGet('/api/regions', RegionListSchema, { params: filter, signal }),
    staleTime: REGION_STALE_MS,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    enabled: options.enabled ?? true,
  });
}

export function useRegion(code: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: regionKeys.detail(code ?? ''),
    queryFn: ({ signal }) => apiGet(`/api/regions/${encodeURIComponent(code ?? '')}`, RegionDetailSchema, { signal }),
    staleTime: REGION_STALE_MS,
    enabled: code !== undefined && (options.enabled ?? true),
  });
}

const RegionSummarySchema = z.object({ counts: RegionCountsSchema, lastImport: JobViewSchema.nullable() });
export type RegionSummary = z.infer<typeof RegionSummarySchema>;

/** True while the first region import has not finished yet. */
export function isImportPending(summary: RegionSummary): boolean {
  const status = summary.lastImport?.status;
  return status === 'queued' || status === 'running' || (summary.counts.province === 0 && status !== 'failed');
}

/**
 * Whether regions can be queried yet. On a new database the server imports them
 * in the background right after start; this polls every second until that is done.
 */
export function useRegionsReady() {
  const summary = useQuery({
    queryKey: regionKeys.summary,
    queryFn: ({ signal }) => apiGet('/api/regions/summary', RegionSummarySchema, { signal }),
    refetchInterval: (query) => (query.state.data && !isImportPending(query.state.data) ? false : 1000),
  });
  const ready = summary.data !== undefined && !isImportPending(summary.data) && summary.data.counts.province > 0;
  return { ready, summary };
}
