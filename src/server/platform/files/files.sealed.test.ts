// The file store sealed at rest, through HTTP: a case-note attachment and a meeting
// attachment leave no plaintext bytes, name or digest in any column of the database;
// downloads give back the bytes and the name; an app with another master key cannot open
// them (a clear file.unreadable, no details); a ciphertext moved to another row does not
// open there; legacy plaintext rows are served until `files seal` seals them.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { rotateKeys } from '../../modules/keys/keys.rotation.ts';
import { makeCase, clientOf } from '../../modules/cases/cases.test-support.ts';
import { setup } from '../../modules/meetings/meetings.fixtures.ts';
import { multipart } from '../../modules/sites/sites.matrix.ts';
import { TEST_MASTER_KEY, testConfig } from '../../test/build-app.ts';
import { scanDatabase } from '../../test/plaintext-scan.ts';
import { asUser } from '../../test/users.ts';
import { cliContext } from '../auth/actor.ts';
import { KeyWrapper, RecordSealer } from '../crypto/envelope.ts';
import { keyRing } from '../crypto/key-provider.ts';
import { masterKeyFrom } from '../crypto/master-key.ts';
import { assertNoPlaintextFiles, countPlaintextFiles, PlaintextFilesError, sealLegacyFiles } from './legacy-files.ts';

const MARKER = 'SIDIK-RAHASIA-7f3a';
/** A PNG (sniffed by its signature) carrying a marker, as an ID scan's text chunk might. */
const SCAN = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`tEXtComment\0NIK 6503024507850011 ${MARKER}`), Buffer.alloc(256, 3)]);
const MINUTES = Buffer.from(`%PDF-1.4\n1 0 obj << /Title (${MARKER} notulen) >> endobj\ntrailer <<>>\n%%EOF\n`);
const SCAN_NAME = 'KTP_Siti_Aminah_Fiktif.png';
const MINUTES_NAME = 'Notulen rapat Siti Aminah Fiktif.pdf';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const OTHER_KEY = masterKeyFrom(Buffer.alloc(32, 99).toString('base64'));
/** The meetings fixture's clock (its sessions are of that day). */
const clock = () => new Date('2018-05-18T02:00:00Z');

async function uploadBoth(t: Parameters<typeof setup>[0]) {
  const fx = await setup(t);
  const { app, as, province } = fx;
  const { meeting } = await fx.rakor();
  const attached = await as(province).upload(`/api/meetings/${meeting.id}/attachments`, { name: MINUTES_NAME, type: 'application/pdf', bytes: MINUTES });
  assert.equal(attached.statusCode, 200, attached.body);
  const meetingFile = attached.json().attachments[0];

  const workerS = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const caseId = await makeCase(app, { caseWorkerId: workerS.user.id });
  const worker = clientOf(app, workerS.headers);
  const N = `/api/cases/${caseId}/notes`;
  const note = await worker.post(N, { text: 'Salinan KTP diterima.', confidential: true });
  assert.equal(note.statusCode, 200, note.body);
  const body = multipart({ name: SCAN_NAME, type: 'image/png', bytes: SCAN });
  const up = await app.inject({ method: 'POST', url: `${N}/${note.json().id}/attachments`, headers: { ...workerS.headers, ...body.headers }, payload: body.payload });
  assert.equal(up.statusCode, 200, up.body);
  const scanFile = up.json().attachments[0];
  return {
    ...fx,
    worker,
    meetingUrl: `/api/meetings/${meeting.id}`,
    meetingFileUrl: `/api/meetings/${meeting.id}/attachments/${meetingFile.fileId}`,
    meetingFile,
    notesUrl: N,
    scanUrl: `${N}/${note.json().id}/attachments/${scanFile.fileId}`,
    scanFile,
  };
}

test('uploads are sealed: no plaintext bytes, name or digest anywhere in the database; downloads and listings give them back', async (t) => {
  const fx = await uploadBoth(t);
  const { database, as, province, worker } = fx;

  const rows = await database.db.selectFrom('stored_file').selectAll().orderBy('id').execute();
  assert.equal(rows.length, 2);
  for (const r of rows) {
    assert.deepEqual([r.content, r.original_name, r.sha256], [null, null, null], 'nothing in the legacy clear columns');
    assert.ok(r.content_ct && r.meta_ct && r.dek_wrapped);
    assert.equal(r.key_id, TEST_MASTER_KEY.id);
    for (const col of [r.content_ct, r.meta_ct, r.dek_wrapped]) {
      const text = Buffer.from(col).toString('latin1');
      assert.ok(!text.includes(MARKER) && !text.includes('Siti') && !text.includes('%PDF') && !text.includes('PNG'), 'no plaintext inside the sealed columns');
    }
  }
  // Every text, json and bytea column of every table (audit log included).
  const found = await scanDatabase(database, [MARKER, 'Siti_Aminah', 'Siti Aminah', sha(SCAN), sha(MINUTES), '6503024507850011']);
  assert.deepEqual(found, []);

  // Listings open the name (and digest) from the sealed metadata.
  const detail = (await as(province).get(fx.meetingUrl)).json();
  assert.deepEqual([detail.attachments[0].originalName, detail.attachments[0].sha256], [MINUTES_NAME, sha(MINUTES)]);
  const notes = (await worker.get(fx.notesUrl)).json();
  assert.equal(notes.items[0].attachments[0].name, SCAN_NAME);

  // Downloads give back the original bytes and name.
  const m = await as(province).get(fx.meetingFileUrl);
  assert.equal(m.statusCode, 200);
  assert.deepEqual(m.rawPayload, MINUTES);
  assert.match(String(m.headers['content-disposition']), /filename="Notulen rapat Siti Aminah Fiktif.pdf"/);
  const s = await worker.get(fx.scanUrl);
  assert.equal(s.statusCode, 200);
  assert.deepEqual(s.rawPayload, SCAN);
  assert.equal(s.headers['content-type'], 'image/png');
  assert.match(String(s.headers['content-disposition']), /filename="KTP_Siti_Aminah_Fiktif.png"/);
});

test('another master key cannot open the files: a clear file.unreadable without details; a sealed file moved to another row does not open', async (t) => {
  const fx = await uploadBoth(t);
  const { database, province } = fx;
  const other = await buildApp({ config: testConfig(), database, logger: false, masterKey: OTHER_KEY, clock });
  t.after(() => other.close());
  const get = (url: string, headers: Record<string, string>) => other.inject({ method: 'GET', url, headers: { ...headers, 'accept-language': 'en' } });

  for (const [url, headers] of [
    [fx.meetingFileUrl, province.headers],
    [fx.meetingUrl, province.headers],
  ] as const) {
    const res = await get(url, headers);
    assert.equal(res.statusCode, 500, res.body);
    const error = res.json().error;
    assert.equal(error.code, 'file.unreadable');
    assert.match(error.message, /encryption key is not available on this server/);
    assert.doesNotMatch(res.body, /stored_file|authentication|wrapped|EnvelopeError|Siti|MASTER_KEY/);
  }

  // Swap the sealed columns of the two files: the ids are in the AADs, so neither opens.
  const [a, b] = await database.db.selectFrom('stored_file').select(['id', 'content_ct', 'meta_ct', 'dek_wrapped', 'key_id']).orderBy('id').execute();
  const sealed = (r: typeof a) => ({ content_ct: r!.content_ct, meta_ct: r!.meta_ct, dek_wrapped: r!.dek_wrapped, key_id: r!.key_id });
  await database.db.updateTable('stored_file').set(sealed(b)).where('id', '=', a!.id).execute();
  await database.db.updateTable('stored_file').set(sealed(a)).where('id', '=', b!.id).execute();
  const moved = await fx.as(province, 'en').get(fx.meetingFileUrl);
  assert.equal(moved.statusCode, 500);
  assert.equal(moved.json().error.code, 'file.unreadable');
  assert.equal((await fx.worker.get(fx.scanUrl)).json().error.code, 'file.unreadable');
});

test('legacy plaintext files: served until sealed; sealing is resumable, audited with counts, and the start-up check passes after it', async (t) => {
  const { database, as, province, rakor } = await setup(t);
  const { meeting } = await rakor();
  const legacy = async (name: string, bytes: Buffer) => {
    const row = await database.db
      .insertInto('stored_file')
      .values({ sha256: sha(bytes), size_bytes: bytes.length, content_type: 'application/pdf', original_name: name, content: bytes, created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.insertInto('meeting_attachment').values({ meeting_id: meeting.id, file_id: row.id, created_by: null }).execute();
    return row.id;
  };
  const docs = [0, 1, 2].map((i) => Buffer.from(`%PDF-1.4\n% ${MARKER} ${i}\n%%EOF\n`));
  const ids = [await legacy('Daftar Siti Aminah 0.pdf', docs[0]!), await legacy('Daftar 1.pdf', docs[1]!), await legacy('Daftar 2.pdf', docs[2]!)];
  // A new upload beside them is sealed.
  assert.equal((await as(province).upload(`/api/meetings/${meeting.id}/attachments`, { name: 'baru.pdf', type: 'application/pdf', bytes: docs[0]! })).statusCode, 200);

  assert.equal(await countPlaintextFiles(database.db), 3);
  await assert.rejects(assertNoPlaintextFiles(database.db), (e: Error) => e instanceof PlaintextFilesError && /3 uploaded file\(s\).*tuntas files seal/.test(e.message));
  const before = await as(province).get(`/api/meetings/${meeting.id}/attachments/${ids[0]}`);
  assert.equal(before.statusCode, 200, 'a legacy row is still served');
  assert.deepEqual(before.rawPayload, docs[0]);
  assert.equal((await as(province).get(`/api/meetings/${meeting.id}`)).json().attachments[0].originalName, 'Daftar Siti Aminah 0.pdf');

  const sealer = new RecordSealer(new KeyWrapper(keyRing(TEST_MASTER_KEY)));
  const ctx = cliContext('test');
  const progress: string[] = [];
  const first = await sealLegacyFiles(database.db, sealer, ctx, { batchSize: 2, pauseMs: 0, progress: (d, n) => progress.push(`${d}/${n}`) });
  assert.deepEqual([first.sealed, first.remaining], [3, 0]);
  assert.deepEqual(progress, ['0/3', '2/3', '3/3']);
  const again = await sealLegacyFiles(database.db, sealer, ctx, { batchSize: 2, pauseMs: 0, progress: () => {} });
  assert.deepEqual([again.sealed, again.remaining], [0, 0], 'a second run finds nothing left');
  await assertNoPlaintextFiles(database.db);

  const rows = await database.db.selectFrom('stored_file').selectAll().where('id', 'in', ids).execute();
  for (const r of rows) assert.deepEqual([r.content, r.original_name, r.sha256, r.key_id], [null, null, null, TEST_MASTER_KEY.id]);
  assert.deepEqual(await scanDatabase(database, [MARKER, 'Siti Aminah']), []);
  for (const [i, id] of ids.entries()) {
    const res = await as(province).get(`/api/meetings/${meeting.id}/attachments/${id}`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.rawPayload, docs[i]);
  }
  const listed = (await as(province).get(`/api/meetings/${meeting.id}`)).json().attachments;
  assert.deepEqual(listed.slice(0, 3).map((a: { originalName: string; sha256: string }) => [a.originalName, a.sha256]), [
    ['Daftar Siti Aminah 0.pdf', sha(docs[0]!)],
    ['Daftar 1.pdf', sha(docs[1]!)],
    ['Daftar 2.pdf', sha(docs[2]!)],
  ]);
  const events = await database.db.selectFrom('audit_event').select(['action', 'summary']).where('action', '=', 'files.sealed').orderBy('seq').execute();
  assert.deepEqual(events.map((e) => e.summary), [{ sealed: 3, remaining: 0 }, { sealed: 0, remaining: 0 }]);

  // Key rotation (`tuntas keys rotate`'s engine, every declared kind): files re-wrapped, then some re-encrypted.
  const NEW = masterKeyFrom(Buffer.alloc(32, 5).toString('base64'));
  const sealedRow = (id: number) => database.db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const unrotated = await sealedRow(ids[1]!);
  const rotation = { batchSize: 2, pauseMs: 0, progress: () => {} };
  const rewrapped = await rotateKeys(database.db, keyRing(NEW, [TEST_MASTER_KEY]), ctx, { ...rotation, reencrypt: false });
  assert.ok(Number(rewrapped.storedFiles) >= 3, 'every sealed file re-wrapped');
  const after = await sealedRow(ids[1]!);
  assert.equal(after.key_id, NEW.id);
  assert.deepEqual([Buffer.from(after.content_ct!), Buffer.from(after.meta_ct!)], [Buffer.from(unrotated.content_ct!), Buffer.from(unrotated.meta_ct!)], 're-wrapping keeps the ciphertexts');
  await rotateKeys(database.db, keyRing(NEW), ctx, { ...rotation, reencrypt: true });
  const fresh = await sealedRow(ids[1]!);
  assert.notDeepEqual(Buffer.from(fresh.content_ct!), Buffer.from(unrotated.content_ct!), 're-encrypting makes new ciphertexts');
  const onlyNew = await buildApp({ config: testConfig(), database, logger: false, masterKey: NEW, keys: keyRing(NEW), clock });
  t.after(() => onlyNew.close());
  for (const i of [0, 1, 2]) {
    const res = await onlyNew.inject({ method: 'GET', url: `/api/meetings/${meeting.id}/attachments/${ids[i]}`, headers: province.headers });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.rawPayload, docs[i]);
  }
});
