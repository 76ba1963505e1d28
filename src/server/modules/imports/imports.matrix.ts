// Authorization-matrix rows of person imports (see src/server/authorization-matrix.test.ts).
// Imports belong to their site's regency: out of scope → 404 (uploading for another
// region's site → 403).
import assert from 'node:assert/strict';
import { type Fixture, type MatrixRows, OTHER, OWN, type Relation, get } from '../../test/matrix.ts';
import { makeSite, multipart } from '../sites/sites.matrix.ts';

const siteIn = (fx: Fixture, rel: Relation) => makeSite(fx.app, rel === 'own' ? `${OWN}.02` : `${OTHER}.01`);

/** An import whose dry run came out clean (inserted directly: no job runs in the matrix). */
async function validatedImport(fx: Fixture, rel: Relation): Promise<number> {
  const siteId = await siteIn(fx, rel);
  const row = await fx.app.services.imports.runner.db
    .insertInto('person_import')
    .values({
      site_id: siteId,
      regency_code: rel === 'own' ? OWN : OTHER,
      kind: 'csv',
      source: 'upload',
      original_name: 'daftar.csv',
      status: 'validated',
      dry_run: true,
      lawful_basis: 'public_task',
      total_rows: 1,
      valid_rows: 1,
      error_rows: 0,
      error_count: 0,
      warning_count: 0,
      issues: '[]',
      preview: '[]',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const CSV = Buffer.from('nama_lengkap,jenis_kelamin\nOrang Matriks,P\n');

function uploadBody(siteId: number) {
  const { payload, headers } = multipart({ name: 'daftar.csv', type: 'text/csv', bytes: CSV });
  // Fields go before the file part.
  const boundary = headers['content-type'].split('boundary=')[1]!;
  const fields = [`siteId=${siteId}`, 'dryRun=true', 'lawfulBasis=public_task']
    .map((f) => {
      const [k, v] = f.split('=');
      return `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    })
    .join('');
  return { payload: Buffer.concat([Buffer.from(fields), payload]), headers };
}

export const rows: MatrixRows = {
  'GET /api/imports/template.xlsx': { request: () => get('/api/imports/template.xlsx?lang=id'), allowed: 200 },
  'POST /api/imports': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: '/api/imports', ...uploadBody(await siteIn(fx, rel)) }),
    allowed: 200,
    otherRegion: 403,
    check: (res) => assert.ok(res.json().importId > 0 && res.json().jobId > 0),
  },
  'GET /api/imports': {
    request: () => get('/api/imports?limit=100'),
    allowed: 200,
    check: (res) => {
      for (const i of res.json().items) assert.ok(i.regencyCode.startsWith(OWN), `import outside the region listed: ${i.id}`);
    },
  },
  'GET /api/imports/:id': { request: async (fx, _c, rel) => get(`/api/imports/${await validatedImport(fx, rel)}`), allowed: 200, otherRegion: 404 },
  'GET /api/imports/:id/errors.xlsx': { request: async (fx, _c, rel) => get(`/api/imports/${await validatedImport(fx, rel)}/errors.xlsx`), allowed: 200, otherRegion: 404 },
  'POST /api/imports/:id/commit': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/imports/${await validatedImport(fx, rel)}/commit` }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/imports/:id/cancel': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/imports/${await validatedImport(fx, rel)}/cancel` }),
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.equal(res.json().status, 'cancelled'),
  },
};
