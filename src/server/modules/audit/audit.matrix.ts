// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import assert from 'node:assert/strict';
import { type MatrixRows, OWN, get } from '../../test/matrix.ts';

export const rows: MatrixRows = {
  'GET /api/audit': {
    request: () => get('/api/audit?limit=500'),
    allowed: 200,
    check: (res) => {
      for (const e of res.json().items) assert.ok(e.regionCode?.startsWith(OWN), `event outside the region listed: ${e.seq} ${e.action} ${e.regionCode}`);
    },
  },
  'GET /api/audit/export': { request: () => get('/api/audit/export?format=json'), allowed: 200 },
  'GET /api/audit/checkpoint': { request: () => get('/api/audit/checkpoint'), allowed: 200 },
  'GET /api/audit/verify': { request: () => get('/api/audit/verify'), allowed: 200 },
};
