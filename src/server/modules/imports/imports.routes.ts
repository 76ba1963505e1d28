// /api/imports: person imports (xlsx/csv) — template, upload (streamed into
// encrypted storage), dry-run result, error report, commit, cancel. The file's
// contents never appear in a URL, a log line or an answer. The workbook writers
// (ExcelJS) load on first use.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import { ImportListQuerySchema, ImportSchema, ImportStartedSchema, ImportUploadFieldsSchema, LangQuerySchema } from '../../../common/imports.ts';
import { sendXlsx } from '../../platform/export/xlsx.ts';
import { requestLang } from '../../platform/http/lang.ts';
import { importError } from './imports.errors.ts';
import { formatBytes } from '../../platform/files/files.ts';
import type { ImportService } from './imports.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['imports'];
const manage = { access: { permission: 'person.manage' as const } };
const Id = z.object({ id: z.coerce.number().int().positive() });
const today = () => new Date().toISOString().slice(0, 10);

export const importRoutes =
  (imports: ImportService, maxBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/imports/template.xlsx',
      { config: manage, schema: { tags, summary: 'The person-list template (identity columns as text, an example row)', querystring: LangQuerySchema } },
      async (req, reply) => {
        const lang = req.query.lang ?? requestLang(req);
        return sendXlsx(reply, lang === 'en' ? 'person-import-template.xlsx' : 'templat-impor-orang.xlsx', await (await import('./template.ts')).importTemplate(lang));
      },
    );
    app.post(
      '/api/imports',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Upload a person list (multipart: siteId, dryRun, lawfulBasis, then the file .xlsx/.csv); starts the dry run or the import',
          consumes: ['multipart/form-data'],
          response: { 200: ImportStartedSchema, ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw importError('import.file_missing');
        const part = await req.file({ limits: { fileSize: maxBytes } });
        if (!part) throw importError('import.file_missing');
        const raw = Object.fromEntries(
          Object.entries(part.fields).flatMap(([k, f]) => {
            const one = Array.isArray(f) ? f[0] : f;
            return one && one.type === 'field' ? [[k, String(one.value)]] : [];
          }),
        );
        if (raw.siteId === undefined) {
          part.file.resume();
          throw importError('import.fields_first');
        }
        const fields = ImportUploadFieldsSchema.safeParse(raw);
        if (!fields.success) {
          part.file.resume();
          throw fields.error;
        }
        // Over the limit, busboy ends the stream early and marks it truncated: never store a cut file.
        const file = part.file;
        async function* bytes() {
          for await (const chunk of file as AsyncIterable<Buffer>) yield chunk;
          if (file.truncated) throw importError('import.too_large', { limit: formatBytes(maxBytes) });
        }
        return imports.upload(req.ctx(), { ...fields.data, filename: part.filename, bytes: bytes() });
      },
    );
    app.get(
      '/api/imports',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Imports of my region (newest first)',
          querystring: ImportListQuerySchema,
          response: { 200: z.object({ items: z.array(ImportSchema), total: z.number().int() }), ...errors },
        },
      },
      (req) => imports.list(req.ctx(), req.query),
    );
    app.get(
      '/api/imports/:id',
      { config: manage, schema: { tags, summary: 'An import: status, counts, progress, preview, allowed actions', params: Id, response: { 200: ImportSchema, ...errors } } },
      (req) => imports.get(req.ctx(), req.params.id),
    );
    app.get(
      '/api/imports/:id/errors.xlsx',
      { config: manage, schema: { tags, summary: 'The error report: row, column, problem (never a cell’s value)', params: Id, querystring: LangQuerySchema } },
      async (req, reply) => {
        const { imp, issues } = await imports.issues(req.ctx(), req.params.id);
        const lang = req.query.lang ?? requestLang(req);
        return sendXlsx(reply, `${lang === 'en' ? 'import-errors' : 'kesalahan-impor'}-${imp.id}-${today()}.xlsx`, await (await import('./error-report.ts')).errorReport(issues, lang));
      },
    );
    app.post(
      '/api/imports/:id/commit',
      { config: manage, schema: { tags, summary: 'Import the rows of a clean dry run (all or nothing, as a job)', params: Id, response: { 200: ImportStartedSchema, ...errors } } },
      (req) => imports.commit(req.ctx(), req.params.id),
    );
    app.post(
      '/api/imports/:id/cancel',
      { config: manage, schema: { tags, summary: 'Cancel an import not yet being committed (its file is deleted)', params: Id, response: { 200: ImportSchema, ...errors } } },
      (req) => imports.cancel(req.ctx(), req.params.id),
    );
  };
