// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import { type MatrixRows, get, region } from '../../test/matrix.ts';

export const rows: MatrixRows = {
  'GET /api/regions/summary': { request: () => get('/api/regions/summary'), allowed: 200 },
  'GET /api/regions': { request: (_fx, _c, rel) => get(`/api/regions?parent=${region(rel)}`), allowed: 200 },
  'GET /api/regions/:code': { request: (_fx, _c, rel) => get(`/api/regions/${region(rel)}`), allowed: 200 },
};
