// The folder of Tuntas's package.json. Files that ship beside the code (migrations,
// region data, the built web app, worker sources, the Vite configuration) are found
// from it, the same way whether the code runs from its TypeScript sources (tsx: tests,
// development) or from the bundle bin/tuntas.mjs builds (where import.meta.url names
// the bundle's file, not the source's).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tuntas') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Tuntas's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();

/** A path inside the project, e.g. fromRoot('migrations'). */
export const fromRoot = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
