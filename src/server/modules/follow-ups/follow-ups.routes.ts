// Follow-up visits of a case, my follow-ups, a programme's visit schedule and the
// outcome report (JSON and xlsx, small counts suppressed). Case codes only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  CaseFollowUpsSchema,
  FollowUpScheduleSchema,
  FollowUpSchema,
  MissFollowUpSchema,
  MyFollowUpsSchema,
  OutcomeReportQuerySchema,
  OutcomeReportSchema,
  PutFollowUpScheduleSchema,
  RecordFollowUpSchema,
} from '../../../common/follow-ups.ts';
import { XLSX_TYPE, sendXlsx } from '../../platform/export/xlsx.ts';
import { requestLang } from '../../platform/http/lang.ts';
import type { FollowUpScheduleService } from './follow-up-schedules.service.ts';
import type { FollowUpReportService } from './follow-ups-report.service.ts';
import { outcomeWorkbook } from './follow-ups.export.ts';
import type { FollowUpService } from './follow-ups.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['follow-ups'];
const Id = z.object({ id: z.coerce.number().int().positive() });
const access = (permission: 'case.read' | 'case.manage' | 'case.configure' | 'report.read') => ({ access: { permission } });

export interface FollowUpServices {
  followUps: FollowUpService;
  schedules: FollowUpScheduleService;
  reports: FollowUpReportService;
}

export const followUpRoutes =
  ({ followUps, schedules, reports }: FollowUpServices): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases/:id/follow-ups',
      { config: access('case.read'), schema: { tags, summary: 'A case’s follow-up visits (due date, status, overdue, outcome); the read is audited', params: Id, response: { 200: CaseFollowUpsSchema, ...errors } } },
      (req) => followUps.forCase(req.ctx(), req.params.id),
    );
    app.get(
      '/api/follow-ups/mine',
      { config: access('case.read'), schema: { tags, summary: 'My follow-ups: scheduled visits of my assigned cases, overdue or due within 14 days', response: { 200: MyFollowUpsSchema, ...errors } } },
      (req) => followUps.mine(req.ctx()),
    );
    app.get('/api/follow-ups/:id', { config: access('case.read'), schema: { tags, summary: 'One follow-up visit', params: Id, response: { 200: FollowUpSchema, ...errors } } }, (req) =>
      followUps.get(req.ctx(), req.params.id),
    );
    app.post(
      '/api/follow-ups/:id/outcome',
      {
        config: access('case.manage'),
        schema: { tags, summary: 'Record the visit: date, outcome (moved: where to, when known), a sealed note', params: Id, body: RecordFollowUpSchema, response: { 200: FollowUpSchema, ...errors } },
      },
      (req) => followUps.record(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/follow-ups/:id/missed',
      { config: access('case.manage'), schema: { tags, summary: 'Mark the visit missed, with a reason', params: Id, body: MissFollowUpSchema, response: { 200: FollowUpSchema, ...errors } } },
      (req) => followUps.miss(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/programmes/:id/follow-up-schedule',
      { config: access('case.configure'), schema: { tags, summary: 'The programme’s follow-up offsets in months (default 1, 3, 6, 12)', params: Id, response: { 200: FollowUpScheduleSchema, ...errors } } },
      (req) => schedules.get(req.ctx(), req.params.id),
    );
    app.put(
      '/api/programmes/:id/follow-up-schedule',
      {
        config: access('case.configure'),
        schema: { tags, summary: 'Set the programme’s follow-up offsets (applies to series scheduled from now on)', params: Id, body: PutFollowUpScheduleSchema, response: { 200: FollowUpScheduleSchema, ...errors } },
      },
      (req) => schedules.put(req.ctx(), req.params.id, req.body.offsetsMonths),
    );
    app.get(
      '/api/follow-ups/outcomes',
      {
        config: access('report.read'),
        schema: {
          tags,
          summary: 'Outcome shares of a cohort (closed or returned home in the period) 3, 6 and 12 months on; counts under 5 shown as "<5"',
          querystring: OutcomeReportQuerySchema,
          response: { 200: OutcomeReportSchema, ...errors },
        },
      },
      (req) => reports.outcomes(req.ctx(), req.query),
    );
    app.get(
      '/api/follow-ups/outcomes.xlsx',
      { config: access('report.read'), schema: { tags, summary: 'The outcome report as an Excel workbook (same suppression)', querystring: OutcomeReportQuerySchema, produces: [XLSX_TYPE], response: errors } },
      async (req, reply) => {
        const report = await reports.outcomes(req.ctx(), req.query);
        const bytes = await outcomeWorkbook(requestLang(req), report);
        return sendXlsx(reply, `hasil-tindak-lanjut-${report.query.cohortFrom}-${report.query.cohortTo}.xlsx`, bytes);
      },
    );
  };
