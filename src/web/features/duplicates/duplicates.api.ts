// The duplicate review queue: candidate pairs (pseudonymous), one pair with its
// decision history, decisions and reopening, and the matcher's runs with the
// progress of the running one (GET /api/jobs/:id).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CandidateListSchema,
  CandidateSchema,
  DecisionHistorySchema,
  RunListSchema,
  RunSchema,
  type CandidateStatus,
  type Decision,
} from '../../../common/duplicates.ts';
import { JobViewSchema } from '../../../common/jobs.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

export type CandidateFilter = { status?: CandidateStatus; regency?: string; limit: number; offset: number };
export type Run = z.output<typeof RunSchema>;

const keys = {
  all: ['duplicates'] as const,
  list: (filter: CandidateFilter) => ['duplicates', 'list', filter] as const,
  one: (id: number) => ['duplicates', 'one', id] as const,
  history: (id: number) => ['duplicates', 'one', id, 'history'] as const,
  runs: ['duplicates', 'runs'] as const,
  job: (id: number) => ['jobs', id] as const,
};

export function useCandidates(filter: CandidateFilter) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: ({ signal }) => apiGet('/api/duplicates', CandidateListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCandidate(id: number) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => apiGet(`/api/duplicates/${id}`, CandidateSchema, { signal }),
    enabled: id > 0,
  });
}

export function useCandidateHistory(id: number) {
  return useQuery({
    queryKey: keys.history(id),
    queryFn: ({ signal }) => apiGet(`/api/duplicates/${id}/history`, DecisionHistorySchema, { signal }),
    enabled: id > 0,
  });
}

/** A decision or a reopening changes the pair, the queue and (a merge) the registry's lists. */
function useCandidateChange<V>(id: number, fn: (vars: V) => Promise<z.output<typeof CandidateSchema>>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (candidate) => {
      queryClient.setQueryData(keys.one(id), candidate);
      void queryClient.invalidateQueries({ queryKey: keys.all });
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void queryClient.invalidateQueries({ queryKey: ['verval'] });
    },
  });
}

export function useDecide(id: number) {
  return useCandidateChange(id, (body: Decision) => apiSend('POST', `/api/duplicates/${id}/decision`, { body, schema: CandidateSchema }));
}

export function useReopen(id: number) {
  return useCandidateChange(id, (reason: string) => apiSend('POST', `/api/duplicates/${id}/reopen`, { body: { reason }, schema: CandidateSchema }));
}

/** Recent runs; asked again every two seconds while one is running. */
export function useRuns() {
  return useQuery({
    queryKey: keys.runs,
    queryFn: ({ signal }) => apiGet('/api/duplicates/runs', RunListSchema, { signal }),
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 2000 : false),
  });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mode: 'new' | 'full') => apiSend('POST', '/api/duplicates/runs', { body: { mode }, schema: RunSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.runs }),
  });
}

/** The job of a running run, polled every second until it ends; then the runs and the queue are read again. */
export function useRunJob(jobId: number | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.job(jobId ?? 0),
    queryFn: async ({ signal }) => {
      const job = await apiGet(`/api/jobs/${jobId}`, JobViewSchema, { signal });
      if (job.status === 'succeeded' || job.status === 'failed') void queryClient.invalidateQueries({ queryKey: keys.all });
      return job;
    },
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'succeeded' || q.state.data.status === 'failed') ? false : 1000),
  });
}
