// Authorization-matrix rows of aid schemes and entitlements. Every matrix user works in
// Nunukan (65.03): the Kaltara programme (65) is visible but its schemes are set by
// holders of the whole province (403); "other region" is a programme of East
// Kalimantan (64) or an entitlement of a Bulungan (65.01) person.
import assert from 'node:assert/strict';
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { OTHER, OWN, get } from '../../test/matrix.ts';
import { SYSTEM, makePerson, makeProgramme } from '../verval/verval.test-support.ts';
import { PACKAGE_2018, decide, makeScheme } from './aid.test-support.ts';

const made = new WeakMap<Fixture, Promise<Record<Relation, { programmeId: number; schemeId: number }>>>();

/** A Kaltara programme with the 2018 scheme (own) and an East Kalimantan one (other), once per run. */
export function aidScheme(fx: Fixture, rel: Relation) {
  let m = made.get(fx);
  if (!m) {
    m = (async () => {
      const own = await makeProgramme(fx.app, '65');
      const other = await makeProgramme(fx.app, '64');
      return { own: { programmeId: own, schemeId: (await makeScheme(fx.app, own)).id }, other: { programmeId: other, schemeId: (await makeScheme(fx.app, other)).id } };
    })();
    made.set(fx, m);
  }
  return m.then((x) => x[rel]);
}

/** A fresh entitlement (no NIK: held for review) of a person in Nunukan or Bulungan. */
export async function entitlement(fx: Fixture, rel: Relation): Promise<{ id: number; version: number; personId: number }> {
  const { programmeId, schemeId } = await aidScheme(fx, 'own');
  const personId = await makePerson(fx.app, { regencyCode: rel === 'own' ? OWN : OTHER });
  await decide(fx.db, programmeId, personId);
  await fx.app.services.aidEntitlements.generate(SYSTEM, schemeId);
  const e = await fx.db.selectFrom('aid_entitlement').select(['id', 'version']).where('person_id', '=', personId).orderBy('id').executeTakeFirstOrThrow();
  return { ...e, personId };
}

const onlyOwn = (items: { regencyCode: string }[]) => {
  for (const i of items) assert.ok(i.regencyCode.startsWith(OWN), `entitlement outside the region: ${i.regencyCode}`);
};

export const rows: MatrixRows = {
  'GET /api/aid/schemes': {
    request: async (fx, _c, rel) => get(`/api/aid/schemes?programmeId=${(await aidScheme(fx, rel)).programmeId}`),
    allowed: 200,
    check: (res, _c, rel) => assert.equal(res.json().items.length, rel === 'own' ? 1 : 0),
  },
  'POST /api/aid/schemes': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: '/api/aid/schemes',
      payload: { programmeId: (await aidScheme(fx, rel)).programmeId, year: 2019, name: `Matriks ${Math.random()}`, components: PACKAGE_2018 },
    }),
    // A provincial programme's schemes belong to holders of the whole province.
    allowed: 403,
    otherRegion: 404,
  },
  'GET /api/aid/schemes/:id': {
    request: async (fx, _c, rel) => get(`/api/aid/schemes/${(await aidScheme(fx, rel)).schemeId}`),
    allowed: 200,
    otherRegion: 404,
  },
  'PUT /api/aid/schemes/:id': {
    request: async (fx, _c, rel) => ({
      method: 'PUT',
      url: `/api/aid/schemes/${(await aidScheme(fx, rel)).schemeId}`,
      payload: { name: 'Paket Kemensos 2018', status: 'active', version: 1, components: PACKAGE_2018 },
    }),
    allowed: 403,
    otherRegion: 404,
  },
  'POST /api/aid/schemes/:id/entitlements/generate': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/aid/schemes/${(await aidScheme(fx, rel)).schemeId}/entitlements/generate` }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/aid/entitlements': {
    request: async (fx, _c, rel) => {
      await entitlement(fx, rel);
      return get('/api/aid/entitlements?limit=200');
    },
    allowed: 200,
    check: (res) => onlyOwn(res.json().items),
  },
  'POST /api/aid/entitlements/:id/clear-review': {
    request: async (fx, _c, rel) => {
      const e = await entitlement(fx, rel);
      return { method: 'POST', url: `/api/aid/entitlements/${e.id}/clear-review`, payload: { note: 'Uji matriks: NIK dicek', version: e.version } };
    },
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/aid/entitlements/:id/cancel': {
    request: async (fx, _c, rel) => {
      const e = await entitlement(fx, rel);
      return { method: 'POST', url: `/api/aid/entitlements/${e.id}/cancel`, payload: { reason: 'Uji matriks: dibatalkan', version: e.version } };
    },
    allowed: 200,
    otherRegion: 404,
  },
};
