// The registry: pseudonymous lists and details, registering and changing persons,
// revealing identity fields, consent records and data-subject requests.
// Revealed values never enter the query cache: they live in the component that
// asked for them, for a limited time.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { NikCheckSchema, type NikValidateBody } from '../../../common/nik.ts';
import { PersonListSchema, PersonSchema, RevealedSchema, type CreatePersonSchema, type RevealSchema } from '../../../common/persons.ts';
import {
  CaseWorkerListSchema,
  ConsentListSchema,
  ConsentSchema,
  SubjectRequestListSchema,
  SubjectRequestSchema,
  type CreateConsentSchema,
  type CreateSubjectRequestSchema,
  type SubjectRequestKind,
  type SubjectRequestStatus,
  type UpdatePersonSchema,
  type UpdateSubjectRequestSchema,
} from '../../../common/registry-rights.ts';
import { SiteListSchema } from '../../../common/sites.ts';
import { apiDownload, apiGet, apiSend } from '../../lib/api-client.ts';

export type PersonFilter = { q?: string; regency?: string; siteId?: string; limit: number; offset: number };
export type RequestFilter = { status?: SubjectRequestStatus; kind?: SubjectRequestKind; overdue?: 'true' | 'false'; personId?: number; limit: number; offset: number };

const keys = {
  persons: ['persons'] as const,
  list: (filter: PersonFilter) => ['persons', 'list', filter] as const,
  person: (id: number) => ['persons', 'one', id] as const,
  consents: (id: number) => ['persons', 'one', id, 'consents'] as const,
  requests: ['subject-requests'] as const,
  requestList: (filter: RequestFilter) => ['subject-requests', 'list', filter] as const,
};

export function usePersonList(filter: PersonFilter) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: ({ signal }) => apiGet('/api/persons', PersonListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number) {
  return useQuery({
    queryKey: keys.person(id),
    queryFn: ({ signal }) => apiGet(`/api/persons/${id}`, PersonSchema, { signal }),
    enabled: id > 0,
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreatePersonSchema>) => apiSend('POST', '/api/persons', { body, schema: PersonSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.persons }),
  });
}

export function useUpdatePerson(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof UpdatePersonSchema>) => apiSend('PATCH', `/api/persons/${id}`, { body, schema: PersonSchema }),
    onSuccess: (person) => {
      queryClient.setQueryData(keys.person(id), person);
      void queryClient.invalidateQueries({ queryKey: keys.persons });
      void queryClient.invalidateQueries({ queryKey: keys.requests });
    },
  });
}

/** Reveal: the answer goes to the caller only (not cached); the API client asks for re-authentication when needed. */
export function useReveal(id: number) {
  return useMutation({
    mutationFn: (body: z.input<typeof RevealSchema>) => apiSend('POST', `/api/persons/${id}/reveal`, { body, schema: RevealedSchema }),
    gcTime: 0,
  });
}

/** POST /api/nik/validate: the same rules as the server, without storing or logging anything. */
export function useNikCheck() {
  return useMutation({ mutationFn: (body: NikValidateBody) => apiSend('POST', '/api/nik/validate', { body, schema: NikCheckSchema }), gcTime: 0 });
}

export function useSiteOptions(regency: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['sites', 'options', regency ?? ''],
    queryFn: ({ signal }) => apiGet('/api/sites', SiteListSchema, { params: { regency, limit: 200, offset: 0, sort: 'code' }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useCaseWorkers(regency: string, enabled: boolean) {
  return useQuery({
    queryKey: ['case-workers', regency],
    queryFn: ({ signal }) => apiGet('/api/case-workers', CaseWorkerListSchema, { params: { regency }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

// --- consent -------------------------------------------------------------------

export function useConsents(personId: number) {
  return useQuery({
    queryKey: keys.consents(personId),
    queryFn: ({ signal }) => apiGet(`/api/persons/${personId}/consents`, ConsentListSchema, { signal }),
  });
}

function usePersonChange<V>(personId: number, fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.person(personId) });
      void queryClient.invalidateQueries({ queryKey: keys.requests });
    },
  });
}

export function useAddConsent(personId: number) {
  return usePersonChange(personId, (body: z.input<typeof CreateConsentSchema>) =>
    apiSend('POST', `/api/persons/${personId}/consents`, { body, schema: ConsentSchema }),
  );
}

export function useWithdrawConsent(personId: number) {
  return usePersonChange(personId, ({ consentId, withdrawnOn }: { consentId: number; withdrawnOn?: string }) =>
    apiSend('POST', `/api/persons/${personId}/consents/${consentId}/withdraw`, { body: withdrawnOn ? { withdrawnOn } : {}, schema: ConsentSchema }),
  );
}

export function useLiftRestriction(personId: number) {
  return usePersonChange(personId, (reason: string) => apiSend('POST', `/api/persons/${personId}/restriction/lift`, { body: { reason } }));
}

// --- data-subject requests -----------------------------------------------------

export function useSubjectRequests(filter: RequestFilter, enabled = true) {
  return useQuery({
    queryKey: keys.requestList(filter),
    queryFn: ({ signal }) => apiGet('/api/subject-requests', SubjectRequestListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Changes to requests may change persons (restriction, erasure): both are refreshed. */
function useRequestChange<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.requests });
      void queryClient.invalidateQueries({ queryKey: keys.persons });
    },
  });
}

export function useCreateSubjectRequest() {
  return useRequestChange((body: z.input<typeof CreateSubjectRequestSchema>) => apiSend('POST', '/api/subject-requests', { body, schema: SubjectRequestSchema }));
}

export function useUpdateSubjectRequest() {
  return useRequestChange(({ id, body }: { id: number; body: z.input<typeof UpdateSubjectRequestSchema> }) =>
    apiSend('PATCH', `/api/subject-requests/${id}`, { body, schema: SubjectRequestSchema }),
  );
}

/** Downloads the access export (re-authentication asked for by the API client); marks the request exported. */
export function useDownloadExport() {
  return useRequestChange(({ id, format }: { id: number; format: 'pdf' | 'json' }) =>
    apiDownload(`/api/subject-requests/${id}/export`, { format }, `data-pribadi-permintaan-${id}.${format}`),
  );
}
