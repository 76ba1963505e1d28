// Rehabilitation cases: open (one person, or everyone decided eligible in a regency),
// lists and caseloads, the audited detail, assignment, status, closure and reopening.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssigneesSchema,
  AssignSchema,
  CandidateListSchema,
  CandidateQuerySchema,
  CaseDetailSchema,
  CaseListQuerySchema,
  CaseListSchema,
  ChangeStatusSchema,
  OpenCaseSchema,
  OpenEligibleResultSchema,
  OpenEligibleSchema,
  ReasonSchema,
} from '../../../common/cases.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import type { CaseService } from './cases.service.ts';

export const caseErrors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
export const caseAccess = (permission: 'case.read' | 'case.manage' | 'case.supervise' | 'case.configure') => ({ access: { permission } });
export const CaseId = z.object({ id: z.coerce.number().int().positive() });
const tags = ['cases'];
const errors = caseErrors;
const access = caseAccess;
const Id = CaseId;

export const caseRoutes =
  (cases: CaseService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases',
      {
        config: access('case.read'),
        schema: {
          tags,
          summary: 'Cases the caller may see (case workers: their caseload), with filters: status, programme, worker, regency, mine, overdue tasks',
          querystring: CaseListQuerySchema,
          response: { 200: CaseListSchema, ...errors },
        },
      },
      (req) => cases.list(req.ctx(), req.query),
    );
    app.post(
      '/api/cases',
      { config: access('case.manage'), schema: { tags, summary: 'Open a case for a person in a programme', body: OpenCaseSchema, response: { 200: CaseDetailSchema, ...errors } } },
      (req) => cases.open(req.ctx(), req.body),
    );
    app.get(
      '/api/cases/candidates',
      {
        config: access('case.manage'),
        schema: {
          tags,
          summary: 'Whom a case may be opened for: people decided eligible in a programme who have no case in it yet (case workers: their persons)',
          querystring: CandidateQuerySchema,
          response: { 200: CandidateListSchema, ...errors },
        },
      },
      (req) => cases.candidates(req.ctx(), req.query),
    );
    app.post(
      '/api/programmes/:id/cases/open-eligible',
      {
        config: access('case.manage'),
        schema: {
          tags,
          summary: 'Open cases for everyone decided eligible in this programme and regency/city who has none yet',
          params: Id,
          body: OpenEligibleSchema,
          response: { 200: OpenEligibleResultSchema, ...errors },
        },
      },
      (req) => cases.openEligible(req.ctx(), req.params.id, req.body.regencyCode),
    );
    app.get(
      '/api/cases/:id',
      {
        config: access('case.read'),
        schema: { tags, summary: 'A case with its assignments, history and the caller’s actions (the read is audited)', params: Id, response: { 200: CaseDetailSchema, ...errors } },
      },
      (req) => cases.get(req.ctx(), req.params.id),
    );
    app.get(
      '/api/cases/:id/assignees',
      {
        config: access('case.manage'),
        schema: { tags, summary: 'Who may be assigned as the case’s worker or supervisor', params: Id, response: { 200: AssigneesSchema, ...errors } },
      },
      (req) => cases.assignees(req.ctx(), req.params.id),
    );
    app.put(
      '/api/cases/:id/assignment',
      {
        config: access('case.manage'),
        schema: {
          tags,
          summary: 'Assign the case worker and/or supervisor (a reassignment needs a reason; audited and kept)',
          params: Id,
          body: AssignSchema,
          response: { 200: CaseDetailSchema, ...errors },
        },
      },
      (req) => cases.assign(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/cases/:id/status',
      {
        config: access('case.manage'),
        schema: { tags, summary: 'Move the case one step (intake → assessment → plan → services → follow-up, or one back)', params: Id, body: ChangeStatusSchema, response: { 200: CaseDetailSchema, ...errors } },
      },
      (req) => cases.changeStatus(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/cases/:id/closure-request',
      { config: access('case.manage'), schema: { tags, summary: 'Request closure with a reason', params: Id, body: ReasonSchema, response: { 200: CaseDetailSchema, ...errors } } },
      (req) => cases.requestClosure(req.ctx(), req.params.id, req.body.reason),
    );
    app.post(
      '/api/cases/:id/closure-approval',
      { config: access('case.supervise'), schema: { tags, summary: 'Approve a closure requested by someone else', params: Id, response: { 200: CaseDetailSchema, ...errors } } },
      (req) => cases.approveClosure(req.ctx(), req.params.id),
    );
    app.post(
      '/api/cases/:id/closure-rejection',
      { config: access('case.supervise'), schema: { tags, summary: 'Reject a closure request with a reason', params: Id, body: ReasonSchema, response: { 200: CaseDetailSchema, ...errors } } },
      (req) => cases.rejectClosure(req.ctx(), req.params.id, req.body.reason),
    );
    app.post(
      '/api/cases/:id/reopen',
      { config: access('case.supervise'), schema: { tags, summary: 'Reopen a closed case with a reason', params: Id, body: ReasonSchema, response: { 200: CaseDetailSchema, ...errors } } },
      (req) => cases.reopen(req.ctx(), req.params.id, req.body.reason),
    );
  };
