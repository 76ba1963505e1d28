// Authorization-matrix rows of the registry module (see src/server/authorization-matrix.test.ts).
import type { MatrixRows } from '../../test/matrix.ts';

export const rows: MatrixRows = {
  // Not region-bound: a NIK is checked the same for every reader of persons.
  'POST /api/nik/validate': {
    request: () => ({ method: 'POST', url: '/api/nik/validate', payload: { nik: '6503024507850001', sex: 'female' } }),
    allowed: 200,
    check: (res) => {
      if (res.json().valid !== true) throw new Error(`expected a valid NIK: ${res.body}`);
    },
  },
};
