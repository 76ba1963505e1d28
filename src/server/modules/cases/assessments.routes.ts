// Assessment forms (data, versioned) and a case's assessments.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssessmentDetailSchema,
  AssessmentFormSchema,
  AssessmentFormsSchema,
  AssessmentListSchema,
  CreateFormVersionSchema,
  SaveAnswersSchema,
  StartAssessmentSchema,
} from '../../../common/case-forms.ts';
import type { AssessmentService } from './assessments.service.ts';
import { CaseId, caseAccess as access, caseErrors as errors } from './cases.routes.ts';

const tags = ['cases'];
const IdA = CaseId.extend({ assessmentId: z.coerce.number().int().positive() });

export const assessmentRoutes =
  (assessments: AssessmentService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/assessment-forms',
      {
        // Questions only, no one's answers: every signed-in user may read them (administrators configure them).
        config: { access: { signedIn: true } },
        schema: { tags, summary: 'Assessment forms, every version (newest first per form)', response: { 200: AssessmentFormsSchema, ...errors } },
      },
      (req) => assessments.forms(req.ctx()),
    );
    app.post(
      '/api/assessment-forms',
      {
        config: access('case.configure'),
        schema: { tags, summary: 'A new version of an assessment form (questions, options, scores, flags)', body: CreateFormVersionSchema, response: { 200: AssessmentFormSchema, ...errors } },
      },
      (req) => assessments.createFormVersion(req.ctx(), req.body),
    );
    app.get(
      '/api/cases/:id/assessments',
      { config: access('case.read'), schema: { tags, summary: 'A case’s assessments in versions (without answers)', params: CaseId, response: { 200: AssessmentListSchema, ...errors } } },
      (req) => assessments.list(req.ctx(), req.params.id),
    );
    app.post(
      '/api/cases/:id/assessments',
      {
        config: access('case.manage'),
        schema: {
          tags,
          summary: 'Start an assessment: the first draft, or a new version correcting the latest submitted one',
          params: CaseId,
          body: StartAssessmentSchema,
          response: { 200: AssessmentDetailSchema, ...errors },
        },
      },
      (req) => assessments.start(req.ctx(), req.params.id, req.body.formId),
    );
    app.get(
      '/api/cases/:id/assessments/:assessmentId',
      {
        config: access('case.read'),
        schema: { tags, summary: 'An assessment with its answers and form (the read is audited)', params: IdA, response: { 200: AssessmentDetailSchema, ...errors } },
      },
      (req) => assessments.get(req.ctx(), req.params.id, req.params.assessmentId),
    );
    app.put(
      '/api/cases/:id/assessments/:assessmentId',
      {
        config: access('case.manage'),
        schema: { tags, summary: 'Save a draft’s answers (a submitted assessment is locked)', params: IdA, body: SaveAnswersSchema, response: { 200: AssessmentDetailSchema, ...errors } },
      },
      (req) => assessments.save(req.ctx(), req.params.id, req.params.assessmentId, req.body.answers),
    );
    app.post(
      '/api/cases/:id/assessments/:assessmentId/submit',
      {
        config: access('case.manage'),
        schema: {
          tags,
          summary: 'Submit: required answers checked, score and flags computed, the assessment locked',
          params: IdA,
          body: SaveAnswersSchema.partial(),
          response: { 200: AssessmentDetailSchema, ...errors },
        },
      },
      (req) => assessments.submit(req.ctx(), req.params.id, req.params.assessmentId, req.body.answers),
    );
  };
