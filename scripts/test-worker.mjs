// One long-lived test process of `npm test` (see test.mjs): asks its parent for the
// next test file, runs it as a suite of its own, and asks again until none is left.
// The app's modules and PGlite's WebAssembly load once here, not once per file.
// Files share this process: a test that changes process-wide state puts it back.
import { after, describe } from 'node:test';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const next = () =>
  new Promise((resolve) => {
    process.once('message', (message) => resolve(message.file));
    process.send({ next: true });
  });

for (let file = await next(); file; file = await next()) {
  // The file's top-level tests and hooks belong to this suite; the next file is taken
  // once its own `after` hooks have run (ours is registered last).
  await new Promise((resolve) => {
    describe(file, async () => {
      try {
        await import(pathToFileURL(path.resolve(file)).href);
      } finally {
        after(resolve);
      }
    });
  });
}
process.disconnect();
