// User and role administration.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  CreatedUserSchema,
  RoleViewSchema,
  UserListSchema,
  UserViewSchema,
  type CreateUserSchema,
  type UpdateRoleSchema,
  type UpdateUserSchema,
  type UserAction,
} from '../../../common/users.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

export type Role = z.infer<typeof RoleViewSchema>;
export type UserFilter = { q?: string; role?: string; status?: 'active' | 'disabled'; limit: number; offset: number };

const keys = {
  users: ['users'] as const,
  list: (filter: UserFilter) => ['users', 'list', filter] as const,
  roles: ['roles'] as const,
};

export function useUserList(filter: UserFilter) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: ({ signal }) => apiGet('/api/users', UserListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: keys.roles,
    queryFn: ({ signal }) => apiGet('/api/roles', z.array(RoleViewSchema), { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateUserSchema>) => apiSend('POST', '/api/users', { body, schema: CreatedUserSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof UpdateUserSchema> }) =>
      apiSend('PATCH', `/api/users/${id}`, { body, schema: UserViewSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users }),
  });
}

/** The confirmed actions; `update` has its own form. */
export type ConfirmedAction = Exclude<UserAction, 'update'>;

const ACTION_PATHS: Record<ConfirmedAction, string> = {
  disable: 'disable',
  enable: 'enable',
  reset_mfa: 'reset-mfa',
  end_sessions: 'end-sessions',
  reset_password: 'reset-password',
};

const GeneratedPasswordSchema = z.object({ generatedPassword: z.string() });

export function useUserAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action }: { id: number; action: ConfirmedAction }): Promise<string | null> => {
      const path = `/api/users/${id}/${ACTION_PATHS[action]}`;
      if (action === 'reset_password') {
        return (await apiSend('POST', path, { schema: GeneratedPasswordSchema })).generatedPassword;
      }
      await apiSend('POST', path);
      return null;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: z.input<typeof UpdateRoleSchema> }) =>
      apiSend('PATCH', `/api/roles/${encodeURIComponent(key)}`, { body, schema: RoleViewSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.roles }),
  });
}
