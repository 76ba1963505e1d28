// Return home and referrals of a case, and an office's referrals: query hooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CaseReferralsSchema,
  ReferralListSchema,
  ReferralSchema,
  type CreateReferralSchema,
  type RecordResponseSchema,
  type ReferralListQuery,
} from '../../../common/referrals.ts';
import {
  CaseReturnHomeSchema,
  ReturnHomeSchema,
  type CreateReturnHomeSchema,
  type NotifyReturnHomeSchema,
  type UpdateReturnHomeSchema,
} from '../../../common/return-home.ts';
import { apiDownload, apiGet, apiSend } from '../../lib/api-client.ts';

const keys = {
  returnHome: (caseId: number) => ['return-home', 'case', caseId] as const,
  caseReferrals: (caseId: number) => ['referrals', 'case', caseId] as const,
  referrals: (filter: Partial<ReferralListQuery>) => ['referrals', 'list', filter] as const,
};

// ---- return home ----

export function useCaseReturnHome(caseId: number) {
  return useQuery({ queryKey: keys.returnHome(caseId), queryFn: ({ signal }) => apiGet(`/api/cases/${caseId}/return-home`, CaseReturnHomeSchema, { signal }), enabled: caseId > 0 });
}

function useInvalidateReturnHome(caseId: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.returnHome(caseId) });
}

export function usePlanReturnHome(caseId: number) {
  const onSuccess = useInvalidateReturnHome(caseId);
  return useMutation({
    mutationFn: (body: z.input<typeof CreateReturnHomeSchema>) => apiSend('POST', `/api/cases/${caseId}/return-home`, { body, schema: ReturnHomeSchema }),
    onSuccess,
  });
}

export function useUpdateReturnHome(caseId: number) {
  const onSuccess = useInvalidateReturnHome(caseId);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof UpdateReturnHomeSchema> }) => apiSend('PUT', `/api/return-homes/${id}`, { body, schema: ReturnHomeSchema }),
    onSuccess,
  });
}

export type ReturnHomeStep = 'departure' | 'arrival' | 'cancel' | 'letter';
export type StepBody =
  | { step: 'departure'; body: { departedOn: string; note?: string } }
  | { step: 'arrival'; body: { arrivedOn: string; note?: string } }
  | { step: 'cancel'; body: { reason: string } }
  | { step: 'letter'; body: z.input<typeof NotifyReturnHomeSchema> };

export function useReturnHomeStep(caseId: number) {
  const onSuccess = useInvalidateReturnHome(caseId);
  return useMutation({
    mutationFn: ({ id, ...s }: StepBody & { id: number }) => apiSend('POST', `/api/return-homes/${id}/${s.step}`, { body: s.body, schema: ReturnHomeSchema }),
    onSuccess,
  });
}

// ---- referrals ----

export function useCaseReferrals(caseId: number) {
  return useQuery({ queryKey: keys.caseReferrals(caseId), queryFn: ({ signal }) => apiGet(`/api/cases/${caseId}/referrals`, CaseReferralsSchema, { signal }), enabled: caseId > 0 });
}

export function useReferrals(filter: Partial<ReferralListQuery>) {
  return useQuery({
    queryKey: keys.referrals(filter),
    queryFn: ({ signal }) => apiGet('/api/referrals', ReferralListSchema, { params: { ...filter, awaitingResponse: filter.awaitingResponse === undefined ? undefined : String(filter.awaitingResponse) }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateReferral(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateReferralSchema>) => apiSend('POST', `/api/cases/${caseId}/referrals`, { body, schema: ReferralSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
}

export type ReferralStepBody =
  | { step: 'override'; body: { reason: string } }
  | { step: 'revoke'; body: { reason: string } }
  | { step: 'response'; body: z.input<typeof RecordResponseSchema> };

export function useReferralStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...s }: ReferralStepBody & { id: number }) => apiSend('POST', `/api/referrals/${id}/${s.step}`, { body: s.body, schema: ReferralSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
}

/** The referral letter (PDF with the shared fields); the server audits it as a reveal. */
export function downloadReferralPdf(id: number): Promise<void> {
  return apiDownload(`/api/referrals/${id}/pdf`, {}, `rujukan-R-${id}.pdf`);
}
