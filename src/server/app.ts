// buildApp(deps): infrastructure plugins, then platform, then modules, in a fixed order.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './platform/db/database.ts';
import { registerErrorHandling } from './platform/errors/error-handler.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerSecurity } from './platform/http/security.ts';
import { registerWeb } from './platform/http/web.ts';
import { JobQueue } from './platform/jobs/job-queue.ts';
import { jobRoutes } from './platform/jobs/jobs.routes.ts';
import { loggerOptions } from './platform/logging/logger.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { regionsImportJob } from './modules/regions/regions-import.job.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { RegionService } from './modules/regions/regions.service.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Override the logger (tests pass false to keep output quiet). */
  logger?: boolean;
  /** Serve the built web app from this directory (default: dist/web). */
  webDir?: string;
}

export interface Services {
  jobs: JobQueue;
  regions: RegionService;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : loggerOptions(config),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    // Keep a caller's well-formed id for correlation; otherwise make one.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  // 1. Infrastructure
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandling(app, config.bodyLimitBytes);
  await registerSecurity(app, config);
  await registerOpenApi(app);

  // 2. Platform
  const jobs = new JobQueue(database.db, app.log, [regionsImportJob as never]);
  const services: Services = { jobs, regions: new RegionService(database.db, jobs) };
  app.decorate('services', services);
  await app.register(jobRoutes(jobs));

  // 3. Modules
  await app.register(systemRoutes(database));
  await app.register(regionRoutes(services.regions));

  // 4. The web app, last, so that its fallback never shadows an API route.
  if (config.serveWeb) await registerWeb(app, deps.webDir);

  return app;
}
