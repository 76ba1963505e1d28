// The signed-in user's notifications (break-glass alerts, account events).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { NotificationListSchema, type NotificationSchema } from '../../../common/break-glass.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

export type Notification = z.infer<typeof NotificationSchema>;

const KEY = ['notifications'] as const;

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => apiGet('/api/notifications', NotificationListSchema, { signal }),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend('POST', `/api/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
