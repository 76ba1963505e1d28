// Aid schemes (components and amounts) and entitlements (generate, list, review, cancel).
// Entitlements show persons pseudonymously (case code, alias).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CancelEntitlementSchema,
  ClearReviewSchema,
  CreateSchemeSchema,
  EntitlementListQuerySchema,
  EntitlementListSchema,
  EntitlementSchema,
  GenerateResultSchema,
  SchemeListQuerySchema,
  SchemeListSchema,
  SchemeSchema,
  UpdateSchemeSchema,
} from '../../../common/aid.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import type { EntitlementService } from './entitlements.service.ts';
import type { SchemeService } from './schemes.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['aid'];
const access = (permission: 'payment.read' | 'aid.manage') => ({ access: { permission } });
const Id = z.object({ id: z.coerce.number().int().positive() });

export const aidRoutes =
  (services: { schemes: SchemeService; entitlements: EntitlementService }): FastifyPluginAsyncZod =>
  async (app) => {
    const { schemes, entitlements } = services;

    app.get(
      '/api/aid/schemes',
      { config: access('payment.read'), schema: { tags, summary: 'Aid schemes of the visible programmes with their components', querystring: SchemeListQuerySchema, response: { 200: SchemeListSchema, ...errors } } },
      (req) => schemes.list(req.ctx(), req.query),
    );
    app.post(
      '/api/aid/schemes',
      { config: access('aid.manage'), schema: { tags, summary: 'A scheme for a programme and year, with its components', body: CreateSchemeSchema, response: { 200: SchemeSchema, ...errors } } },
      (req) => schemes.create(req.ctx(), req.body),
    );
    app.get(
      '/api/aid/schemes/:id',
      { config: access('payment.read'), schema: { tags, summary: 'One scheme with its components and actions', params: Id, response: { 200: SchemeSchema, ...errors } } },
      (req) => schemes.get(req.ctx(), req.params.id),
    );
    app.put(
      '/api/aid/schemes/:id',
      {
        config: access('aid.manage'),
        schema: {
          tags,
          summary: 'Change a scheme and its components (matched by code; missing ones become inactive)',
          params: Id,
          body: UpdateSchemeSchema,
          response: { 200: SchemeSchema, ...errors },
        },
      },
      (req) => schemes.update(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/aid/schemes/:id/entitlements/generate',
      {
        config: access('aid.manage'),
        schema: {
          tags,
          summary: 'Entitle the eligible persons within the caller’s scope (idempotent; one benefit per NIK across the registry)',
          params: Id,
          response: { 200: GenerateResultSchema, ...errors },
        },
      },
      (req) => entitlements.generate(req.ctx(), req.params.id),
    );
    app.get(
      '/api/aid/entitlements',
      {
        config: access('payment.read'),
        schema: { tags, summary: 'Entitlements within the caller’s scope (filters, pages, total amount)', querystring: EntitlementListQuerySchema, response: { 200: EntitlementListSchema, ...errors } },
      },
      (req) => entitlements.list(req.ctx(), req.query),
    );
    app.post(
      '/api/aid/entitlements/:id/clear-review',
      { config: access('aid.manage'), schema: { tags, summary: 'Release an entitlement held for review (with a note)', params: Id, body: ClearReviewSchema, response: { 200: EntitlementSchema, ...errors } } },
      (req) => entitlements.clearReview(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/aid/entitlements/:id/cancel',
      { config: access('aid.manage'), schema: { tags, summary: 'Cancel a due or failed entitlement (with a reason)', params: Id, body: CancelEntitlementSchema, response: { 200: EntitlementSchema, ...errors } } },
      (req) => entitlements.cancel(req.ctx(), req.params.id, req.body),
    );
  };
