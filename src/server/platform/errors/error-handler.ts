// One place turns any thrown error into { error: { code, message, requestId, fields? } }.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { requestLang } from '../http/lang.ts';
import { AppError, localize, type FieldError } from './app-error.ts';
import { fail } from './common-errors.ts';
import type { ErrorResponse } from '../../../common/errors.ts';
import { fieldName, issueMessage } from './validation-messages.ts';

function toAppError(err: unknown, req: FastifyRequest, limit: number): AppError {
  if (err instanceof AppError) return err;
  const lang = requestLang(req);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const prefix = (err.validationContext ?? '').replace('querystring', 'query');
    const fields: FieldError[] = err.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      return {
        field: fieldName(prefix, path),
        message: issueMessage({ ...(v.params as object), code: v.keyword, path, message: v.message ?? '' }, lang),
      };
    });
    return fail('validation', {}, fields);
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return fail('payload_too_large', { limit: `${Math.round(limit / 1024)} KB` });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return fail('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return fail('bad_request', { detail: fe.message });
  }
  if (fe.statusCode === 400 && fe.message) return fail('bad_request', { detail: fe.message });
  return fail('internal');
}

export function errorBody(err: AppError, req: FastifyRequest): ErrorResponse {
  const lang = requestLang(req);
  return {
    error: {
      code: err.code,
      message: err.translate(lang),
      requestId: String(req.id),
      ...(err.fields.length > 0 ? { fields: err.fields.map((f) => ({ field: f.field, message: localize(f.message, lang) })) } : {}),
    },
  };
}

export function registerErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err, req, bodyLimit);
    if (appError.status >= 500) {
      // The detail goes to the log only; the client gets the generic message.
      req.log.error({ err, serialization: isResponseSerializationError(err) || undefined }, 'request failed');
    } else {
      req.log.info({ code: appError.code }, 'request rejected');
    }
    return reply.status(appError.status).send(errorBody(appError, req));
  });

  app.setNotFoundHandler((req, reply) => reply.status(404).send(errorBody(fail('not_found'), req)));
}
