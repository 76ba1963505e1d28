// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import { type MatrixRows, get } from '../../test/matrix.ts';

export const rows: MatrixRows = {
  'GET /api/health': { request: () => get('/api/health'), allowed: 200 },
  'GET /api/ready': { request: () => get('/api/ready'), allowed: 200 },
  'GET /api/about': { request: () => get('/api/about'), allowed: 200 },
  'GET /api/openapi.json': { request: () => get('/api/openapi.json'), allowed: 200 },
};
