// Closure programmes: national and provincial programmes, their regencies/cities,
// status changes with history, and readiness requests to the local governments.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ProgrammeListSchema,
  ProgrammeRegionListSchema,
  ProgrammeRegionViewSchema,
  ProgrammeViewSchema,
  ReadinessListSchema,
  ReadinessRequestViewSchema,
  StatusHistorySchema,
  type AddProgrammeRegionSchema,
  type AnswerReadinessSchema,
  type ChangeStatusSchema,
  type CreateProgrammeSchema,
  type CreateReadinessRequestSchema,
  type RegionStatus,
  type UpdateProgrammeRegionSchema,
  type UpdateProgrammeSchema,
} from '../../../common/programmes.ts';
import { apiGet, apiSend, buildUrl, type QueryParams } from '../../lib/api-client.ts';

export type RegionSort = 'region_code' | 'target_date' | 'status';
export type RegionFilter = { status?: RegionStatus; q?: string; sort: RegionSort; order: 'asc' | 'desc'; limit: number; offset: number };

const keys = {
  all: ['programmes'] as const,
  list: ['programmes', 'list'] as const,
  one: (id: number) => ['programmes', 'one', id] as const,
  regions: (id: number) => ['programmes', 'regions', id] as const,
  regionList: (id: number, filter: RegionFilter) => ['programmes', 'regions', id, filter] as const,
  /** Under regions(programmeId), so every change to the programme's regions refreshes it too. */
  region: (programmeId: number, regionId: number) => ['programmes', 'regions', programmeId, 'one', regionId] as const,
  history: (regionId: number) => ['programmes', 'history', regionId] as const,
  readiness: (regionId: number) => ['programmes', 'readiness', regionId] as const,
};

/** Every programme the caller may see (national ones and the provincial ones of their region); few enough for one page. */
export function useProgrammes() {
  return useQuery({
    queryKey: keys.list,
    queryFn: ({ signal }) => apiGet('/api/programmes', ProgrammeListSchema, { params: { limit: 200, offset: 0 }, signal }),
  });
}

export function useProgramme(id: number) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => apiGet(`/api/programmes/${id}`, ProgrammeViewSchema, { signal }),
    enabled: id > 0,
  });
}

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateProgrammeSchema>) => apiSend('POST', '/api/programmes', { body, schema: ProgrammeViewSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof UpdateProgrammeSchema> }) =>
      apiSend('PATCH', `/api/programmes/${id}`, { body, schema: ProgrammeViewSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useProgrammeRegions(id: number, filter: RegionFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.regionList(id, filter),
    queryFn: ({ signal }) => apiGet(`/api/programmes/${id}/regions`, ProgrammeRegionListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useProgrammeRegion(programmeId: number, regionId: number) {
  return useQuery({
    queryKey: keys.region(programmeId, regionId),
    queryFn: ({ signal }) => apiGet(`/api/programme-regions/${regionId}`, ProgrammeRegionViewSchema, { signal }),
  });
}

/** The .xlsx export of the regions list with the same filters (minus the page). */
export function regionsExportUrl(id: number, filter: Omit<RegionFilter, 'limit' | 'offset'>, lang: string): string {
  return buildUrl(`/api/programmes/${id}/regions.xlsx`, { ...filter, lang } satisfies QueryParams);
}

export function useAddRegion(programmeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof AddProgrammeRegionSchema>) =>
      apiSend('POST', `/api/programmes/${programmeId}/regions`, { body, schema: ProgrammeRegionViewSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.regions(programmeId) }),
  });
}

function useRegionMutation<V>(programmeId: number, fn: (vars: V) => Promise<unknown>, extra?: (vars: V) => readonly unknown[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (_data, vars) => {
      await queryClient.invalidateQueries({ queryKey: keys.regions(programmeId) });
      const more = extra?.(vars);
      if (more) await queryClient.invalidateQueries({ queryKey: more });
    },
  });
}

export function useChangeStatus(programmeId: number) {
  return useRegionMutation(
    programmeId,
    ({ regionId, body }: { regionId: number; body: z.input<typeof ChangeStatusSchema> }) =>
      apiSend('POST', `/api/programme-regions/${regionId}/status`, { body, schema: ProgrammeRegionViewSchema }),
    ({ regionId }) => keys.history(regionId),
  );
}

export function useUpdateRegionTarget(programmeId: number) {
  return useRegionMutation(programmeId, ({ regionId, body }: { regionId: number; body: z.input<typeof UpdateProgrammeRegionSchema> }) =>
    apiSend('PATCH', `/api/programme-regions/${regionId}`, { body, schema: ProgrammeRegionViewSchema }),
  );
}

export function useStatusHistory(regionId: number) {
  return useQuery({
    queryKey: keys.history(regionId),
    queryFn: ({ signal }) => apiGet(`/api/programme-regions/${regionId}/history`, StatusHistorySchema, { signal }),
  });
}

export function useReadiness(regionId: number) {
  return useQuery({
    queryKey: keys.readiness(regionId),
    queryFn: ({ signal }) => apiGet(`/api/programme-regions/${regionId}/readiness`, ReadinessListSchema, { signal }),
  });
}

export function useRequestReadiness(regionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateReadinessRequestSchema>) =>
      apiSend('POST', `/api/programme-regions/${regionId}/readiness`, { body, schema: ReadinessRequestViewSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.readiness(regionId) }),
  });
}

export function useAnswerReadiness(regionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: number; body: z.input<typeof AnswerReadinessSchema> }) =>
      apiSend('POST', `/api/readiness-requests/${requestId}/answer`, { body, schema: ReadinessRequestViewSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.readiness(regionId) }),
  });
}
