// Lists and verification (verval): a site's person lists in versions with their
// differences, a programme's eligibility rules, each person's verification (rule
// results, e-KTP sighting, decision) and the funnel report. Pseudonymous throughout.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  BulkEvaluateResultSchema,
  BulkEvaluateSchema,
  CreatePersonListSchema,
  DecideSchema,
  FunnelQuerySchema,
  FunnelSchema,
  ListDiffQuerySchema,
  ListDiffSchema,
  PersonListSchema,
  RecordEktpSchema,
  RuleSetsSchema,
  SetRulesSchema,
  SiteListsSchema,
  VerificationDetailSchema,
  VerificationListQuerySchema,
  VerificationListSchema,
} from '../../../common/verval.ts';
import { XLSX_TYPE, sendXlsx } from '../../platform/export/xlsx.ts';
import { requestLang } from '../../platform/http/lang.ts';
import type { PersonListService } from './person-lists.service.ts';
import type { VerificationService } from './verifications.service.ts';
import type { VervalFunnelService } from './verval-funnel.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['verval'];
const access = (permission: 'person.read' | 'program.read' | 'report.read' | 'verval.manage' | 'verval.decide') => ({ access: { permission } });
const Id = z.object({ id: z.coerce.number().int().positive() });
const IdPerson = Id.extend({ personId: z.coerce.number().int().positive() });

export const vervalRoutes =
  (services: { lists: PersonListService; verifications: VerificationService; funnel: VervalFunnelService }): FastifyPluginAsyncZod =>
  async (app) => {
    const { lists, verifications, funnel } = services;

    // ---- person lists ----
    app.get(
      '/api/sites/:id/person-lists',
      { config: access('person.read'), schema: { tags, summary: 'A site’s person-list versions, newest first', params: Id, response: { 200: SiteListsSchema, ...errors } } },
      (req) => lists.versions(req.ctx(), req.params.id),
    );
    app.post(
      '/api/sites/:id/person-lists',
      {
        config: access('verval.manage'),
        schema: {
          tags,
          summary: 'A new version of a site’s list (from the previous version with additions and drops, or a whole list); drops need a reason',
          params: Id,
          body: CreatePersonListSchema,
          response: { 200: PersonListSchema, ...errors },
        },
      },
      (req) => lists.create(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/person-lists/:id',
      {
        config: access('person.read'),
        schema: { tags, summary: 'A list version with its persons (case code, alias, sex) and the changes from the previous version', params: Id, response: { 200: PersonListSchema, ...errors } },
      },
      (req) => lists.get(req.ctx(), req.params.id),
    );
    app.get(
      '/api/person-lists/:id/diff',
      {
        config: access('person.read'),
        schema: {
          tags,
          summary: 'Who was added and dropped between an older version (default: the previous) and this one, with reasons',
          params: Id,
          querystring: ListDiffQuerySchema,
          response: { 200: ListDiffSchema, ...errors },
        },
      },
      (req) => lists.diff(req.ctx(), req.params.id, req.query.from),
    );

    // ---- eligibility rules ----
    app.get(
      '/api/programmes/:id/eligibility-rules',
      { config: access('program.read'), schema: { tags, summary: 'A programme’s eligibility rules: the current version and the older ones', params: Id, response: { 200: RuleSetsSchema, ...errors } } },
      (req) => verifications.rules(req.ctx(), req.params.id),
    );
    app.post(
      '/api/programmes/:id/eligibility-rules',
      {
        config: access('verval.decide'),
        schema: { tags, summary: 'Set a programme’s eligibility rules (a new version)', params: Id, body: SetRulesSchema, response: { 200: RuleSetsSchema, ...errors } },
      },
      (req) => verifications.setRules(req.ctx(), req.params.id, req.body),
    );

    // ---- verifications ----
    app.get(
      '/api/programmes/:id/verifications',
      {
        config: access('person.read'),
        schema: {
          tags,
          summary: 'Listed persons with their rule results, proposal and decision (site, version, state; pages)',
          params: Id,
          querystring: VerificationListQuerySchema,
          response: { 200: VerificationListSchema, ...errors },
        },
      },
      (req) => verifications.list(req.ctx(), req.params.id, req.query),
    );
    app.post(
      '/api/programmes/:id/verifications/evaluate',
      {
        config: access('verval.manage'),
        schema: {
          tags,
          summary: 'Evaluate the rules for everyone on a site’s lists (or one version)',
          params: Id,
          body: BulkEvaluateSchema,
          response: { 200: BulkEvaluateResultSchema, ...errors, 422: ErrorResponseSchema },
        },
      },
      (req) => verifications.evaluateSite(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/programmes/:id/verifications/:personId',
      { config: access('person.read'), schema: { tags, summary: 'One person’s verification with its history', params: IdPerson, response: { 200: VerificationDetailSchema, ...errors } } },
      (req) => verifications.get(req.ctx(), req.params.id, req.params.personId),
    );
    app.put(
      '/api/programmes/:id/verifications/:personId/ektp',
      {
        config: access('verval.manage'),
        schema: { tags, summary: 'Record whether the e-KTP was sighted (the rules are evaluated again)', params: IdPerson, body: RecordEktpSchema, response: { 200: VerificationDetailSchema, ...errors } },
      },
      (req) => verifications.recordEktp(req.ctx(), req.params.id, req.params.personId, req.body.seen),
    );
    app.post(
      '/api/programmes/:id/verifications/:personId/evaluate',
      { config: access('verval.manage'), schema: { tags, summary: 'Evaluate the rules for one person', params: IdPerson, response: { 200: VerificationDetailSchema, ...errors } } },
      (req) => verifications.evaluateOne(req.ctx(), req.params.id, req.params.personId),
    );
    app.post(
      '/api/programmes/:id/verifications/:personId/decision',
      {
        config: access('verval.decide'),
        schema: {
          tags,
          summary: 'Confirm the proposal, or override it with a reason (≥ 10 characters)',
          params: IdPerson,
          body: DecideSchema,
          response: { 200: VerificationDetailSchema, ...errors },
        },
      },
      (req) => verifications.decide(req.ctx(), req.params.id, req.params.personId, req.body),
    );

    // ---- funnel ----
    app.get(
      '/api/programmes/:id/verval-funnel',
      {
        config: access('report.read'),
        schema: { tags, summary: 'Listed → verified → eligible per site, regency/city and in total', params: Id, querystring: FunnelQuerySchema, response: { 200: FunnelSchema, ...errors } },
      },
      (req) => funnel.funnel(req.ctx(), req.params.id, req.query.regency),
    );
    app.get(
      '/api/programmes/:id/verval-funnel.xlsx',
      {
        config: access('report.read'),
        schema: { tags, summary: 'The funnel as an Excel workbook', params: Id, querystring: FunnelQuerySchema, produces: [XLSX_TYPE], response: errors },
      },
      async (req, reply) => {
        const { filename, bytes } = await funnel.export(req.ctx(), req.params.id, req.query.regency, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
  };
