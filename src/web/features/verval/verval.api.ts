// Lists and verification (verval): a site's list versions and their differences,
// a programme's eligibility rules, each person's verification and the funnel.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { PersonListSchema as RegistryPersonListSchema } from '../../../common/persons.ts';
import {
  BulkEvaluateResultSchema,
  FunnelSchema,
  ListDiffSchema,
  PersonListSchema,
  RuleSetsSchema,
  SiteListsSchema,
  VerificationDetailSchema,
  VerificationListSchema,
  type CreatePersonListSchema,
  type DecideSchema,
  type SetRulesSchema,
  type VERIFICATION_STATES,
} from '../../../common/verval.ts';
import { apiDownload, apiGet, apiSend } from '../../lib/api-client.ts';

export type VerificationState = (typeof VERIFICATION_STATES)[number];
export type VerificationFilter = { siteId?: number; listId?: number; state?: VerificationState; q?: string; limit: number; offset: number };

const keys = {
  lists: ['verval', 'lists'] as const,
  siteLists: (siteId: number) => ['verval', 'lists', 'site', siteId] as const,
  list: (id: number) => ['verval', 'lists', 'one', id] as const,
  diff: (id: number, from: number | null) => ['verval', 'lists', 'diff', id, from] as const,
  /** Everything about one programme's verification sits under this key. */
  programme: (id: number) => ['verval', 'programme', id] as const,
  rules: (id: number) => ['verval', 'programme', id, 'rules'] as const,
  verifications: (id: number, filter: VerificationFilter) => ['verval', 'programme', id, 'verifications', filter] as const,
  verification: (id: number, personId: number) => ['verval', 'programme', id, 'person', personId] as const,
  funnel: (id: number, regency: string | null) => ['verval', 'programme', id, 'funnel', regency] as const,
};

// ---- lists ----

export function useSiteLists(siteId: number) {
  return useQuery({ queryKey: keys.siteLists(siteId), queryFn: ({ signal }) => apiGet(`/api/sites/${siteId}/person-lists`, SiteListsSchema, { signal }), enabled: siteId > 0 });
}

export function usePersonList(id: number | null) {
  return useQuery({
    queryKey: keys.list(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/person-lists/${id}`, PersonListSchema, { signal }),
    enabled: id !== null && id > 0,
  });
}

export function useListDiff(id: number | null, from: number | null) {
  return useQuery({
    queryKey: keys.diff(id ?? 0, from),
    queryFn: ({ signal }) => apiGet(`/api/person-lists/${id}/diff`, ListDiffSchema, { params: { from }, signal }),
    enabled: id !== null && id > 0,
  });
}

export function useCreateList(siteId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreatePersonListSchema>) => apiSend('POST', `/api/sites/${siteId}/person-lists`, { body, schema: PersonListSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['verval'] }),
  });
}

/** Registry persons of a regency (pseudonymous) to add to a list. */
export function useRegistrySearch(regency: string, q: string) {
  return useQuery({
    queryKey: ['persons', 'list', { regency, q, limit: 20, offset: 0 }],
    queryFn: ({ signal }) => apiGet('/api/persons', RegistryPersonListSchema, { params: { regency, q: q || undefined, limit: 20, offset: 0 }, signal }),
    enabled: regency !== '',
    placeholderData: keepPreviousData,
  });
}

// ---- rules ----

export function useRules(programmeId: number) {
  return useQuery({ queryKey: keys.rules(programmeId), queryFn: ({ signal }) => apiGet(`/api/programmes/${programmeId}/eligibility-rules`, RuleSetsSchema, { signal }) });
}

export function useSetRules(programmeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SetRulesSchema>) => apiSend('POST', `/api/programmes/${programmeId}/eligibility-rules`, { body, schema: RuleSetsSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.programme(programmeId) }),
  });
}

// ---- verifications ----

export function useVerifications(programmeId: number, filter: VerificationFilter) {
  return useQuery({
    queryKey: keys.verifications(programmeId, filter),
    queryFn: ({ signal }) => apiGet(`/api/programmes/${programmeId}/verifications`, VerificationListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useVerification(programmeId: number, personId: number | null) {
  return useQuery({
    queryKey: keys.verification(programmeId, personId ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/programmes/${programmeId}/verifications/${personId}`, VerificationDetailSchema, { signal }),
    enabled: personId !== null,
  });
}

/** A change to one programme's verifications: refreshes the table, the person and the funnel. */
function useProgrammeMutation<V, R>(programmeId: number, fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.programme(programmeId) }) });
}

export function useRecordEktp(programmeId: number) {
  return useProgrammeMutation(programmeId, ({ personId, seen }: { personId: number; seen: boolean }) =>
    apiSend('PUT', `/api/programmes/${programmeId}/verifications/${personId}/ektp`, { body: { seen }, schema: VerificationDetailSchema }),
  );
}

export function useEvaluate(programmeId: number) {
  return useProgrammeMutation(programmeId, (personId: number) =>
    apiSend('POST', `/api/programmes/${programmeId}/verifications/${personId}/evaluate`, { schema: VerificationDetailSchema }),
  );
}

export function useBulkEvaluate(programmeId: number) {
  return useProgrammeMutation(programmeId, (body: { siteId: number; listId?: number }) =>
    apiSend('POST', `/api/programmes/${programmeId}/verifications/evaluate`, { body, schema: BulkEvaluateResultSchema }),
  );
}

export function useDecide(programmeId: number) {
  return useProgrammeMutation(programmeId, ({ personId, body }: { personId: number; body: z.input<typeof DecideSchema> }) =>
    apiSend('POST', `/api/programmes/${programmeId}/verifications/${personId}/decision`, { body, schema: VerificationDetailSchema }),
  );
}

// ---- funnel ----

export function useFunnel(programmeId: number, regency: string | null) {
  return useQuery({
    queryKey: keys.funnel(programmeId, regency),
    queryFn: ({ signal }) => apiGet(`/api/programmes/${programmeId}/verval-funnel`, FunnelSchema, { params: { regency }, signal }),
  });
}

export function downloadFunnel(programmeId: number, regency: string | null, lang: string): Promise<void> {
  return apiDownload(`/api/programmes/${programmeId}/verval-funnel.xlsx`, { regency, lang }, `corong-verval-${programmeId}.xlsx`);
}
