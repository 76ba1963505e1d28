// Budget allocations and the realisation report (JSON, xlsx, monthly series).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AllocationListSchema, AllocationSchema, BudgetQuerySchema, CreateAllocationSchema, RealisationSchema, UpdateAllocationSchema } from '../../../common/aid.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import { XLSX_TYPE, sendXlsx } from '../../platform/export/xlsx.ts';
import { requestLang } from '../../platform/http/lang.ts';
import type { BudgetService } from './budgets.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['budgets'];
const access = (permission: 'payment.read' | 'budget.manage') => ({ access: { permission } });
const Id = z.object({ id: z.coerce.number().int().positive() });

export const budgetRoutes =
  (budgets: BudgetService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/budgets/allocations',
      {
        config: access('payment.read'),
        schema: { tags, summary: 'Allocations with committed, paid and remaining amounts', querystring: BudgetQuerySchema, response: { 200: AllocationListSchema, ...errors } },
      },
      (req) => budgets.list(req.ctx(), req.query),
    );
    app.post(
      '/api/budgets/allocations',
      { config: access('budget.manage'), schema: { tags, summary: 'An allocation for a component, funding source (and region for APBD)', body: CreateAllocationSchema, response: { 200: AllocationSchema, ...errors } } },
      (req) => budgets.create(req.ctx(), req.body),
    );
    app.put(
      '/api/budgets/allocations/:id',
      { config: access('budget.manage'), schema: { tags, summary: 'Change an allocation’s amount', params: Id, body: UpdateAllocationSchema, response: { 200: AllocationSchema, ...errors } } },
      (req) => budgets.update(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/budgets/realisation',
      {
        config: access('payment.read'),
        schema: { tags, summary: 'Entitled, committed and paid per regency/city and component; paid per month', querystring: BudgetQuerySchema, response: { 200: RealisationSchema, ...errors } },
      },
      (req) => budgets.realisation(req.ctx(), req.query),
    );
    app.get(
      '/api/budgets/realisation.xlsx',
      { config: access('payment.read'), schema: { tags, summary: 'The realisation as an Excel workbook', querystring: BudgetQuerySchema, produces: [XLSX_TYPE], response: errors } },
      async (req, reply) => {
        const { filename, bytes } = await budgets.export(req.ctx(), req.query, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
  };
