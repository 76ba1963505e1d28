// Typed fetch wrapper for /api: sends the UI language, turns the server's error
// shape into ApiError, and validates successful responses with the shared schemas.
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

export type QueryParams = Record<string, string | number | boolean | undefined>;

function buildUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
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

export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  options: { params?: QueryParams; signal?: AbortSignal } = {},
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.params), {
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language },
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(0, 'network_error', i18n.t('common:errors.network'));
  }
  if (!response.ok) throw await toApiError(response);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(response.status, 'invalid_response', i18n.t('common:errors.invalidResponse'));
  }
  return parsed.data;
}
