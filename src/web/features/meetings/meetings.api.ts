// Meetings, their decisions, action items and attachments; the action-items list and per-owner summary.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ActionItemListSchema,
  ActionItemSchema,
  MeetingListSchema,
  MeetingSchema,
  OwnerSummaryListSchema,
  type ActionItemStatus,
  type CreateActionItemSchema,
  type CreateMeetingSchema,
  type MeetingType,
  type UpdateActionItemSchema,
  type UpdateMeetingSchema,
} from '../../../common/meetings.ts';
import { SiteListSchema } from '../../../common/sites.ts';
import { apiDownload, apiGet, apiSend } from '../../lib/api-client.ts';

export type MeetingSort = 'starts_at' | 'type' | 'title';
export type SortOrder = 'asc' | 'desc';
export type MeetingFilter = { type?: MeetingType; region?: string; from?: string; to?: string; q?: string; sort?: MeetingSort; order?: SortOrder };
export const MEETING_FILTER_KEYS = ['type', 'region', 'from', 'to', 'q', 'sort', 'order'] as const;

export type ActionItemFilter = { status?: ActionItemStatus; overdue?: 'true'; owner?: string; region?: string; meetingId?: string; order?: SortOrder };
export const ACTION_ITEM_FILTER_KEYS = ['status', 'overdue', 'owner', 'region', 'meetingId', 'order'] as const;

const keys = {
  all: ['meetings'] as const,
  list: (filter: object) => ['meetings', 'list', filter] as const,
  one: (id: number) => ['meetings', 'one', id] as const,
  items: (filter: object) => ['meetings', 'action-items', filter] as const,
  owners: (filter: object) => ['meetings', 'by-owner', filter] as const,
};

const today = () => new Date().toISOString().slice(0, 10);

export function useMeetingList(filter: MeetingFilter & { limit: number; offset: number }) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: ({ signal }) => apiGet('/api/meetings', MeetingListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Downloads /api/meetings.xlsx with the list's filters. */
export function useMeetingExport() {
  return useMutation({ mutationFn: (filter: MeetingFilter) => apiDownload('/api/meetings.xlsx', filter, `rapat-${today()}.xlsx`) });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: keys.one(id), queryFn: ({ signal }) => apiGet(`/api/meetings/${id}`, MeetingSchema, { signal }) });
}

/** Every change refreshes the meetings, their action items and the summaries. */
function useMeetingMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export function useCreateMeeting() {
  return useMeetingMutation((body: z.input<typeof CreateMeetingSchema>) => apiSend('POST', '/api/meetings', { body, schema: MeetingSchema }));
}

export function useUpdateMeeting(id: number) {
  return useMeetingMutation((body: z.input<typeof UpdateMeetingSchema>) => apiSend('PATCH', `/api/meetings/${id}`, { body, schema: MeetingSchema }));
}

export function useAddDecision(id: number) {
  return useMeetingMutation((text: string) => apiSend('POST', `/api/meetings/${id}/decisions`, { body: { text }, schema: MeetingSchema }));
}

export function useUpdateDecision(id: number) {
  return useMeetingMutation(({ decisionId, text }: { decisionId: number; text: string }) =>
    apiSend('PATCH', `/api/meetings/${id}/decisions/${decisionId}`, { body: { text }, schema: MeetingSchema }),
  );
}

export function useAddActionItem(id: number) {
  return useMeetingMutation((body: z.input<typeof CreateActionItemSchema>) => apiSend('POST', `/api/meetings/${id}/action-items`, { body, schema: ActionItemSchema }));
}

export function useUpdateActionItem() {
  return useMeetingMutation(({ id, body }: { id: number; body: z.input<typeof UpdateActionItemSchema> }) =>
    apiSend('PATCH', `/api/action-items/${id}`, { body, schema: ActionItemSchema }),
  );
}

export function useUploadAttachment(id: number) {
  return useMeetingMutation((file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiSend('POST', `/api/meetings/${id}/attachments`, { body: form, schema: MeetingSchema });
  });
}

export function attachmentUrl(meetingId: number, fileId: number): string {
  return `/api/meetings/${meetingId}/attachments/${fileId}`;
}

export function useActionItemList(filter: ActionItemFilter & { limit: number; offset: number }) {
  return useQuery({
    queryKey: keys.items(filter),
    queryFn: ({ signal }) => apiGet('/api/action-items', ActionItemListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useActionItemExport() {
  return useMutation({ mutationFn: (filter: ActionItemFilter) => apiDownload('/api/action-items.xlsx', filter, `tindak-lanjut-${today()}.xlsx`) });
}

export function useOwnerSummary(filter: { region?: string }) {
  return useQuery({
    queryKey: keys.owners(filter),
    queryFn: ({ signal }) => apiGet('/api/action-items/by-owner', OwnerSummaryListSchema, { params: filter, signal }),
  });
}

/** Sites the caller can see, for the "linked sites" choice. */
export function useSiteOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['sites', 'list', { limit: 200, offset: 0, sort: 'code' }],
    queryFn: ({ signal }) => apiGet('/api/sites', SiteListSchema, { params: { limit: 200, offset: 0, sort: 'code' }, signal }),
    enabled,
  });
}
