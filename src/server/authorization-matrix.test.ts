// The authorization matrix: every API route × every seeded role × a record in
// the user's own region and in another region, plus an anonymous caller. Each
// route declares its access (config.access) and each must have a row in its
// module's `*.matrix.ts`, so a new route without one fails CI. Expected statuses
// follow from the declaration and the role's permissions in the database; rows
// add the in-scope answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from './test/build-app.ts';
import { get, loadMatrixRows } from './test/matrix.ts';
import { runMatrixShard } from './test/matrix-run.ts';

test('every API route declares its access and has a row in the authorization matrix', async (t) => {
  const { app } = await build(t);
  const declared = [...app.routeAccess.keys()].sort();
  const matrix = await loadMatrixRows();
  assert.deepEqual(declared, Object.keys(matrix).sort(), 'routes and matrix rows differ: add the new route to its module’s *.matrix.ts');
  const doc = (await app.inject(get('/api/openapi.json'))).json();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, object>))
    for (const method of Object.keys(ops)) {
      const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      assert.ok(app.routeAccess.has(key), `${key} is documented but declares no access`);
    }
});

test('authorization matrix, part 1 of 3: every route × every role × own/other region × anonymous', (t) => runMatrixShard(t, 0, 3));
