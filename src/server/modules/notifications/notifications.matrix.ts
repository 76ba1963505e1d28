// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import { type MatrixRows, get } from '../../test/matrix.ts';

export const rows: MatrixRows = {
  'GET /api/notifications': { request: () => get('/api/notifications'), allowed: 200 },
  'POST /api/notifications/:id/read': { request: () => ({ method: 'POST', url: '/api/notifications/999999/read' }), allowed: 404 },
};
