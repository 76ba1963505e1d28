// Training: the catalogue, course runs, meeting days, enrolments, attendance and
// certificates — query hooks over /api/training and /api/cases/:id/training.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  AttendanceGridSchema,
  CaseTrainingSchema,
  CourseListSchema,
  CourseSchema,
  EnrolmentSchema,
  RunDetailSchema,
  RunListSchema,
  type AddMeetingSchema,
  type CertificateRequestSchema,
  type CreateCourseSchema,
  type CreateRunSchema,
  type RecordAttendanceSchema,
  type RunListQuery,
  type UpdateCourseSchema,
  type UpdateRunSchema,
} from '../../../common/training.ts';
import { CaseListSchema } from '../../../common/cases.ts';
import { apiDownload, apiGet, apiSend } from '../../lib/api-client.ts';

const keys = {
  all: ['training'] as const,
  courses: ['training', 'courses'] as const,
  runs: (filter: Partial<RunListQuery>) => ['training', 'runs', filter] as const,
  run: (id: number) => ['training', 'run', id] as const,
  attendance: (meetingId: number) => ['training', 'attendance', meetingId] as const,
  forCase: (caseId: number) => ['training', 'case', caseId] as const,
};

/** Every training answer may change with any training change (completion follows attendance). */
function useInvalidateTraining() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
}

export function useCourses() {
  return useQuery({ queryKey: keys.courses, queryFn: ({ signal }) => apiGet('/api/training/courses', CourseListSchema, { signal }) });
}

export function useSaveCourse() {
  const onSuccess = useInvalidateTraining();
  return useMutation({
    mutationFn: (input: { id: null; body: z.input<typeof CreateCourseSchema> } | { id: number; body: z.input<typeof UpdateCourseSchema> }) =>
      input.id === null
        ? apiSend('POST', '/api/training/courses', { body: input.body, schema: CourseSchema })
        : apiSend('PUT', `/api/training/courses/${input.id}`, { body: input.body, schema: CourseSchema }),
    onSuccess,
  });
}

export function useRuns(filter: Partial<RunListQuery>) {
  return useQuery({
    queryKey: keys.runs(filter),
    queryFn: ({ signal }) => apiGet('/api/training/runs', RunListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRun(id: number) {
  return useQuery({ queryKey: keys.run(id), queryFn: ({ signal }) => apiGet(`/api/training/runs/${id}`, RunDetailSchema, { signal }), enabled: id > 0 });
}

export function useSaveRun() {
  const onSuccess = useInvalidateTraining();
  return useMutation({
    mutationFn: (input: { id: null; body: z.input<typeof CreateRunSchema> } | { id: number; body: z.input<typeof UpdateRunSchema> }) =>
      input.id === null
        ? apiSend('POST', '/api/training/runs', { body: input.body, schema: RunDetailSchema })
        : apiSend('PUT', `/api/training/runs/${input.id}`, { body: input.body, schema: RunDetailSchema }),
    onSuccess,
  });
}

export function useAddMeeting(runId: number) {
  const onSuccess = useInvalidateTraining();
  return useMutation({ mutationFn: (body: z.input<typeof AddMeetingSchema>) => apiSend('POST', `/api/training/runs/${runId}/meetings`, { body, schema: RunDetailSchema }), onSuccess });
}

export function useDeleteMeeting() {
  const onSuccess = useInvalidateTraining();
  return useMutation({ mutationFn: (meetingId: number) => apiSend('DELETE', `/api/training/meetings/${meetingId}`, { schema: RunDetailSchema }), onSuccess });
}

export function useEnrol(runId: number) {
  const onSuccess = useInvalidateTraining();
  return useMutation({ mutationFn: (caseId: number) => apiSend('POST', `/api/training/runs/${runId}/enrolments`, { body: { caseId }, schema: EnrolmentSchema }), onSuccess });
}

export function useWithdraw() {
  const onSuccess = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => apiSend('POST', `/api/training/enrolments/${id}/withdraw`, { body: { reason }, schema: EnrolmentSchema }),
    onSuccess,
  });
}

export function useAttendance(meetingId: number) {
  return useQuery({ queryKey: keys.attendance(meetingId), queryFn: ({ signal }) => apiGet(`/api/training/meetings/${meetingId}/attendance`, AttendanceGridSchema, { signal }), enabled: meetingId > 0 });
}

export function useRecordAttendance(meetingId: number) {
  const onSuccess = useInvalidateTraining();
  return useMutation({
    mutationFn: (body: z.input<typeof RecordAttendanceSchema>) => apiSend('PUT', `/api/training/meetings/${meetingId}/attendance`, { body, schema: AttendanceGridSchema }),
    onSuccess,
  });
}

export function useCaseTraining(caseId: number) {
  return useQuery({ queryKey: keys.forCase(caseId), queryFn: ({ signal }) => apiGet(`/api/cases/${caseId}/training`, CaseTrainingSchema, { signal }), enabled: caseId > 0 });
}

/** The certificate PDF (the case code, or the full name with a reason: the server may ask for re-authentication). */
export function useCertificate() {
  const onSuccess = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof CertificateRequestSchema> }) => apiDownload(`/api/training/enrolments/${id}/certificate`, {}, `sertifikat-${id}.pdf`, { body }),
    onSuccess,
  });
}

/** Open cases within reach whose code matches, to enrol (the cases module's list). */
export function useCaseSearch(q: string) {
  return useQuery({
    queryKey: ['training', 'case-search', q],
    queryFn: ({ signal }) => apiGet('/api/cases', CaseListSchema, { params: { status: 'open', q: q || undefined, limit: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}
