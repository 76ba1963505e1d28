// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../../platform/auth/actor.ts';
import { type Fixture, type MatrixRows, OWN, type Relation, get, region } from '../../test/matrix.ts';
import { PDF, multipart } from '../sites/sites.matrix.ts';

const SYSTEM = cliContext('matrix');

/** A meeting recorded by the system in `regionCode`, with one decision and one action item. */
export async function makeMeeting(app: FastifyInstance, regionCode: string, opts: { title?: string; linkedRegions?: string[] } = {}) {
  const meeting = await app.services.meetings.create(SYSTEM, {
    type: 'rakor',
    title: opts.title ?? 'Rapat koordinasi penutupan lokalisasi',
    startsAt: '2018-05-18T01:00:00Z',
    endsAt: null,
    place: 'Nunukan',
    organiser: 'Dinsos Provinsi Kaltara',
    regionCode,
    programmeId: null,
    agenda: '',
    participants: [],
    regionCodes: opts.linkedRegions ?? [],
    siteIds: [],
  });
  const withDecision = await app.services.meetings.addDecision(SYSTEM, meeting.id, { text: 'Menggelar rapat teknis' });
  const item = await app.services.actionItems.create(SYSTEM, meeting.id, {
    title: 'Menyusun jadwal penutupan',
    decisionId: withDecision.decisions[0]!.id,
    ownerKind: 'institution',
    ownerInstitution: 'Dinsos Kabupaten Nunukan',
    dueDate: '2018-06-01',
    status: 'open',
  });
  return { id: meeting.id, decisionId: withDecision.decisions[0]!.id, actionItemId: item.id };
}

const meeting = (fx: Fixture, rel: Relation) => makeMeeting(fx.app, region(rel));

const inOwn = (code: string) => code === OWN || code.startsWith(`${OWN}.`);

export const rows: MatrixRows = {
  'GET /api/meetings': {
    request: () => get('/api/meetings?limit=200'),
    allowed: 200,
    check: (res) => {
      for (const m of res.json().items) assert.ok(inOwn(m.regionCode), `meeting outside the region listed: ${m.id} ${m.regionCode}`);
    },
  },
  'GET /api/meetings.xlsx': { request: () => get('/api/meetings.xlsx'), allowed: 200 },
  'POST /api/meetings': {
    request: (_fx, _c, rel) => ({
      method: 'POST',
      url: '/api/meetings',
      payload: { type: 'technical', title: 'Rapat teknis', startsAt: '2018-06-05T01:00:00Z', regionCode: region(rel) },
    }),
    allowed: 200,
    otherRegion: 403,
  },
  'GET /api/meetings/:id': { request: async (fx, _c, rel) => get(`/api/meetings/${(await meeting(fx, rel)).id}`), allowed: 200, otherRegion: 404 },
  'PATCH /api/meetings/:id': {
    request: async (fx, _c, rel) => ({ method: 'PATCH', url: `/api/meetings/${(await meeting(fx, rel)).id}`, payload: { minutes: 'Notulen rapat' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/meetings/:id/decisions': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/meetings/${(await meeting(fx, rel)).id}/decisions`, payload: { text: 'Pendataan ulang pekerja' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'PATCH /api/meetings/:id/decisions/:decisionId': {
    request: async (fx, _c, rel) => {
      const m = await meeting(fx, rel);
      return { method: 'PATCH', url: `/api/meetings/${m.id}/decisions/${m.decisionId}`, payload: { text: 'Menggelar rapat teknis pada Juni' } };
    },
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/meetings/:id/action-items': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/meetings/${(await meeting(fx, rel)).id}/action-items`,
      payload: { title: 'Sosialisasi kepada pekerja', ownerKind: 'institution', ownerInstitution: 'Pemkab Nunukan', dueDate: '2018-07-01' },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/meetings/:id/attachments': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/meetings/${(await meeting(fx, rel)).id}/attachments`,
      ...multipart({ name: 'notulen.pdf', type: 'application/pdf', bytes: PDF }),
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/meetings/:id/attachments/:fileId': {
    request: async (fx, _c, rel) => {
      const { id } = await meeting(fx, rel);
      const m = await fx.app.services.meetings.uploadAttachment(SYSTEM, id, { filename: 'notulen.pdf', declaredType: 'application/pdf', bytes: PDF });
      return get(`/api/meetings/${id}/attachments/${m.attachments[0]!.fileId}`);
    },
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/action-items': {
    request: () => get('/api/action-items?limit=200'),
    allowed: 200,
    check: (res) => {
      for (const a of res.json().items) assert.ok(inOwn(a.regionCode), `action item outside the region listed: ${a.id} ${a.regionCode}`);
    },
  },
  'GET /api/action-items.xlsx': { request: () => get('/api/action-items.xlsx?overdue=true'), allowed: 200 },
  'GET /api/action-items/by-owner': { request: () => get('/api/action-items/by-owner'), allowed: 200 },
  'PATCH /api/action-items/:id': {
    request: async (fx, _c, rel) => ({ method: 'PATCH', url: `/api/action-items/${(await meeting(fx, rel)).actionItemId}`, payload: { status: 'in_progress' } }),
    allowed: 200,
    otherRegion: 404,
  },
};
