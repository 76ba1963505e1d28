// Serves the built single-page app (dist/web) and falls back to index.html
// for client-side routes; /api/* stays with the API's 404.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { fromRoot } from '../project-root.ts';

export const WEB_DIST = `${fromRoot('dist', 'web')}/`;

export function webBuildExists(dir = WEB_DIST): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

export async function registerWeb(app: FastifyInstance, dir = WEB_DIST): Promise<void> {
  if (!webBuildExists(dir)) {
    app.log.warn(`No web build in ${dir}: run "npm run build" to serve the web app`);
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    index: ['index.html'],
    // Hashed assets can be cached for long; index.html must always be fresh.
    setHeaders(res, file) {
      res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
