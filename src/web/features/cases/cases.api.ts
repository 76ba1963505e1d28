// Rehabilitation cases: lists and caseloads, the case, its assessments, plans, notes and tasks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AssessmentDetailSchema, AssessmentListSchema, type Answers } from '../../../common/case-forms.ts';
import { NoteListSchema, NoteSchema, PlanListSchema, PlanSchema, TaskListSchema, TaskSchema, type PlanContentSchema } from '../../../common/case-records.ts';
import { AssigneesSchema, CandidateListSchema, CaseDetailSchema, CaseListSchema, type AssignSchema, type CaseStatusValue } from '../../../common/cases.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

export type CaseFilter = { status?: CaseStatusValue | 'open'; mine?: 'true'; overdue?: 'true'; q?: string; limit: number; offset: number };

const keys = {
  list: (f: CaseFilter) => ['cases', 'list', f] as const,
  /** Everything about one case sits under this key. */
  one: (id: number) => ['cases', 'one', id] as const,
  part: (id: number, part: string) => ['cases', 'one', id, part] as const,
};

export function useCases(filter: CaseFilter) {
  return useQuery({ queryKey: keys.list(filter), queryFn: ({ signal }) => apiGet('/api/cases', CaseListSchema, { params: filter, signal }), placeholderData: keepPreviousData });
}

export type CandidateFilter = { q?: string; limit: number; offset: number };

/** People decided eligible without a case in that programme (to open one). */
export function useCandidates(filter: CandidateFilter) {
  return useQuery({
    queryKey: ['cases', 'candidates', filter],
    queryFn: ({ signal }) => apiGet('/api/cases/candidates', CandidateListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { personId: number; programmeId: number }) => apiSend('POST', '/api/cases', { body, schema: CaseDetailSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: keys.one(id), queryFn: ({ signal }) => apiGet(`/api/cases/${id}`, CaseDetailSchema, { signal }) });
}

export function useAssignees(id: number, enabled: boolean) {
  return useQuery({ queryKey: keys.part(id, 'assignees'), queryFn: ({ signal }) => apiGet(`/api/cases/${id}/assignees`, AssigneesSchema, { signal }), enabled });
}

/** A change to one case: refreshes the case, its parts and the lists. */
function useCaseMutation<V, R>(id: number, fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }) });
}

export const useAssign = (id: number) =>
  useCaseMutation(id, (body: z.input<typeof AssignSchema>) => apiSend('PUT', `/api/cases/${id}/assignment`, { body, schema: CaseDetailSchema }));
export const useChangeStatus = (id: number) =>
  useCaseMutation(id, (body: { status: CaseStatusValue; reason?: string; version?: number }) => apiSend('POST', `/api/cases/${id}/status`, { body, schema: CaseDetailSchema }));
export const useClosure = (id: number) =>
  useCaseMutation(id, ({ step, reason }: { step: 'closure-request' | 'closure-approval' | 'closure-rejection' | 'reopen'; reason?: string }) =>
    apiSend('POST', `/api/cases/${id}/${step}`, { body: reason === undefined ? {} : { reason }, schema: CaseDetailSchema }),
  );

// ---- assessments ----

export function useAssessments(id: number) {
  return useQuery({ queryKey: keys.part(id, 'assessments'), queryFn: ({ signal }) => apiGet(`/api/cases/${id}/assessments`, AssessmentListSchema, { signal }) });
}
export function useAssessment(id: number, assessmentId: number | null) {
  return useQuery({
    queryKey: keys.part(id, `assessment-${assessmentId}`),
    queryFn: ({ signal }) => apiGet(`/api/cases/${id}/assessments/${assessmentId}`, AssessmentDetailSchema, { signal }),
    enabled: assessmentId !== null,
  });
}
export const useStartAssessment = (id: number) => useCaseMutation(id, () => apiSend('POST', `/api/cases/${id}/assessments`, { body: {}, schema: AssessmentDetailSchema }));
export const useSaveAssessment = (id: number) =>
  useCaseMutation(id, ({ assessmentId, answers, submit }: { assessmentId: number; answers: Answers; submit: boolean }) =>
    submit
      ? apiSend('POST', `/api/cases/${id}/assessments/${assessmentId}/submit`, { body: { answers }, schema: AssessmentDetailSchema })
      : apiSend('PUT', `/api/cases/${id}/assessments/${assessmentId}`, { body: { answers }, schema: AssessmentDetailSchema }),
  );

// ---- plans ----

export function usePlans(id: number) {
  return useQuery({ queryKey: keys.part(id, 'plans'), queryFn: ({ signal }) => apiGet(`/api/cases/${id}/plans`, PlanListSchema, { signal }) });
}
export const useSavePlan = (id: number) =>
  useCaseMutation(id, ({ planId, content }: { planId: number | null; content: z.input<typeof PlanContentSchema> }) =>
    planId === null
      ? apiSend('POST', `/api/cases/${id}/plans`, { body: content, schema: PlanSchema })
      : apiSend('PUT', `/api/cases/${id}/plans/${planId}`, { body: content, schema: PlanSchema }),
  );
export const usePlanStep = (id: number) =>
  useCaseMutation(id, ({ planId, step, reason }: { planId: number; step: 'submit' | 'approve' | 'return'; reason?: string }) =>
    apiSend('POST', `/api/cases/${id}/plans/${planId}/${step}`, { body: step === 'return' ? { reason } : undefined, schema: PlanSchema }),
  );

// ---- notes and tasks ----

export function useNotes(id: number) {
  return useQuery({ queryKey: keys.part(id, 'notes'), queryFn: ({ signal }) => apiGet(`/api/cases/${id}/notes`, NoteListSchema, { signal }) });
}
export const useAddNote = (id: number) =>
  useCaseMutation(id, (body: { text: string; confidential: boolean }) => apiSend('POST', `/api/cases/${id}/notes`, { body, schema: NoteSchema }));

export function useTasks(id: number) {
  return useQuery({ queryKey: keys.part(id, 'tasks'), queryFn: ({ signal }) => apiGet(`/api/cases/${id}/tasks`, TaskListSchema, { signal }) });
}
export const useAddTask = (id: number) =>
  useCaseMutation(id, (body: { title: string; dueDate: string }) => apiSend('POST', `/api/cases/${id}/tasks`, { body, schema: TaskSchema }));
export const useUpdateTask = (id: number) =>
  useCaseMutation(id, ({ taskId, ...body }: { taskId: number; done?: boolean }) => apiSend('PUT', `/api/cases/${id}/tasks/${taskId}`, { body, schema: TaskSchema }));
