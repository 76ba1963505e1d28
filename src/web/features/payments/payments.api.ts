// Payment batches: list, candidates, prepare, approve/reject (re-authentication is asked
// by the API client), bank file, send, reconciliation upload, mismatches, receipts.
// Every change carries an Idempotency-Key made once per intended action and kept for its
// retries, so a double click or a retry after a lost answer never acts twice.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { z } from 'zod';
import { BatchDetailSchema, BatchListSchema, CandidatesSchema, MismatchSchema, PreparedSchema, ReconcileResultSchema, type CandidateQuery } from '../../../common/payments.ts';
import { apiDownload, apiGet, apiSend } from '../../lib/api-client.ts';

export type Batch = z.infer<typeof BatchListSchema>['items'][number];
export type BatchDetail = z.infer<typeof BatchDetailSchema>;

export function useBatches(filter: { status?: string; limit: number; offset: number }) {
  return useQuery({ queryKey: ['payments', 'batches', filter], queryFn: ({ signal }) => apiGet('/api/payment-batches', BatchListSchema, { params: filter, signal }) });
}

export function useBatch(id: number) {
  return useQuery({ queryKey: ['payments', 'batch', id], queryFn: ({ signal }) => apiGet(`/api/payment-batches/${id}`, BatchDetailSchema, { signal }), enabled: id > 0 });
}

export function useCandidates(q: CandidateQuery | null) {
  return useQuery({
    queryKey: ['payments', 'candidates', q],
    queryFn: ({ signal }) => apiGet('/api/payment-batches/candidates', CandidatesSchema, { params: q ?? {}, signal }),
    enabled: q !== null,
  });
}

/** A mutation whose calls share one idempotency key until one succeeds. */
function useIdempotent<V, R>(fn: (vars: V, headers: Record<string, string>) => Promise<R>) {
  const queryClient = useQueryClient();
  const key = useRef<string | null>(null);
  return useMutation({
    mutationFn: (vars: V) => {
      key.current ??= crypto.randomUUID();
      return fn(vars, { 'Idempotency-Key': key.current });
    },
    onSuccess: () => {
      key.current = null;
      return queryClient.invalidateQueries({ queryKey: ['payments'] });
    },
  });
}

export const usePrepare = () => useIdempotent((body: { programmeId: number; schemeId?: number; componentId?: number; region?: string }, headers) => apiSend('POST', '/api/payment-batches', { body, headers, schema: PreparedSchema }));
export const useApprove = () => useIdempotent(({ id, version }: { id: number; version: number }, headers) => apiSend('POST', `/api/payment-batches/${id}/approve`, { body: { version }, headers, schema: BatchDetailSchema }));
export const useReject = () =>
  useIdempotent(({ id, version, reason }: { id: number; version: number; reason: string }, headers) => apiSend('POST', `/api/payment-batches/${id}/reject`, { body: { version, reason }, headers, schema: BatchDetailSchema }));
export const useSend = () => useIdempotent(({ id, version }: { id: number; version: number }, headers) => apiSend('POST', `/api/payment-batches/${id}/send`, { body: { version }, headers, schema: BatchDetailSchema }));
export const useResolve = () => useIdempotent(({ id, resolution }: { id: number; resolution: string }, headers) => apiSend('POST', `/api/payment-mismatches/${id}/resolve`, { body: { resolution }, headers, schema: MismatchSchema }));

/** The upload's SHA-256 goes in the query: the server checks it and it keys the idempotency. */
export const useReconcile = () =>
  useIdempotent(async ({ id, file }: { id: number; file: File }, headers) => {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const form = new FormData();
    form.set('file', file);
    return apiSend('POST', `/api/payment-batches/${id}/reconciliations`, { body: form, headers, params: { sha256 }, schema: ReconcileResultSchema });
  });

export const downloadBankFile = (id: number, bank?: string) => apiDownload(`/api/payment-batches/${id}/bank-file`, { bank }, 'bank.csv');
export const downloadReceipt = (paymentId: number, reason?: string) =>
  apiDownload(`/api/payments/${paymentId}/receipt`, {}, 'kuitansi.pdf', reason ? { body: { reason } } : undefined);
