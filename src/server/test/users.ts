// Test users: create one with roles and a scope, sign in through the API, and
// get the headers (session cookie + CSRF token) to send with requests.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { RoleKey } from '../../common/permissions.ts';
import { cliContext } from '../platform/auth/actor.ts';
import { SESSION_COOKIE } from '../platform/auth/sessions.ts';

export const TEST_PASSWORD = 'kopi-tubruk-ombak-senja-17';

export interface SignedIn {
  user: { id: number; username: string };
  password: string;
  /** cookie + x-csrf-token: pass as `headers` to app.inject. */
  headers: Record<string, string>;
  state: string;
}

let counter = 0;

export async function createUser(
  app: FastifyInstance,
  opts: { roles: RoleKey[]; scope?: string; username?: string; password?: string },
): Promise<{ id: number; username: string; password: string }> {
  const username = opts.username ?? `user${++counter}-${opts.roles.join('-').replace(/_/g, '')}`.slice(0, 40);
  const password = opts.password ?? TEST_PASSWORD;
  const { user } = await app.services.users.create(cliContext('test'), {
    username,
    displayName: `Test ${username}`,
    roles: opts.roles,
    scope: opts.scope ?? 'national',
    password,
  });
  return { id: user.id, username, password };
}

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return cookie.value;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<{ headers: Record<string, string>; state: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed ${res.statusCode}: ${res.body}`);
  return { headers: headersFrom(res), state: res.json().state };
}

/** Session headers from a response that set a new session cookie and CSRF token. */
export function headersFrom(res: LightMyRequestResponse): Record<string, string> {
  return { cookie: `${SESSION_COOKIE}=${sessionCookieOf(res)}`, 'x-csrf-token': res.json().csrfToken };
}

/** A signed-in user with these roles and scope ('national', '65', '65.03', …). */
export async function asUser(app: FastifyInstance, opts: { roles: RoleKey[]; scope?: string; username?: string }): Promise<SignedIn> {
  const user = await createUser(app, opts);
  const { headers, state } = await signIn(app, user.username, user.password);
  return { user: { id: user.id, username: user.username }, password: user.password, headers, state };
}
