import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { migrationStatus } from '../../platform/db/migrate.ts';
import { fail } from '../../platform/errors/common-errors.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import { API_VERSION } from '../../platform/http/openapi.ts';
import { datasetOf } from '../demo/demo.seed.ts';
import { AboutSchema } from '../../../common/system.ts';

export const systemRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['system'],
          summary: 'Liveness: the process is up',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      () => ({ status: 'ok' as const }),
    );

    app.get(
      '/api/ready',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['system'],
          summary: 'Readiness: the database answers and every migration is applied',
          response: {
            200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']), migrations: z.number().int() }),
            503: ErrorResponseSchema,
          },
        },
      },
      async () => {
        try {
          await sql`select 1`.execute(database.db);
        } catch {
          throw fail('not_ready', { reason: 'database' });
        }
        const status = await migrationStatus(database.db);
        if (status.pending.length > 0) throw fail('not_ready', { reason: `${status.pending.length} migration(s) pending` });
        return { status: 'ready' as const, database: database.kind, migrations: status.applied.length };
      },
    );
  
    app.get(
      '/api/about',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['system'],
          summary: 'Version, database engine and whether this is demo data',
          response: { 200: AboutSchema },
        },
      },
      async () => ({ name: 'Tuntas' as const, version: API_VERSION, database: database.kind, dataset: await datasetOf(database.db) }),
    );
  };
