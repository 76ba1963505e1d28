// The audit log's use cases: filters, the scope rule, audited reads, export.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuditQuerySchema, type AuditQuery } from '../../../common/audit.ts';
import type { AppError } from '../../platform/errors/app-error.ts';
import { audit, type AuditInput } from '../../platform/audit/audit.ts';
import { userContext } from '../../platform/audit/audit-test-helpers.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { freshDatabase } from '../../test/build-app.ts';
import { AuditService } from './audit.service.ts';

const q = (filters: Record<string, string> = {}): AuditQuery => AuditQuerySchema.parse(filters);

async function seeded(t: Parameters<typeof freshDatabase>[0]): Promise<Db> {
  const { db } = await freshDatabase(t);
  const events: Array<[string, AuditInput]> = [
    ['ani', { action: 'case.update', entityType: 'case', entityId: 1, regionCode: '65.03.02' }],
    ['ani', { action: 'case.update', entityType: 'case', entityId: 2, regionCode: '65.01' }],
    ['budi', { action: 'user.create', entityType: 'user', entityId: 9 }],
    ['budi', { action: 'person.reveal', entityType: 'person', entityId: 5, regionCode: '65.03', breakGlass: true, reason: 'Darurat' }],
    ['citra', { action: 'payment.approve', entityType: 'payment', entityId: 3, regionCode: '64.01', summary: { formula: '=HYPERLINK("x")' } }],
  ];
  for (const [username, event] of events) await inTransaction(db, (tx) => audit(tx, userContext({ username }), event));
  return db;
}

const national = userContext({ username: 'auditor.national' });

test('filters combine; newest first; pages', async (t) => {
  const service = new AuditService(await seeded(t));
  const seqs = async (filters: Record<string, string>) => (await service.list(national, q(filters))).items.map((e) => e.seq);
  assert.deepEqual(await seqs({ actor: 'ani' }), [2, 1]);
  assert.deepEqual(await seqs({ entityType: 'case', entityId: '2' }), [2]);
  assert.deepEqual(await seqs({ regionCode: '65.03' }), [4, 1]);
  assert.deepEqual(await seqs({ action: 'case.' }), [2, 1]);
  assert.deepEqual(await seqs({ action: 'case' }), []);
  assert.deepEqual(await seqs({ breakGlass: 'true' }), [4]);
  const today = new Date().toISOString().slice(0, 10);
  assert.deepEqual(await seqs({ from: today, to: today, entityType: 'user' }), [3]);
  assert.deepEqual(await seqs({ to: '2000-01-01' }), []);
  const page = await service.list(national, q({ actor: 'ani', limit: '1', offset: '1' }));
  assert.deepEqual([page.total, page.items.map((e) => e.seq)], [2, [1]]);
  const e = (await service.list(national, q({ breakGlass: 'true' }))).items[0]!;
  assert.deepEqual([e.actor.username, e.actor.roles, e.actor.scope, e.reason, e.breakGlass, e.requestId], ['budi', ['auditor'], 'national', 'Darurat', true, 'req-12345678']);
});

test('"from" after "to" is refused by the schema', () => {
  assert.equal(AuditQuerySchema.safeParse({ from: '2024-02-02', to: '2024-02-01' }).success, false);
});

test('a regional auditor sees only events within their region, none without a region', async (t) => {
  const service = new AuditService(await seeded(t));
  const regency = userContext({ username: 'auditor.nunukan', scope: { level: 'regency', code: '65.03' } });
  assert.deepEqual((await service.list(regency, q())).items.map((e) => e.seq), [4, 1]);
  const province = userContext({ username: 'auditor.kaltara', scope: { level: 'province', code: '65' } });
  assert.deepEqual((await service.list(province, q())).items.map((e) => e.seq), [4, 2, 1]);
  assert.deepEqual((await service.list(province, q({ regionCode: '64' }))).items, []);
});

test('reading the log is audited in the same transaction, with the filters', async (t) => {
  const db = await seeded(t);
  const service = new AuditService(db);
  await service.list(national, q({ actor: 'ani', limit: '10' }));
  const [read] = (await service.list(national, q({ action: 'audit.read' }))).items;
  assert.equal(read!.actor.username, 'auditor.national');
  assert.deepEqual(read!.summary, { filters: { actor: 'ani' }, limit: 10, offset: 0, returned: 2, total: 2 });
  assert.equal((await verifyAuditChain(db)).ok, true);
});

test('permission is checked by the service too', async (t) => {
  const service = new AuditService(await seeded(t));
  const noAudit = userContext({ permissions: ['region.read'] });
  await assert.rejects(service.list(noAudit, q()), (e: AppError) => e.code === 'auth.forbidden');
  await assert.rejects(service.verify(noAudit), (e: AppError) => e.code === 'auth.forbidden');
  await assert.rejects(service.export(userContext({ permissions: ['audit.read'] }), { format: 'csv' }), (e: AppError) => e.code === 'auth.forbidden');
});

test('export: CSV safe against formula injection, JSON, audited; needs re-authentication; capped', async (t) => {
  const db = await seeded(t);
  const service = new AuditService(db);
  const csv = await service.export(national, { format: 'csv' });
  assert.match(csv.filename, /^audit-\d{8}\.csv$/);
  const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(lines[0], 'seq,at,actor_username,actor_user_id,actor_roles,actor_scope,action,entity_type,entity_id,region_code,request_id,ip,user_agent,reason,break_glass,summary,prev_hash,hash');
  assert.equal(lines.length, 6);
  assert.ok(lines[1]!.startsWith('5,'));
  assert.ok(lines[1]!.includes('"{""formula"":""=HYPERLINK(\\""x\\"")""}"'), lines[1]);
  const { csvCell } = await import('./audit.csv.ts');
  assert.deepEqual(['=1+1', '+x', '-2', '@SUM(A1)', 'plain', 'a,b'].map(csvCell), ["'=1+1", "'+x", "'-2", "'@SUM(A1)", 'plain', '"a,b"']);

  const json = await service.export(national, { format: 'json', actor: 'ani' });
  assert.deepEqual(JSON.parse(json.body).map((e: { seq: number }) => e.seq), [2, 1]);
  const exports = (await service.list(national, q({ action: 'audit.export' }))).items;
  assert.deepEqual(exports.map((e) => e.summary), [{ filters: { actor: 'ani' }, format: 'json', rows: 2 }, { filters: {}, format: 'csv', rows: 5 }]);

  const stale = userContext();
  (stale.actor as { reauthenticatedAt: Date | null }).reauthenticatedAt = null;
  await assert.rejects(service.export(stale, { format: 'csv' }), (e: AppError) => e.code === 'auth.reauth_required');
  const capped = new AuditService(db, { exportMaxRows: 3 });
  await assert.rejects(capped.export(national, { format: 'csv' }), (e: AppError) => {
    assert.equal(e.code, 'audit.export_too_large');
    assert.match(e.translate('en'), /more than the limit of 3\. Narrow the filter/);
    return true;
  });
});

test('checkpoint and verify', async (t) => {
  const db = await seeded(t);
  const service = new AuditService(db);
  const cp = await service.checkpoint(national);
  assert.deepEqual([cp.seq, cp.count], [5, 5]);
  const v = await service.verify(national);
  assert.deepEqual([v.ok, v.count, v.firstBroken], [true, 6, null]);
  const bad = await service.verify(national, [{ seq: 6, hash: 'f'.repeat(64) }]);
  assert.deepEqual(bad.firstBroken, { seq: 6, reason: 'checkpoint_mismatch' });
});
