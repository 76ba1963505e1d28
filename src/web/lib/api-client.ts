// Typed fetch wrapper for /api: sends the UI language and the CSRF token, turns the
// server's error shape into ApiError, validates successful responses with the shared
// schemas, reports a lost session (401) and asks for re-authentication when an action
// needs it (403 auth.reauth_required), then repeats the request.
import type { z } from 'zod';
import { ErrorResponseSchema as ErrorBodySchema } from '../../common/errors.ts';
import i18n from '../app/i18n.ts';

export type ApiFieldError = { field: string; message: string };

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/** A 4xx will not change by asking again; network and server errors might. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}

/** The server's message per form field, keyed by the field name without its `body.` prefix. */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const { field, message } of error.fields) {
    const key = field.replace(/^(body|query|params)\./, '');
    result[key] ??= message;
  }
  return result;
}

export const REAUTH_REQUIRED = 'auth.reauth_required';

/** 401 answers that belong to a form (wrong password or code), not to a lost session. */
const FORM_401_CODES = new Set(['auth.invalid_credentials', 'auth.invalid_mfa_code']);

// --- session plumbing -------------------------------------------------------

/** Kept in memory only: /api/auth/me hands it out again after a reload. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = () => void;
let unauthenticatedListener: Listener | null = null;
/** Called when any request answers 401 because the session is gone. */
export function onUnauthenticated(listener: Listener | null): void {
  unauthenticatedListener = listener;
}

/** Shows the re-authentication dialog; resolves true once the user confirmed. */
type ReauthHandler = () => Promise<boolean>;
let reauthHandler: ReauthHandler | null = null;
export function setReauthHandler(handler: ReauthHandler | null): void {
  reauthHandler = handler;
}

// --- requests ---------------------------------------------------------------

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export function buildUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields, requestId } = parsed.data.error;
    return new ApiError(response.status, code, message, fields, requestId);
  }
  return new ApiError(response.status, 'http_error', i18n.t('common:errors.http', { status: response.status }));
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type RequestOptions = {
  params?: QueryParams;
  body?: unknown;
  signal?: AbortSignal | undefined;
  accept?: string;
  /** Ask for re-authentication on 403 auth.reauth_required and repeat (default true). */
  reauth?: boolean;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
};

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json',
    'Accept-Language': i18n.language,
    ...options.headers,
  };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // A FormData body (an upload) sets its own multipart Content-Type with the boundary.
  const form = options.body instanceof FormData ? options.body : null;
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.params), {
      method,
      headers,
      body: form ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(0, 'network_error', i18n.t('common:errors.network'));
  }
  if (response.ok) return response;

  const error = await toApiError(response);
  if (error.status === 401 && !FORM_401_CODES.has(error.code)) {
    setCsrfToken(null);
    unauthenticatedListener?.();
  }
  if (error.status === 403 && error.code === REAUTH_REQUIRED && options.reauth !== false && reauthHandler) {
    if (await reauthHandler()) return send(method, path, { ...options, reauth: false });
  }
  throw error;
}

async function parse<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, 'invalid_response', i18n.t('common:errors.invalidResponse'));
  }
  return parsed.data;
}

export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  options: { params?: QueryParams; signal?: AbortSignal; reauth?: boolean } = {},
): Promise<z.output<S>> {
  return parse(await send('GET', path, options), schema);
}

/** POST/PUT/PATCH/DELETE with a JSON body (or a FormData upload); `schema` validates the answer (omit it for an empty one). */
export async function apiSend<S extends z.ZodType>(
  method: Exclude<Method, 'GET'>,
  path: string,
  options: { body?: unknown; schema?: S; reauth?: boolean; headers?: Record<string, string>; params?: QueryParams } = {},
): Promise<z.output<S>> {
  const response = await send(method, path, options);
  if (!options.schema) {
    await response.body?.cancel();
    return undefined as z.output<S>;
  }
  return parse(response, options.schema);
}

/** Downloads a file answer (exports) under the server's file name, or `fallbackName`; a POST when a body is given (e.g. a reason). */
export async function apiDownload(path: string, params: QueryParams, fallbackName: string, post?: { body: unknown }): Promise<void> {
  const response = await send(post ? 'POST' : 'GET', path, { params, accept: '*/*', ...(post ? { body: post.body } : {}) });
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  saveBlob(await response.blob(), name);
}

/** Hands a file to the browser's download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
