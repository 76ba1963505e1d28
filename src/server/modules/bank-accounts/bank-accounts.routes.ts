// Persons' bank accounts (masked; reveal with re-authentication and a reason) and the
// eligible persons without an account, for the office to help open one.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptNameSchema,
  BankAccountListSchema,
  BankAccountSchema,
  CreateBankAccountSchema,
  DeactivateBankAccountSchema,
  RevealBankAccountSchema,
  RevealedBankAccountSchema,
  WithoutAccountQuerySchema,
  WithoutAccountSchema,
} from '../../../common/aid.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import type { BankAccountService } from './bank-accounts.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['bank-accounts'];
const Id = z.object({ id: z.coerce.number().int().positive() });
const manage = { access: { permission: 'bank_account.manage' as const } };

export const bankAccountRoutes =
  (accounts: BankAccountService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/persons/:id/bank-accounts',
      {
        config: { access: { permission: 'person.read' } },
        schema: { tags, summary: 'A person’s bank accounts, masked (••••1234), with the holder-name check', params: Id, response: { 200: BankAccountListSchema, ...errors } },
      },
      (req) => accounts.list(req.ctx(), req.params.id),
    );
    app.post(
      '/api/persons/:id/bank-accounts',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record a person’s account (sealed); the holder name is compared with the person’s; an earlier account becomes inactive',
          params: Id,
          body: CreateBankAccountSchema,
          response: { 200: BankAccountSchema, ...errors },
        },
      },
      (req) => accounts.create(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/bank-accounts/:id/reveal',
      {
        config: { access: { permission: 'bank_account.manage', reauth: true } },
        schema: { tags, summary: 'The account number and holder name (re-authentication and a reason; audited)', params: Id, body: RevealBankAccountSchema, response: { 200: RevealedBankAccountSchema, ...errors } },
      },
      (req) => accounts.reveal(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/bank-accounts/:id/accept-name',
      { config: manage, schema: { tags, summary: 'Accept a holder-name mismatch after checking it (with a note)', params: Id, body: AcceptNameSchema, response: { 200: BankAccountSchema, ...errors } } },
      (req) => accounts.acceptName(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/bank-accounts/:id/deactivate',
      { config: manage, schema: { tags, summary: 'Stop paying to an account (with a reason)', params: Id, body: DeactivateBankAccountSchema, response: { 200: BankAccountSchema, ...errors } } },
      (req) => accounts.deactivate(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/bank-accounts/missing',
      {
        config: manage,
        schema: { tags, summary: 'Eligible persons (or with unpaid entitlements) without an active account', querystring: WithoutAccountQuerySchema, response: { 200: WithoutAccountSchema, ...errors } },
      },
      (req) => accounts.withoutAccount(req.ctx(), req.query),
    );
  };
