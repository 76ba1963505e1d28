// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import assert from 'node:assert/strict';
import { cliContext } from '../../platform/auth/actor.ts';
import { type Fixture, type MatrixRows, OWN, type Relation, get, region } from '../../test/matrix.ts';
import { multipart } from '../sites/sites.matrix.ts';
import { PNG_1PX, makeDraft, makeIssued, makeUnit } from './letters.fixtures.ts';

const unitIn = (fx: Fixture, rel: Relation) => makeUnit(fx.app, region(rel));
const draftIn = async (fx: Fixture, rel: Relation) => makeDraft(fx.app, (await unitIn(fx, rel)).id);
let code = 0;
const SYSTEM = cliContext('matrix');
const logoUpload = () => multipart({ name: 'logo.png', type: 'image/png', bytes: PNG_1PX });
const unitWithLogo = async (fx: Fixture, rel: Relation) => {
  const unit = await unitIn(fx, rel);
  await fx.app.services.letterUnits.putLogo(SYSTEM, unit.id, { filename: 'logo.png', declaredType: 'image/png', bytes: PNG_1PX });
  return unit;
};

export const rows: MatrixRows = {
  'GET /api/letter-units': {
    request: () => get('/api/letter-units'),
    allowed: 200,
    check: (res) => {
      for (const u of res.json().items) assert.ok(u.regionCode.startsWith(OWN), `unit outside the region listed: ${u.code}`);
    },
  },
  'POST /api/letter-units': {
    request: (_fx, _c, rel) => ({ method: 'POST', url: '/api/letter-units', payload: { code: `MX-${++code}`, name: 'Dinas Sosial', regionCode: region(rel) } }),
    allowed: 200,
    otherRegion: 403,
  },
  'PATCH /api/letter-units/:id': {
    request: async (fx, _c, rel) => ({ method: 'PATCH', url: `/api/letter-units/${(await unitIn(fx, rel)).id}`, payload: { phone: '(0552) 1234' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/letter-units/:id/templates': {
    request: async (fx, _c, rel) => get(`/api/letter-units/${(await unitIn(fx, rel)).id}/templates`),
    allowed: 200,
    otherRegion: 404,
  },
  'PUT /api/letter-units/:id/templates/:type': {
    request: async (fx, _c, rel) => ({ method: 'PUT', url: `/api/letter-units/${(await unitIn(fx, rel)).id}/templates/undangan`, payload: { body: 'Mengundang {recipient}.' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'PUT /api/letter-units/:id/logo': {
    request: async (fx, _c, rel) => ({ method: 'PUT', url: `/api/letter-units/${(await unitIn(fx, rel)).id}/logo`, ...logoUpload() }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/letter-units/:id/logo': { request: async (fx, _c, rel) => get(`/api/letter-units/${(await unitWithLogo(fx, rel)).id}/logo`), allowed: 200, otherRegion: 404 },
  'DELETE /api/letter-units/:id/logo': {
    request: async (fx, _c, rel) => ({ method: 'DELETE', url: `/api/letter-units/${(await unitWithLogo(fx, rel)).id}/logo` }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/letters.xlsx': { request: () => get('/api/letters.xlsx?status=issued'), allowed: 200 },
  'GET /api/letter-recipients': {
    request: async (fx, _c, rel) => (await makeIssued(fx.app, (await unitIn(fx, rel)).id), get('/api/letter-recipients?limit=200')),
    allowed: 200,
    check: (res) => {
      for (const r of res.json().items) assert.ok(r.letter.unit.regionCode.startsWith(OWN), `recipient of a letter outside the region listed: ${r.id}`);
    },
  },
  'GET /api/letter-recipients.xlsx': { request: () => get('/api/letter-recipients.xlsx?overdue=true'), allowed: 200 },
  'GET /api/letters': {
    request: () => get('/api/letters'),
    allowed: 200,
    check: (res) => {
      for (const l of res.json().items) assert.ok(l.unit.regionCode.startsWith(OWN), `letter outside the region listed: ${l.id}`);
    },
  },
  'POST /api/letters': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: '/api/letters',
      payload: { unitId: (await unitIn(fx, rel)).id, type: 'undangan', letterDate: '2018-05-18', subject: 'Rapat koordinasi' },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/letters/:id': { request: async (fx, _c, rel) => get(`/api/letters/${(await draftIn(fx, rel)).id}`), allowed: 200, otherRegion: 404 },
  'PATCH /api/letters/:id': {
    request: async (fx, _c, rel) => ({ method: 'PATCH', url: `/api/letters/${(await draftIn(fx, rel)).id}`, payload: { subject: 'Rapat teknis' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/letters/:id/issue': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/letters/${(await draftIn(fx, rel)).id}/issue` }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/letters/:id/pdf': { request: async (fx, _c, rel) => get(`/api/letters/${(await draftIn(fx, rel)).id}/pdf`), allowed: 200, otherRegion: 404 },
  'POST /api/letters/:id/recipients': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/letters/${(await draftIn(fx, rel)).id}/recipients`,
      payload: { recipients: [{ recipient: 'Bupati Nunukan', regionCode: '65.03' }] },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'PATCH /api/letters/:id/recipients/:recipientId': {
    request: async (fx, _c, rel) => {
      const letter = await makeIssued(fx.app, (await unitIn(fx, rel)).id);
      return { method: 'PATCH', url: `/api/letters/${letter.id}/recipients/${letter.recipients![0]!.id}`, payload: { sentOn: '2018-05-19' } };
    },
    allowed: 200,
    otherRegion: 404,
  },
};
