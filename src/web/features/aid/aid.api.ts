// Aid: schemes with components, entitlements (generate, review, cancel), persons'
// bank accounts (masked; reveal with re-authentication) and persons without one.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  BankAccountListSchema,
  BankAccountSchema,
  EntitlementListSchema,
  EntitlementSchema,
  GenerateResultSchema,
  RevealedBankAccountSchema,
  SchemeListSchema,
  SchemeSchema,
  WithoutAccountSchema,
  type CreateBankAccountSchema,
  type CreateSchemeSchema,
  type EntitlementStatus,
  type UpdateSchemeSchema,
} from '../../../common/aid.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

export type EntitlementFilter = { personId?: number; schemeId?: number; status?: EntitlementStatus; review?: 'required' | 'clear'; regency?: string; limit: number; offset: number };

export function useSchemes(programmeId?: number) {
  return useQuery({ queryKey: ['aid', 'schemes', programmeId ?? null], queryFn: ({ signal }) => apiGet('/api/aid/schemes', SchemeListSchema, { params: { programmeId }, signal }) });
}

function useAidMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['aid'] }) });
}

export const useCreateScheme = () => useAidMutation((body: z.input<typeof CreateSchemeSchema>) => apiSend('POST', '/api/aid/schemes', { body, schema: SchemeSchema }));
export const useUpdateScheme = () =>
  useAidMutation(({ id, body }: { id: number; body: z.input<typeof UpdateSchemeSchema> }) => apiSend('PUT', `/api/aid/schemes/${id}`, { body, schema: SchemeSchema }));
export const useGenerate = () => useAidMutation((id: number) => apiSend('POST', `/api/aid/schemes/${id}/entitlements/generate`, { schema: GenerateResultSchema }));

export function useEntitlements(filter: EntitlementFilter) {
  return useQuery({
    queryKey: ['aid', 'entitlements', filter],
    queryFn: ({ signal }) => apiGet('/api/aid/entitlements', EntitlementListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useEntitlementAction = () =>
  useAidMutation(({ id, action, text, version }: { id: number; action: 'clear_review' | 'cancel'; text: string; version: number }) =>
    action === 'cancel'
      ? apiSend('POST', `/api/aid/entitlements/${id}/cancel`, { body: { reason: text, version }, schema: EntitlementSchema })
      : apiSend('POST', `/api/aid/entitlements/${id}/clear-review`, { body: { note: text, version }, schema: EntitlementSchema }),
  );

// ---- bank accounts ----

export function useBankAccounts(personId: number) {
  return useQuery({ queryKey: ['aid', 'bank-accounts', personId], queryFn: ({ signal }) => apiGet(`/api/persons/${personId}/bank-accounts`, BankAccountListSchema, { signal }) });
}

export const useCreateBankAccount = (personId: number) =>
  useAidMutation((body: z.input<typeof CreateBankAccountSchema>) => apiSend('POST', `/api/persons/${personId}/bank-accounts`, { body, schema: BankAccountSchema }));

export const useBankAccountAction = () =>
  useAidMutation(({ id, action, text, version }: { id: number; action: 'accept_name' | 'deactivate'; text: string; version: number }) =>
    action === 'accept_name'
      ? apiSend('POST', `/api/bank-accounts/${id}/accept-name`, { body: { note: text, version }, schema: BankAccountSchema })
      : apiSend('POST', `/api/bank-accounts/${id}/deactivate`, { body: { reason: text, version }, schema: BankAccountSchema }),
  );

/** Not cached: the number is shown once, in the dialog that asked for it. */
export const useRevealBankAccount = () =>
  useMutation({ mutationFn: ({ id, reason }: { id: number; reason: string }) => apiSend('POST', `/api/bank-accounts/${id}/reveal`, { body: { reason }, schema: RevealedBankAccountSchema, reauth: true }) });

export function useWithoutAccount(filter: { programmeId?: number; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['aid', 'without-account', filter],
    queryFn: ({ signal }) => apiGet('/api/bank-accounts/missing', WithoutAccountSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}
