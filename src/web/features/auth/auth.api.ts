// Sign-in steps, account and session endpoints.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import {
  LoginResponseSchema,
  MfaEnrolmentSchema,
  RecoveryCodesSchema,
  SessionViewSchema,
  SetupStatusSchema,
} from '../../../common/auth.ts';
import { apiGet, apiSend, setCsrfToken } from '../../lib/api-client.ts';
import { clearSession, pathForState, refreshSession, SIGN_IN_PATH } from './session.ts';

type LoginResponse = z.infer<typeof LoginResponseSchema>;

/**
 * After a sign-in step: keep the new CSRF token, reload /me, then go to the next step
 * (or to `next` once the session is active).
 */
export function useAfterStep() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (response: LoginResponse, next = '/') => {
    setCsrfToken(response.csrfToken);
    await refreshSession(queryClient);
    await navigate(pathForState(response.state, next), { replace: true });
  };
}

export function useLogin() {
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      apiSend('POST', '/api/auth/login', { body, schema: LoginResponseSchema }),
  });
}

export function useMfaChallenge() {
  return useMutation({
    mutationFn: (code: string) => apiSend('POST', '/api/auth/mfa', { body: { code }, schema: LoginResponseSchema }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiSend('POST', '/api/auth/password', { body, schema: LoginResponseSchema }),
  });
}

export const ENROLMENT_KEY = ['auth', 'mfa-enrolment'] as const;

/** Starts (or restarts) MFA enrolment: a new secret each time it is fetched. */
export function useMfaEnrolment(enabled: boolean) {
  return useQuery({
    queryKey: ENROLMENT_KEY,
    queryFn: ({ signal }) => apiGet('/api/auth/mfa/enrolment', MfaEnrolmentSchema, { signal }),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

/** The answer also carries the (rotated) session's CSRF token and next state. */
const EnrolmentConfirmedSchema = RecoveryCodesSchema.extend({ csrfToken: z.string().optional() });

export function useConfirmEnrolment() {
  return useMutation({
    mutationFn: async (code: string) => {
      const result = await apiSend('POST', '/api/auth/mfa/enrolment', { body: { code }, schema: EnrolmentConfirmedSchema });
      if (result.csrfToken) setCsrfToken(result.csrfToken);
      return result;
    },
  });
}

export function useReauthenticate() {
  return useMutation({
    mutationFn: (body: { password: string; code?: string }) =>
      apiSend('POST', '/api/auth/reauth', { body, reauth: false }),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (everywhere: boolean) => apiSend('POST', everywhere ? '/api/auth/logout-all' : '/api/auth/logout'),
    onSettled: async () => {
      clearSession(queryClient);
      await navigate(SIGN_IN_PATH, { replace: true });
    },
  });
}

const SESSIONS_KEY = ['account', 'sessions'] as const;

export function useMySessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => apiGet('/api/auth/sessions', z.array(SessionViewSchema), { signal }),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend('DELETE', `/api/auth/sessions/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: ['setup', 'status'],
    queryFn: ({ signal }) => apiGet('/api/setup/status', SetupStatusSchema, { signal }),
    retry: false,
  });
}

export function useSetup() {
  return useMutation({
    mutationFn: (body: { token: string; username: string; displayName: string; password: string }) =>
      apiSend('POST', '/api/setup', { body, schema: LoginResponseSchema }),
  });
}
