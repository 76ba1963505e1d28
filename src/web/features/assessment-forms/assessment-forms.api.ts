// Assessment forms (versioned questions as data): every version, and a new one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AssessmentFormSchema, AssessmentFormsSchema, type CreateFormVersionSchema } from '../../../common/case-forms.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

// The cases module reads the same list (its Asesmen tab): one cache entry.
const key = ['cases', 'forms'] as const;

export function useAssessmentForms() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => apiGet('/api/assessment-forms', AssessmentFormsSchema, { signal }) });
}

export function useCreateFormVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateFormVersionSchema>) => apiSend('POST', '/api/assessment-forms', { body, schema: AssessmentFormSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
