// Authorization-matrix rows of lists and verification (see src/server/authorization-matrix.test.ts).
// Every matrix user works in Nunukan (65.03): the Kaltara programme (65) is visible to
// them; "other region" is a Bulungan (65.01) site or person, or a programme of another
// province (64). Persons are unassigned, so case workers (caseload only) get 404 for
// one person and see no entries of a list.
import assert from 'node:assert/strict';
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { OTHER, OWN, get } from '../../test/matrix.ts';
import { SYSTEM, makeList, makePerson, makeProgramme, makeSite, nikOf, setRules } from './verval.test-support.ts';

const RULES = [{ code: 'nik_valid' }, { code: 'ektp_seen' }, { code: 'min_age', params: { years: 18, referenceDate: '2018-07-01' } }];

const programmes = new WeakMap<Fixture, Promise<{ own: number; other: number }>>();

/** The Kaltara programme (with rules) and one of East Kalimantan, made once per matrix run. */
function programme(fx: Fixture, rel: Relation): Promise<number> {
  let made = programmes.get(fx);
  if (!made) {
    made = (async () => {
      const own = await makeProgramme(fx.app, '65');
      await setRules(fx.app, own, RULES);
      return { own, other: await makeProgramme(fx.app, '64') };
    })();
    programmes.set(fx, made);
  }
  return made.then((p) => p[rel]);
}

/** A site in Nunukan or Bulungan with one person on its first list. */
async function listed(fx: Fixture, rel: Relation) {
  const regency = rel === 'own' ? OWN : OTHER;
  const siteId = await makeSite(fx.app, `${regency}.01`, 'Lokalisasi Matriks');
  const personId = await makePerson(fx.app, { regencyCode: regency, siteId, nik: nikOf('1985-07-05', 1), birthDate: '1985-07-05' });
  const listId = await makeList(fx.app, siteId, [personId]);
  return { siteId, personId, listId };
}

/** A listed person of the Kaltara programme, evaluated (so a decision can be taken). */
async function evaluated(fx: Fixture, rel: Relation) {
  const programmeId = await programme(fx, 'own');
  const l = await listed(fx, rel);
  await fx.app.services.verifications.evaluateOne(SYSTEM, programmeId, l.personId);
  return { programmeId, ...l };
}

const onlyOwn = (items: { regencyCode: string }[], what: string) => {
  for (const i of items) assert.ok(i.regencyCode.startsWith(OWN), `${what} outside the region: ${JSON.stringify(i)}`);
};

export const rows: MatrixRows = {
  'GET /api/sites/:id/person-lists': {
    request: async (fx, _c, rel) => get(`/api/sites/${(await listed(fx, rel)).siteId}/person-lists`),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/sites/:id/person-lists': {
    request: async (fx, _c, rel) => {
      const { siteId, personId } = await listed(fx, rel);
      const newcomer = await makePerson(fx.app, { regencyCode: rel === 'own' ? OWN : OTHER, siteId });
      return {
        method: 'POST',
        url: `/api/sites/${siteId}/person-lists`,
        payload: { source: 'joint_verification', listDate: '2018-06-01', add: [{ personId: newcomer }], drop: [{ personId, reason: 'Tidak memiliki e-KTP' }] },
      };
    },
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.deepEqual([res.json().version, res.json().addedCount, res.json().droppedCount], [2, 1, 1]),
  },
  'GET /api/person-lists/:id': {
    request: async (fx, _c, rel) => get(`/api/person-lists/${(await listed(fx, rel)).listId}`),
    allowed: 200,
    otherRegion: 404,
    check: (res, caller) => {
      const body = res.json();
      assert.equal(body.entries.length + body.hiddenCount, 1);
      if (caller.role === 'case_worker') assert.equal(body.entries.length, 0, 'a case worker sees only their caseload');
    },
  },
  'GET /api/person-lists/:id/diff': {
    request: async (fx, _c, rel) => get(`/api/person-lists/${(await listed(fx, rel)).listId}/diff`),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/programmes/:id/eligibility-rules': {
    request: async (fx, _c, rel) => get(`/api/programmes/${await programme(fx, rel)}/eligibility-rules`),
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.equal(res.json().current.rules.length, RULES.length),
  },
  'POST /api/programmes/:id/eligibility-rules': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/programmes/${await programme(fx, rel)}/eligibility-rules`, payload: { rules: RULES } }),
    // A provincial programme's rules belong to holders of the whole province: a Nunukan user may not change them.
    allowed: 403,
    otherRegion: 404,
  },
  'GET /api/programmes/:id/verifications': {
    request: async (fx, _c, rel) => {
      await listed(fx, 'own');
      await listed(fx, 'other');
      return get(`/api/programmes/${await programme(fx, rel)}/verifications?limit=200`);
    },
    allowed: 200,
    otherRegion: 404,
    check: (res, caller) => {
      onlyOwn(res.json().items, 'verification');
      if (caller.role === 'case_worker') assert.equal(res.json().total, 0, 'a case worker with no assigned person sees nobody');
    },
  },
  'POST /api/programmes/:id/verifications/evaluate': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/programmes/${await programme(fx, 'own')}/verifications/evaluate`,
      payload: { siteId: (await listed(fx, rel)).siteId },
    }),
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.equal(res.json().evaluated, 1),
  },
  'GET /api/programmes/:id/verifications/:personId': {
    request: async (fx, _c, rel) => {
      const l = await listed(fx, rel);
      return get(`/api/programmes/${await programme(fx, 'own')}/verifications/${l.personId}`);
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'PUT /api/programmes/:id/verifications/:personId/ektp': {
    request: async (fx, _c, rel) => {
      const l = await listed(fx, rel);
      return { method: 'PUT', url: `/api/programmes/${await programme(fx, 'own')}/verifications/${l.personId}/ektp`, payload: { seen: true } };
    },
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.equal(res.json().proposed, 'eligible'),
  },
  'POST /api/programmes/:id/verifications/:personId/evaluate': {
    request: async (fx, _c, rel) => {
      const l = await listed(fx, rel);
      return { method: 'POST', url: `/api/programmes/${await programme(fx, 'own')}/verifications/${l.personId}/evaluate` };
    },
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.equal(res.json().proposed, 'pending'),
  },
  'POST /api/programmes/:id/verifications/:personId/decision': {
    request: async (fx, _c, rel) => {
      const e = await evaluated(fx, rel);
      return {
        method: 'POST',
        url: `/api/programmes/${e.programmeId}/verifications/${e.personId}/decision`,
        payload: { decision: 'not_eligible', reason: 'Uji matriks: keputusan peninjau' },
      };
    },
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.equal(res.json().decision, 'not_eligible'),
  },
  'GET /api/programmes/:id/verval-funnel': {
    request: async (fx, _c, rel) => {
      await listed(fx, 'other');
      return get(`/api/programmes/${await programme(fx, rel)}/verval-funnel`);
    },
    allowed: 200,
    otherRegion: 404,
    check: (res) => onlyOwn(res.json().sites, 'funnel site'),
  },
  'GET /api/programmes/:id/verval-funnel.xlsx': {
    request: async (fx, _c, rel) => get(`/api/programmes/${await programme(fx, rel)}/verval-funnel.xlsx`),
    allowed: 200,
    otherRegion: 404,
  },
};
