import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  MeSchema,
  MfaEnrolConfirmSchema,
  MfaEnrolmentSchema,
  MfaRequestSchema,
  ReauthRequestSchema,
  SessionViewSchema,
  SetupRequestSchema,
  SetupStatusSchema,
} from '../../../common/auth.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { requireRecentReauth } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { SESSION_COOKIE, type SessionRow } from '../../platform/auth/sessions.ts';
import { requestLang } from '../../platform/http/lang.ts';
import type { SessionService } from './session.service.ts';
import type { SetupService } from './setup.service.ts';
import type { SignInResult, SignInService } from './sign-in.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };
const tags = ['auth'];

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: '/' });
}

/** Sets the new session cookie and answers the next step (never the token itself). */
function answer(req: FastifyRequest, reply: FastifyReply, result: SignInResult) {
  setSessionCookie(req, reply, result.token);
  return { state: result.state, csrfToken: result.csrfToken };
}

function sessionOf(req: FastifyRequest): SessionRow {
  if (!req.authSession) throw authError('auth.unauthenticated');
  return req.authSession;
}

export const authRoutes =
  (services: { signIn: SignInService; sessions: SessionService; setup: SetupService; clock: Clock; reauthMs: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const { signIn, sessions, setup, clock, reauthMs } = services;
    const incomplete = { access: { signedIn: true, allowIncomplete: true } } as const;

    app.post(
      '/api/auth/login',
      {
        config: { access: { public: true } },
        schema: { tags, summary: 'Sign in with username and password; says which step comes next', body: LoginRequestSchema, response: { 200: LoginResponseSchema, ...errors } },
      },
      async (req, reply) => answer(req, reply, await signIn.login(req.body.username, req.body.password, req.requestInfo())),
    );

    app.post(
      '/api/auth/mfa',
      {
        config: incomplete,
        schema: { tags, summary: 'Second factor: a TOTP code or a recovery code', body: MfaRequestSchema, response: { 200: LoginResponseSchema, ...errors } },
      },
      async (req, reply) => {
        const session = sessionOf(req);
        if (session.state !== 'mfa_required') throw authError('auth.step_incomplete', { state: session.state });
        return answer(req, reply, await signIn.verifyMfa(session, req.body.code, req.requestInfo()));
      },
    );

    app.get(
      '/api/auth/mfa/enrolment',
      {
        config: incomplete,
        schema: { tags, summary: 'Start MFA enrolment: a new secret and its QR code', response: { 200: MfaEnrolmentSchema, ...errors } },
      },
      async (req) => {
        const session = sessionOf(req);
        requireEnrolmentAllowed(req, session);
        return signIn.startEnrolment(session);
      },
    );

    app.post(
      '/api/auth/mfa/enrolment',
      {
        config: incomplete,
        schema: {
          tags,
          summary: 'Confirm MFA enrolment with a first code; returns the recovery codes once',
          body: MfaEnrolConfirmSchema,
          response: { 200: LoginResponseSchema.extend({ recoveryCodes: z.array(z.string()) }), ...errors },
        },
      },
      async (req, reply) => {
        const session = sessionOf(req);
        requireEnrolmentAllowed(req, session);
        const result = await signIn.confirmEnrolment(session, req.body.code, req.requestInfo());
        return { ...answer(req, reply, result), recoveryCodes: result.recoveryCodes };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: incomplete,
        schema: { tags, summary: 'Change my password (also the forced change at first sign-in)', body: ChangePasswordRequestSchema, response: { 200: LoginResponseSchema, ...errors } },
      },
      async (req, reply) => {
        const session = sessionOf(req);
        if (session.state !== 'active' && session.state !== 'password_change_required') throw authError('auth.step_incomplete', { state: session.state });
        return answer(req, reply, await signIn.changePassword(session, req.body.currentPassword, req.body.newPassword, req.requestInfo()));
      },
    );

    app.post(
      '/api/auth/reauth',
      {
        config: { access: { signedIn: true } },
        schema: { tags, summary: 'Confirm password (and MFA code) before a sensitive action', body: ReauthRequestSchema, response: { 200: z.object({ reauthenticatedAt: z.string() }), ...errors } },
      },
      async (req) => ({ reauthenticatedAt: (await signIn.reauthenticate(sessionOf(req), req.body.password, req.body.code, req.requestInfo())).toISOString() }),
    );

    app.post(
      '/api/auth/logout',
      { config: incomplete, schema: { tags, summary: 'Sign out of this session', response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        await sessions.logout(req.ctx(), sessionOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/logout-all',
      { config: { access: { signedIn: true } }, schema: { tags, summary: 'Sign out everywhere (all my sessions)', response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        await sessions.logoutEverywhere(req.ctx(), sessionOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/me',
      { config: incomplete, schema: { tags, summary: 'The signed-in user: roles, scope, permissions, session', response: { 200: MeSchema, ...errors } } },
      async (req) => sessions.me(req.ctx(), sessionOf(req), requestLang(req)),
    );

    app.get(
      '/api/auth/sessions',
      { config: { access: { signedIn: true } }, schema: { tags, summary: 'My open sessions', response: { 200: z.array(SessionViewSchema), ...errors } } },
      async (req) => sessions.list(req.ctx(), sessionOf(req)),
    );

    app.delete(
      '/api/auth/sessions/:id',
      {
        config: { access: { signedIn: true } },
        schema: { tags, summary: 'End one of my sessions', params: z.object({ id: z.coerce.number().int().positive() }), response: { 204: z.null(), 404: ErrorResponseSchema, ...errors } },
      },
      async (req, reply) => {
        await sessions.end(req.ctx(), sessionOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/setup/status',
      { config: { access: { public: true } }, schema: { tags, summary: 'Whether the first administrator still has to be created', response: { 200: SetupStatusSchema } } },
      async () => ({ setupRequired: await setup.required() }),
    );

    app.post(
      '/api/setup',
      {
        config: { access: { public: true } },
        schema: { tags, summary: 'Create the first administrator with the one-time setup link', body: SetupRequestSchema, response: { 200: LoginResponseSchema, 410: ErrorResponseSchema, ...errors } },
      },
      async (req, reply) => {
        await setup.complete(req.body, req.requestInfo());
        return answer(req, reply, await signIn.login(req.body.username, req.body.password, req.requestInfo()));
      },
    );

    /** Enrolment is the next sign-in step, or (re-enrolment) an active session that re-authenticated. */
    function requireEnrolmentAllowed(req: FastifyRequest, session: SessionRow): void {
      if (session.state === 'mfa_enrolment_required') return;
      if (session.state !== 'active') throw authError('auth.step_incomplete', { state: session.state });
      requireRecentReauth(req.ctx().actor, clock(), reauthMs);
    }
  };
