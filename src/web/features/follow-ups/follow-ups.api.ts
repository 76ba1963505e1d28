// Follow-up visits (a case's, mine), recording a visit, the outcome report and a
// programme's visit schedule: query hooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CaseFollowUpsSchema,
  FollowUpScheduleSchema,
  FollowUpSchema,
  MyFollowUpsSchema,
  OutcomeReportSchema,
  type MissFollowUpSchema,
  type OutcomeReportQuery,
  type RecordFollowUpSchema,
} from '../../../common/follow-ups.ts';
import { apiDownload, apiGet, apiSend } from '../../lib/api-client.ts';

const keys = {
  all: ['follow-ups'] as const,
  ofCase: (caseId: number) => ['follow-ups', 'case', caseId] as const,
  mine: ['follow-ups', 'mine'] as const,
  outcomes: (q: OutcomeReportQuery) => ['follow-ups', 'outcomes', q] as const,
  schedule: (programmeId: number) => ['follow-ups', 'schedule', programmeId] as const,
};

export function useCaseFollowUps(caseId: number) {
  return useQuery({ queryKey: keys.ofCase(caseId), queryFn: ({ signal }) => apiGet(`/api/cases/${caseId}/follow-ups`, CaseFollowUpsSchema, { signal }), enabled: caseId > 0 });
}

export function useMyFollowUps() {
  return useQuery({ queryKey: keys.mine, queryFn: ({ signal }) => apiGet('/api/follow-ups/mine', MyFollowUpsSchema, { signal }) });
}

export type FollowUpStep = { step: 'outcome'; body: z.input<typeof RecordFollowUpSchema> } | { step: 'missed'; body: z.input<typeof MissFollowUpSchema> };

/** Records a visit's outcome or marks it missed; every follow-up list is refreshed (the case's, mine). */
export function useFollowUpStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...s }: FollowUpStep & { id: number }) => apiSend('POST', `/api/follow-ups/${id}/${s.step}`, { body: s.body, schema: FollowUpSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

const reportParams = (q: OutcomeReportQuery) => ({ programmeId: q.programmeId, regionCode: q.regionCode, cohortFrom: q.cohortFrom, cohortTo: q.cohortTo });

export function useOutcomeReport(q: OutcomeReportQuery | null) {
  return useQuery({
    queryKey: keys.outcomes(q ?? { cohortFrom: '', cohortTo: '' }),
    queryFn: ({ signal }) => apiGet('/api/follow-ups/outcomes', OutcomeReportSchema, { params: reportParams(q!), signal }),
    enabled: q !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function downloadOutcomeReport(q: OutcomeReportQuery): Promise<void> {
  return apiDownload('/api/follow-ups/outcomes.xlsx', reportParams(q), `hasil-tindak-lanjut-${q.cohortFrom}-${q.cohortTo}.xlsx`);
}

export function useFollowUpSchedule(programmeId: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.schedule(programmeId),
    queryFn: ({ signal }) => apiGet(`/api/programmes/${programmeId}/follow-up-schedule`, FollowUpScheduleSchema, { signal }),
    enabled: enabled && programmeId > 0,
    retry: false,
  });
}

export function useSaveFollowUpSchedule(programmeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offsetsMonths: number[]) => apiSend('PUT', `/api/programmes/${programmeId}/follow-up-schedule`, { body: { offsetsMonths }, schema: FollowUpScheduleSchema }),
    onSuccess: (data) => queryClient.setQueryData(keys.schedule(programmeId), data),
  });
}
