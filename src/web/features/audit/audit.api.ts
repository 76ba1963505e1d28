// Audit log browser and break-glass review queue.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BreakGlassListSchema, type BreakGlassGrant } from '../../../common/break-glass.ts';
import { AuditCheckpointSchema, AuditListSchema, AuditVerifySchema } from '../../../common/audit.ts';
import { apiDownload, apiGet, apiSend } from '../../lib/api-client.ts';

/** The filters as they appear in the address bar (all strings; empty ones are left out). */
export type AuditFilterParams = {
  actor?: string;
  entityType?: string;
  entityId?: string;
  regionCode?: string;
  action?: string;
  from?: string;
  to?: string;
  breakGlass?: 'true';
};
export const AUDIT_FILTER_KEYS = ['actor', 'entityType', 'entityId', 'regionCode', 'action', 'from', 'to', 'breakGlass'] as const;

export function useAuditList(filter: AuditFilterParams & { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['audit', 'list', filter],
    queryFn: ({ signal }) => apiGet('/api/audit', AuditListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditVerify() {
  return useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: ({ signal }) => apiGet('/api/audit/verify', AuditVerifySchema, { signal }),
    staleTime: Infinity,
    retry: false,
  });
}

export function useAuditCheckpoint() {
  return useQuery({
    queryKey: ['audit', 'checkpoint'],
    queryFn: ({ signal }) => apiGet('/api/audit/checkpoint', AuditCheckpointSchema, { signal }),
    retry: false,
  });
}

export function useAuditExport() {
  return useMutation({
    mutationFn: ({ format, filter }: { format: 'csv' | 'json'; filter: AuditFilterParams }) =>
      apiDownload('/api/audit/export', { format, ...filter }, `audit-${new Date().toISOString().slice(0, 10)}.${format}`),
  });
}

// Break-glass: local schemas (no shared schema in src/common for these yet).
export type { BreakGlassGrant };

export function useBreakGlassList(status: 'pending' | 'reviewed') {
  return useQuery({
    queryKey: ['break-glass', status],
    queryFn: ({ signal }) => apiGet('/api/break-glass', BreakGlassListSchema, { params: { status }, signal }),
  });
}

export function useReviewBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: number; decision: 'justified' | 'unjustified'; note: string }) =>
      apiSend('POST', `/api/break-glass/${id}/review`, { body: { decision, note } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['break-glass'] }),
  });
}
