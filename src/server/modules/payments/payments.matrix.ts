// Authorization-matrix rows of payments. Matrix users work in Nunukan (65.03); "other"
// records are batches of Bulungan (65.01), prepared and approved by users of that region.
// A record is made fresh for the role that may change it, and shared by the others.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { RoleKey } from '../../../common/permissions.ts';
import type { Caller, Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { OWN, get, region } from '../../test/matrix.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { multipart } from '../sites/sites.matrix.ts';
import { fund, makeAidProgramme, makeBeneficiary } from './payments.test-support.ts';

type Stage = 'prepared' | 'approved' | 'sent' | 'paid' | 'mismatch';
interface Made {
  batchId: number;
  programmeId: number;
  paymentId: number;
  personId: number;
  mismatchId: number | null;
}

let n = 0;
const idem = () => ({ 'idempotency-key': `matrix-${process.pid}-${++n}` });

const users = new WeakMap<Fixture, Map<string, Promise<SignedIn>>>();
/** A re-authenticated user of a role in the record's region (not the matrix's own users). */
function userOf(fx: Fixture, role: RoleKey, rel: Relation): Promise<SignedIn> {
  const map = users.get(fx) ?? new Map<string, Promise<SignedIn>>();
  users.set(fx, map);
  const k = `${role}:${rel}`;
  let u = map.get(k);
  if (!u) {
    u = (async () => {
      const s = await asUser(fx.app, { roles: [role], scope: region(rel) });
      await fx.app.inject({ method: 'POST', url: '/api/auth/reauth', headers: s.headers, payload: { password: s.password } });
      return s;
    })();
    map.set(k, u);
  }
  return u;
}

async function ok(fx: Fixture, s: SignedIn, req: InjectOptions) {
  const res = await fx.app.inject({ ...req, headers: { ...req.headers, ...s.headers, ...idem() } });
  assert.ok(res.statusCode < 300, `${req.method} ${req.url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A programme with one beneficiary in the region, funded; the batch brought to the stage. */
async function make(fx: Fixture, rel: Relation, stage: Stage): Promise<Made> {
  const p = await makeAidProgramme(fx.app, fx.db);
  const b = await makeBeneficiary(fx.app, fx.db, p, { regency: region(rel), codes: ['UEP'] });
  await fund(fx.db, p, 1_000_000_000);
  const finance = await userOf(fx, 'finance_officer', rel);
  const prepared = await ok(fx, finance, { method: 'POST', url: '/api/payment-batches', payload: { programmeId: p.programmeId } });
  const batch = prepared.batch;
  const made: Made = { batchId: batch.id, programmeId: p.programmeId, paymentId: batch.payments[0].id, personId: b.personId, mismatchId: null };
  if (stage === 'prepared') return made;
  await ok(fx, await userOf(fx, 'head_of_office', rel), { method: 'POST', url: `/api/payment-batches/${batch.id}/approve`, payload: { version: 1 } });
  if (stage === 'approved') return made;
  await ok(fx, finance, { method: 'POST', url: `/api/payment-batches/${batch.id}/send`, payload: { version: 2 } });
  if (stage === 'sent') return made;
  const line = stage === 'paid' ? `${batch.payments[0].reference},3000000,paid` : 'PB-2018-999999-0001,1,paid';
  const r = await ok(fx, finance, resultUpload(batch.id, `reference,amount,status\n${line}\n`));
  made.mismatchId = r.mismatches[0]?.id ?? null;
  return made;
}

function resultUpload(batchId: number, csv: string): InjectOptions {
  const bytes = Buffer.from(csv);
  const body = multipart({ name: 'hasil.csv', type: 'text/csv', bytes });
  return { method: 'POST', url: `/api/payment-batches/${batchId}/reconciliations?sha256=${createHash('sha256').update(bytes).digest('hex')}`, headers: body.headers, payload: body.payload };
}

const shared = new WeakMap<Fixture, Map<string, Promise<Made>>>();
/** A record for a request: fresh for the role that may change it, shared by everyone else. */
function record(fx: Fixture, rel: Relation, stage: Stage, caller?: Caller, changer?: RoleKey): Promise<Made> {
  if (caller && caller.role === changer) return make(fx, rel, stage);
  const map = shared.get(fx) ?? new Map<string, Promise<Made>>();
  shared.set(fx, map);
  const k = `${rel}:${stage}`;
  let m = map.get(k);
  if (!m) {
    m = make(fx, rel, stage);
    map.set(k, m);
  }
  return m;
}

const post = (url: string, payload: object): InjectOptions => ({ method: 'POST', url, headers: idem(), payload });

export const rows: MatrixRows = {
  'GET /api/payment-batches': {
    request: async (fx, _c, rel) => (await record(fx, rel, 'prepared'), get('/api/payment-batches')),
    allowed: 200,
    check: (res) => {
      for (const b of res.json().items) assert.ok(b.regionCode?.startsWith(OWN), `batch outside the region: ${b.reference}`);
    },
  },
  'GET /api/payment-batches/candidates': {
    request: async (fx, _c, rel) => get(`/api/payment-batches/candidates?programmeId=${(await record(fx, 'own', 'prepared')).programmeId}&region=${region(rel)}`),
    allowed: 200,
    otherRegion: 403,
  },
  'POST /api/payment-batches': {
    request: async (fx, c, rel) => {
      const p = await makeAidProgramme(fx.app, fx.db);
      if (c.role === 'finance_officer' && rel === 'own') await makeBeneficiary(fx.app, fx.db, p, { regency: OWN, codes: ['UEP'] });
      return post('/api/payment-batches', { programmeId: p.programmeId, region: region(rel) });
    },
    allowed: 200,
    otherRegion: 403,
  },
  'GET /api/payment-batches/:id': {
    request: async (fx, _c, rel) => get(`/api/payment-batches/${(await record(fx, rel, 'prepared')).batchId}`),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/payment-batches/:id/approve': {
    request: async (fx, c, rel) => post(`/api/payment-batches/${(await record(fx, rel, 'prepared', c, 'head_of_office')).batchId}/approve`, { version: 1 }),
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.equal(res.json().status, 'approved'),
  },
  'POST /api/payment-batches/:id/reject': {
    request: async (fx, c, rel) => post(`/api/payment-batches/${(await record(fx, rel, 'prepared', c, 'head_of_office')).batchId}/reject`, { version: 1, reason: 'Data rekening perlu dicek ulang' }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/payment-batches/:id/bank-file': {
    request: async (fx, _c, rel) => get(`/api/payment-batches/${(await record(fx, rel, 'approved')).batchId}/bank-file`),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/payment-batches/:id/send': {
    request: async (fx, c, rel) => post(`/api/payment-batches/${(await record(fx, rel, 'approved', c, 'finance_officer')).batchId}/send`, { version: 2 }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/payment-batches/return-unclaimed': {
    request: () => post('/api/payment-batches/return-unclaimed', { year: 2000 }),
    allowed: 200,
  },
  'GET /api/payment-bank-formats': { request: () => get('/api/payment-bank-formats'), allowed: 200 },
  'PUT /api/payment-bank-formats/:bankCode': {
    request: () => ({
      method: 'PUT',
      url: '/api/payment-bank-formats/MATRIX',
      headers: idem(),
      payload: { name: 'Bank Matriks', separator: ',', header: true, dateFormat: 'YYYY-MM-DD', columns: [{ header: 'REF', field: 'reference' }] },
    }),
    allowed: 200,
  },
  'POST /api/payment-batches/:id/reconciliations': {
    request: async (fx, c, rel) => {
      const m = await record(fx, rel, 'sent', c, 'finance_officer');
      const req = resultUpload(m.batchId, `reference,amount,status\nPB-2018-999998-0001,1,failed\n`);
      return { ...req, headers: { ...req.headers, ...idem() } };
    },
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/payment-mismatches/:id/resolve': {
    request: async (fx, c, rel) => post(`/api/payment-mismatches/${(await record(fx, rel, 'mismatch', c, 'finance_officer')).mismatchId}/resolve`, { resolution: 'Bukan transfer dari batch ini' }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/payments/:id/receipt': {
    request: async (fx, _c, rel) => get(`/api/payments/${(await record(fx, rel, 'paid')).paymentId}/receipt`),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/payments/:id/receipt': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/payments/${(await record(fx, rel, 'paid')).paymentId}/receipt`, payload: { reason: 'Arsip bendahara pengeluaran' } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 403,
  },
  'GET /api/persons/:id/payments': {
    request: async (fx, _c, rel) => get(`/api/persons/${(await record(fx, rel, 'sent')).personId}/payments`),
    allowed: 200,
    otherRegion: 404,
  },
};
