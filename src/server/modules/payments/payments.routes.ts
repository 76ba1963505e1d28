// Payments: batches (prepare → approve by another person → send → reconcile), bank
// file formats and files, reconciliation mismatches, receipts, a person's aid history.
// State changes take an Idempotency-Key header: a retry gets the first answer.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  ApproveSchema,
  BankCodeParamSchema,
  BankFormatInputSchema,
  BankFormatListSchema,
  BankFormatSchema,
  BatchDetailSchema,
  BatchListQuerySchema,
  BatchListSchema,
  CandidateQuerySchema,
  CandidatesSchema,
  MismatchSchema,
  PersonPaymentsSchema,
  PrepareBatchSchema,
  ReceiptWithIdentitySchema,
  PreparedSchema,
  ReconcileQuerySchema,
  ReconcileResultSchema,
  ResolveMismatchSchema,
  RejectSchema,
  ReturnUnclaimedResultSchema,
  ReturnUnclaimedSchema,
  SendSchema,
} from '../../../common/payments.ts';
import type { Permission } from '../../../common/permissions.ts';
import { attachmentHeader, formatBytes } from '../../platform/files/files.ts';
import { fileError } from '../../platform/files/files.errors.ts';
import { IdempotencyHeaders } from '../../platform/idempotency/idempotency.ts';
import type { BankFormatService } from './bank-formats.service.ts';
import type { BatchService } from './batches.service.ts';
import type { ReconciliationService } from './reconciliation.service.ts';
import type { ReceiptService } from './receipts.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema };
const tags = ['payments'];
const Id = z.object({ id: z.coerce.number().int().positive() });
const read = { access: { permission: 'payment.read' as Permission } };
/** A state change: the permission (re-authenticated when asked) and an Idempotency-Key. */
const change = (permission: Permission, reauth = false) => ({ access: { permission, ...(reauth ? { reauth: true } : {}) }, idempotent: true });

export interface PaymentServices {
  batches: BatchService;
  formats: BankFormatService;
  reconciliations: ReconciliationService;
  receipts: ReceiptService;
}

export const paymentRoutes =
  (s: PaymentServices): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/payment-batches',
      { config: read, schema: { tags, summary: 'Payment batches in the caller’s region, newest first', querystring: BatchListQuerySchema, response: { 200: BatchListSchema, ...errors } } },
      (req) => s.batches.list(req.ctx(), req.query),
    );
    app.get(
      '/api/payment-batches/candidates',
      {
        config: { access: { permission: 'payment.prepare' } },
        schema: {
          tags,
          summary: 'What a batch with these filters would take: due entitlements with a usable account, and those without an account (listed) or held for review',
          querystring: CandidateQuerySchema,
          response: { 200: CandidatesSchema, ...errors },
        },
      },
      (req) => s.batches.candidates(req.ctx(), req.query),
    );
    app.post(
      '/api/payment-batches',
      {
        config: change('payment.prepare'),
        schema: {
          tags,
          summary: 'Prepare a batch from due entitlements (programme, scheme, component, region); entitlements without a usable bank account stay out and are listed',
          headers: IdempotencyHeaders,
          body: PrepareBatchSchema,
          response: { 200: PreparedSchema, ...errors },
        },
      },
      (req) => s.batches.prepare(req.ctx(), req.body, req.idempotency),
    );
    app.get(
      '/api/payment-batches/:id',
      { config: read, schema: { tags, summary: 'A batch with its payments (case codes), reconciliations and mismatches', params: Id, response: { 200: BatchDetailSchema, ...errors } } },
      (req) => s.batches.get(req.ctx(), req.params.id),
    );
    app.post(
      '/api/payment-batches/:id/approve',
      {
        config: change('payment.approve', true),
        schema: {
          tags,
          summary: 'Approve a prepared batch: another person than the preparer, re-authenticated; refused when the budget would be exceeded',
          params: Id,
          headers: IdempotencyHeaders,
          body: ApproveSchema,
          response: { 200: BatchDetailSchema, ...errors },
        },
      },
      (req) => s.batches.approve(req.ctx(), req.params.id, req.body, req.idempotency),
    );
    app.post(
      '/api/payment-batches/:id/reject',
      {
        config: change('payment.approve', true),
        schema: { tags, summary: 'Reject a prepared batch with a reason; its entitlements are due again', params: Id, headers: IdempotencyHeaders, body: RejectSchema, response: { 200: BatchDetailSchema, ...errors } },
      },
      (req) => s.batches.reject(req.ctx(), req.params.id, req.body, req.idempotency),
    );
    app.get(
      '/api/payment-batches/:id/bank-file',
      {
        config: { access: { permission: 'payment.prepare', reauth: true } },
        schema: {
          tags,
          summary: 'The bank transfer file (CSV by the bank’s format; neutral narrative) of an approved or sent batch; audited',
          params: Id,
          querystring: z.object({ bank: BankCodeParamSchema.shape.bankCode.optional() }),
          produces: ['text/csv'],
          response: errors,
        },
      },
      async (req, reply) => {
        const { filename, csv } = await s.formats.file(req.ctx(), req.params.id, req.query.bank);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', attachmentHeader(filename)).header('cache-control', 'no-store').send(csv as never); // text as it is, not JSON
      },
    );
    app.post(
      '/api/payment-batches/:id/send',
      {
        config: change('payment.prepare'),
        schema: { tags, summary: 'Record that the bank file went to the bank: the payments are sent', params: Id, headers: IdempotencyHeaders, body: SendSchema, response: { 200: BatchDetailSchema, ...errors } },
      },
      (req) => s.batches.send(req.ctx(), req.params.id, req.body, req.idempotency),
    );
    app.post(
      '/api/payment-batches/return-unclaimed',
      {
        config: change('payment.prepare'),
        schema: {
          tags,
          summary: 'After the budget year (WIB), sent payments never claimed are returned to the treasury (payments and entitlements `returned`)',
          headers: IdempotencyHeaders,
          body: ReturnUnclaimedSchema,
          response: { 200: ReturnUnclaimedResultSchema, ...errors },
        },
      },
      (req) => s.batches.returnUnclaimed(req.ctx(), req.body, req.idempotency),
    );

    app.get(
      '/api/payment-bank-formats',
      { config: read, schema: { tags, summary: 'Bank transfer file formats per bank code (DEFAULT for banks without one)', response: { 200: BankFormatListSchema, ...errors } } },
      (req) => s.formats.list(req.ctx()),
    );
    app.put(
      '/api/payment-bank-formats/:bankCode',
      {
        config: change('payment.prepare'),
        schema: { tags, summary: 'Set a bank’s file format: separator, header line, date format, columns', params: BankCodeParamSchema, headers: IdempotencyHeaders, body: BankFormatInputSchema, response: { 200: BankFormatSchema, ...errors } },
      },
      (req) => s.formats.put(req.ctx(), req.params.bankCode, req.body, req.idempotency),
    );

    app.post(
      '/api/payment-batches/:id/reconciliations',
      {
        config: change('payment.prepare'),
        schema: {
          tags,
          summary:
            'Apply the bank’s result file (multipart, field "file": CSV with reference, amount, status[, date, bank_reference]) to a sent batch: all rows or none; row errors name row and column; mismatches listed',
          consumes: ['multipart/form-data'],
          params: Id,
          querystring: ReconcileQuerySchema,
          headers: IdempotencyHeaders,
          response: { 200: ReconcileResultSchema, ...errors, 413: ErrorResponseSchema },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw fileError('file.missing');
        const part = await req.file();
        if (!part) throw fileError('file.missing');
        const file = part.file;
        const limit = req.server.fileMaxBytes;
        async function* bytes() {
          for await (const chunk of file as AsyncIterable<Buffer>) yield chunk;
          if (file.truncated) throw fileError('file.too_large', { limit: formatBytes(limit) });
        }
        return s.reconciliations.import(req.ctx(), req.params.id, { sha256: req.query.sha256, bytes: bytes() }, req.idempotency);
      },
    );
    app.post(
      '/api/payment-mismatches/:id/resolve',
      {
        config: change('payment.prepare'),
        schema: { tags, summary: 'Resolve a reconciliation mismatch with what was done about it', params: Id, headers: IdempotencyHeaders, body: ResolveMismatchSchema, response: { 200: MismatchSchema, ...errors } },
      },
      (req) => s.reconciliations.resolve(req.ctx(), req.params.id, req.body.resolution, req.idempotency),
    );

    const pdf = (reply: FastifyReply, r: { filename: string; pdf: Buffer }) =>
      reply.type('application/pdf').header('content-disposition', attachmentHeader(r.filename)).header('cache-control', 'no-store').send(r.pdf as never); // bytes, not JSON
    app.get(
      '/api/payments/:id/receipt',
      {
        config: read,
        schema: { tags, summary: 'The receipt (kuitansi, PDF) of a paid payment and the person’s other paid payments in its batch; the recipient by case code; audited', params: Id, produces: ['application/pdf'], response: errors },
      },
      async (req, reply) => pdf(reply, await s.receipts.receipt(req.ctx(), req.params.id)),
    );
    app.post(
      '/api/payments/:id/receipt',
      {
        config: { access: { permission: 'person.reveal_identity', reauth: true } },
        schema: {
          tags,
          summary: 'The receipt with the recipient’s name and NIK: for those who may reveal the person’s identity, with a reason (audited as a reveal)',
          params: Id,
          body: ReceiptWithIdentitySchema,
          produces: ['application/pdf'],
          response: errors,
        },
      },
      async (req, reply) => pdf(reply, await s.receipts.receipt(req.ctx(), req.params.id, { reason: req.body.reason })),
    );
    app.get(
      '/api/persons/:id/payments',
      { config: read, schema: { tags, summary: 'A person’s payments (aid history), newest first', params: Id, response: { 200: PersonPaymentsSchema, ...errors } } },
      (req) => s.receipts.ofPerson(req.ctx(), req.params.id),
    );
  };
