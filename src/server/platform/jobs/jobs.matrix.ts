// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import { type MatrixRows, get } from '../../test/matrix.ts';

export const rows: MatrixRows = {
  'GET /api/jobs/:id': { request: (fx) => get(`/api/jobs/${fx.jobId}`), allowed: 200 },
};
