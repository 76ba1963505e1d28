// `npm start` on a fresh clone: build the web app once if there is no build.
import type * as Vite from 'vite';
import { WEB_DIST, webBuildExists } from '../server/platform/http/web.ts';
import { fromRoot } from '../server/platform/project-root.ts';

export async function ensureWebBuild(): Promise<void> {
  if (webBuildExists()) return;
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    process.stderr.write('No web build and Vite is not installed (npm install): serving the API only.\n');
    return;
  }
  process.stdout.write(`Building the web app into ${WEB_DIST} (first start only)…\n`);
  await vite.build({ configFile: fromRoot('vite.config.ts'), logLevel: 'warn' });
}
