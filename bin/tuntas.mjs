#!/usr/bin/env node
// The operators' command. The TypeScript sources are bundled by esbuild (a fraction of a
// second) into plain ES modules under node_modules/.cache/tuntas/<content hash>/ and run
// from there: no TypeScript loader stays in the process, which keeps a server or an import
// about 80 MB lighter than running the sources through tsx. There is still no build step
// to remember: every start bundles the sources as they are.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = path.join(root, 'node_modules', '.cache', 'tuntas');
// Bundled as if into cache/build, then stored beside it under its hash: source map paths
// (relative, ../../../../src/…) hold for both.
const outdir = path.join(cache, 'build');

const WEEK_MS = 7 * 86_400_000;

/** Bundles of older sources, unused for a week (a running server may still load chunks of its own). */
function prune(current) {
  for (const name of fs.readdirSync(cache)) {
    const dir = path.join(cache, name);
    if (dir === current || name === 'build') continue;
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > WEEK_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* gone already */
    }
  }
}

async function bundle() {
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ['src/cli/main.ts'],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      outdir,
      write: false,
      logLevel: 'error',
    });
    const hash = createHash('sha256');
    for (const f of result.outputFiles) hash.update(path.relative(outdir, f.path)).update(f.contents);
    const dir = path.join(cache, hash.digest('hex').slice(0, 16));
    if (!fs.existsSync(dir)) {
      // Written aside and renamed: processes starting together never see half a bundle.
      const tmp = `${dir}.${process.pid}.tmp`;
      for (const f of result.outputFiles) {
        const target = path.join(tmp, path.relative(outdir, f.path));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, f.contents);
      }
      try {
        fs.renameSync(tmp, dir);
      } catch {
        fs.rmSync(tmp, { recursive: true, force: true }); // another process stored the same bundle first
      }
      prune(dir);
    } else fs.utimesSync(dir, new Date(), new Date());
    return path.join(dir, 'main.js');
  } finally {
    await esbuild.stop();
  }
}

const entry = await bundle();
process.setSourceMapsEnabled(true); // stack traces name the TypeScript sources
await import(pathToFileURL(entry).href);
