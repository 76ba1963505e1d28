// Authorization-matrix rows of budgets. Every matrix user works in Nunukan (65.03): a
// regency/city allocation of Nunukan is theirs, one of Bulungan (65.01) is not (creating
// it: 403; changing it: not visible, 404).
import assert from 'node:assert/strict';
import { CreateSchemeSchema } from '../../../common/aid.ts';
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { OTHER, OWN, get } from '../../test/matrix.ts';
import { SYSTEM, makeProgramme } from '../verval/verval.test-support.ts';

const programmes = new WeakMap<Fixture, Promise<number>>();
let n = 0;

/** A fresh component paid from the regency/city budget (each allocation needs its own). */
async function regencyComponent(fx: Fixture): Promise<number> {
  let p = programmes.get(fx);
  if (!p) programmes.set(fx, (p = makeProgramme(fx.app, '65')));
  const scheme = await fx.app.services.aidSchemes.create(
    SYSTEM,
    CreateSchemeSchema.parse({ programmeId: await p, year: 2018, name: `Matriks anggaran ${++n}`, components: [{ code: 'PULANG', name: 'Pemulangan', amount: 1_500_000, fundingSource: 'apbd_regency' }] }),
  );
  return scheme.components[0]!.id;
}

async function allocation(fx: Fixture, rel: Relation): Promise<number> {
  const componentId = await regencyComponent(fx);
  const a = await fx.app.services.budgets.create(SYSTEM, { componentId, fundingSource: 'apbd_regency', regionCode: rel === 'own' ? OWN : OTHER, amount: 10_000_000, note: '' });
  return a.id;
}

export const rows: MatrixRows = {
  'GET /api/budgets/allocations': {
    request: async (fx, _c, rel) => {
      await allocation(fx, rel);
      return get('/api/budgets/allocations?year=2018');
    },
    allowed: 200,
    check: (res) => {
      for (const a of res.json().items as { regionCode: string | null }[]) assert.ok(a.regionCode === null || a.regionCode.startsWith(OWN) || OWN.startsWith(`${a.regionCode}.`));
    },
  },
  'POST /api/budgets/allocations': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: '/api/budgets/allocations',
      payload: { componentId: await regencyComponent(fx), fundingSource: 'apbd_regency', regionCode: rel === 'own' ? OWN : OTHER, amount: 5_000_000 },
    }),
    allowed: 200,
    otherRegion: 403,
  },
  'PUT /api/budgets/allocations/:id': {
    request: async (fx, _c, rel) => ({ method: 'PUT', url: `/api/budgets/allocations/${await allocation(fx, rel)}`, payload: { amount: 12_000_000, version: 1 } }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/budgets/realisation': {
    request: () => get('/api/budgets/realisation?year=2018'),
    allowed: 200,
  },
  'GET /api/budgets/realisation.xlsx': {
    request: () => get('/api/budgets/realisation.xlsx?year=2018'),
    allowed: 200,
  },
};
