// Referrals of a case: make one (chosen fields, consent or override request), a
// head of office's override, the receiving party's response, revocation, the PDF
// with the shared fields (audited as a reveal), and the office's list.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  CaseReferralsSchema,
  CreateReferralSchema,
  OverrideReferralSchema,
  RecordResponseSchema,
  ReferralListQuerySchema,
  ReferralListSchema,
  ReferralSchema,
  RevokeReferralSchema,
} from '../../../common/referrals.ts';
import type { ReferralService } from './referrals.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['referrals'];
const Id = z.object({ id: z.coerce.number().int().positive() });
const read = { access: { permission: 'case.read' as const } };
const manage = { access: { permission: 'case.manage' as const } };
const one = { 200: ReferralSchema, ...errors };

export const referralRoutes =
  (service: ReferralService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/referrals',
      {
        config: read,
        schema: { tags, summary: 'Referrals of the cases within reach (an office’s list; case workers: their cases), newest first', querystring: ReferralListQuerySchema, response: { 200: ReferralListSchema, ...errors } },
      },
      (req) => service.list(req.ctx(), req.query),
    );
    app.get(
      '/api/cases/:id/referrals',
      { config: read, schema: { tags, summary: 'A case’s referrals and, for whoever may refer, the person’s active consents', params: Id, response: { 200: CaseReferralsSchema, ...errors } } },
      (req) => service.forCase(req.ctx(), req.params.id),
    );
    app.post(
      '/api/cases/:id/referrals',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Refer: the chosen fields are sealed into the referral; consentId, or overrideRequestReason for a head of office to approve',
          params: Id,
          body: CreateReferralSchema,
          response: one,
        },
      },
      (req) => service.create(req.ctx(), req.params.id, req.body),
    );
    app.get('/api/referrals/:id', { config: read, schema: { tags, summary: 'One referral (field names, never values)', params: Id, response: one } }, (req) =>
      service.get(req.ctx(), req.params.id),
    );
    app.post(
      '/api/referrals/:id/override',
      {
        config: { access: { permission: 'referral.override' as const } },
        schema: { tags, summary: 'Approve a referral made without consent (head of office), with a reason', params: Id, body: OverrideReferralSchema, response: one },
      },
      (req) => service.override(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/referrals/:id/response',
      { config: manage, schema: { tags, summary: 'Record the receiving party’s response (accepted, declined, service given)', params: Id, body: RecordResponseSchema, response: one } },
      (req) => service.respond(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/referrals/:id/revoke',
      { config: manage, schema: { tags, summary: 'Revoke a referral, with a reason; its shared values are shredded', params: Id, body: RevokeReferralSchema, response: one } },
      (req) => service.revoke(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/referrals/:id/pdf',
      { config: manage, schema: { tags, summary: 'The referral letter with exactly the shared fields (application/pdf); audited as a reveal', params: Id, response: errors } },
      async (req, reply) => {
        const { filename, pdf } = await service.pdf(req.ctx(), req.params.id);
        return reply.type('application/pdf').header('cache-control', 'no-store').header('content-disposition', `inline; filename="${filename}"`).send(pdf as never);
      },
    );
  };
