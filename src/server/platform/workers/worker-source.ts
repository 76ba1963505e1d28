// Worker threads run as one plain script, bundled once per process with esbuild
// (tsx's own compiler): a worker then needs no TypeScript loader, whether the
// process runs under `--import tsx` (tests) or from bin/tuntas.mjs, and starts
// with a small heap (no loader thread). Packages stay outside the bundle, as in
// bin/tuntas.mjs (a native addon such as sodium-native cannot be inlined); the
// script is handed a `require` that finds them in the project's node_modules,
// since an `eval` worker has no file of its own to resolve from.
import { buildSync } from 'esbuild';
import { fromRoot } from '../project-root.ts';

const sources = new Map<string, string>();

/** The script to start `new Worker(source, { eval: true })` with; `entry` is relative to the project root. */
export function workerSource(entry: string): string {
  let source = sources.get(entry);
  if (!source) {
    const code = buildSync({
      entryPoints: [fromRoot(entry)],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    }).outputFiles[0]!.text;
    source = `(function (require) {\n${code}\n})(require('node:module').createRequire(${JSON.stringify(fromRoot('package.json'))}));`;
    sources.set(entry, source);
  }
  return source;
}
