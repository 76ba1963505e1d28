import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockingKeys, clustersOf, exactNikClusters, findDuplicates, MATCH_THRESHOLD, normalizeName, prepare, scorePrepared } from './index.ts';
import { blockRecords } from './find.ts';
import { scoreAt, scoreRange } from './score.ts';

const joined = (name: string) => normalizeName(name).joined;

test('names: old and new spelling, doubled letters, spacing, honorifics, the parent’s name and Muhammad meet', () => {
  assert.equal(joined('Soeharti'), joined('Suharti'), 'oe/u');
  assert.equal(joined('Djoko'), joined('Joko'), 'dj/j');
  assert.equal(joined('Tjahjo'), joined('Cahyo'), 'tj/c and old j/y');
  assert.equal(joined('Sjarifah'), joined('Syarifah'), 'sj/sy');
  assert.equal(joined('Njoman'), joined('Nyoman'), 'nj/ny');
  assert.equal(joined('Chadijah'), joined('Khadijah'), 'ch/kh');
  assert.equal(joined('Annisa'), joined('Anisa'), 'doubled letters');
  assert.equal(joined('Nurhaliza'), joined('Nur Haliza'), 'spacing');
  assert.equal(joined('Hj. Siti Aminah'), joined('Siti Aminah'));
  assert.equal(joined('Ibu Siti Aminah, S.Pd'), joined('siti aminah'));
  assert.equal(joined('Ny. Siti Aminah binti Ahmad'), joined('Siti Aminah'), 'binti and what follows');
  assert.equal(joined('Hadjjah Siti'), joined('Siti'), 'an honorific in old spelling');
  for (const m of ['Mochammad Rizky', 'Moh. Rizky', 'M. Rizky', 'Muhamad Rizky', 'Mohammad Rizky']) assert.equal(joined(m), joined('Muhammad Rizky'), m);
  assert.deepEqual(normalizeName('Dewi  Sartika').tokens, ['dewi', 'sartika']);
  assert.notEqual(joined('Siti Aminah'), joined('Siti Aisyah'));
});

test('scores: a day/month swap or one digit off still matches; another sex, other NIKs or another birth date do not', () => {
  const p = (name: string, extra: object = {}) => prepare({ id: name, name, sex: 'female', ...extra });
  const base = p('Siti Nurhaliza Fiktif', { birthDate: '1990-04-11' });
  const swapped = scorePrepared(base, p('Hj. Siti Nur Haliza Fiktif', { birthDate: '1990-11-04' }));
  assert.ok(swapped.score >= 0.87 && swapped.reasons.includes('birth_date_swapped'), JSON.stringify(swapped));
  const typo = scorePrepared(base, p('Siti Noerhaliza Fiktif', { birthDate: '1990-04-12' }));
  assert.ok(typo.score >= 0.87 && typo.reasons.includes('birth_date_typo'), JSON.stringify(typo));
  const otherSex = scorePrepared(base, prepare({ id: 'x', name: 'Siti Nurhaliza Fiktif', birthDate: '1990-04-11', sex: 'male' }));
  assert.ok(otherSex.score < 0.87 && otherSex.reasons.includes('sex_differs'));
  const otherNik = scorePrepared(p('Siti Nurhaliza', { birthDate: '1990-04-11', nik: '6503025104900001' }), p('Siti Nurhaliza', { birthDate: '1990-04-11', nik: '6503025104900002' }));
  assert.ok(otherNik.score < 0.87 && otherNik.reasons.includes('nik_differs'));
  const otherDate = scorePrepared(base, p('Siti Nurhaliza Fiktif', { birthDate: '1975-09-30' }));
  assert.ok(otherDate.score < 0.87, JSON.stringify(otherDate));
  assert.deepEqual(scorePrepared(p('A B', { nik: '6503025104900001' }), p('C D', { nik: '6503 0251 0490 0001' })), { score: 1, reasons: ['same_nik'] });
});

test('blocking keys are computed from one record and shared by its variants; clusters are transitive and sorted', () => {
  const a = blockingKeys({ id: '1', name: 'Nurhaliza Fiktif', birthDate: '1990-04-11' });
  const b = blockingKeys({ id: '2', name: 'Hj. Nur Haliza Fiktif', birthDate: '1990-11-04' });
  assert.ok(a.some((k) => b.includes(k)), 'spelling and swapped date share a key');
  const { pairs } = blockRecords([
    { id: '1', name: 'Nurhaliza Fiktif', birthDate: '1990-04-11' },
    { id: '2', name: 'Wati Susanti', birthDate: '1985-07-17' },
    { id: '3', name: 'Hj. Nur Haliza Fiktif', birthDate: '1990-11-04' },
  ]);
  assert.deepEqual([...pairs], [0, 2]);
  assert.deepEqual(clustersOf([{ a: '10', b: '2' }, { a: '2', b: '3' }, { a: '7', b: '8' }]), [['2', '3', '10'], ['7', '8']]);
  assert.deepEqual(exactNikClusters([{ id: 'a', name: '', nik: '6503025104900001' }, { id: 'b', name: '', nik: '6503.0251.0490.0001' }, { id: 'c', name: '', nik: '1' }]), [['a', 'b']]);
});

test('findDuplicates scores in worker threads with the same answer as in place', async () => {
  const records = Array.from({ length: 400 }, (_, i) => ({ id: `r${i}`, name: `Siti Fiktif ${'abcdefghij'[i % 10]}${'klmnopqrst'[Math.floor(i / 10) % 10]}`, birthDate: `19${70 + (i % 20)}-01-0${1 + (i % 9)}`, sex: 'female' as const }));
  const many = [...records, ...records.map((r) => ({ ...r, id: `${r.id}-copy`, name: `Hj. ${r.name}` }))];
  const inWorkers = await findDuplicates(many, { workers: 2, inPlaceBelow: 0 });
  const inPlace = await findDuplicates(many, { workers: 0 });
  assert.deepEqual(inWorkers.clusters, inPlace.clusters);
  assert.ok(inWorkers.clusters.some((c) => c.includes('r5') && c.includes('r5-copy')));
});

test('term frequencies: without a birth date a common name proves nothing, a rare one still matches; an empty name never', async () => {
  const common = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, name: 'Siti Aminah', birthDate: `19${60 + i}-05-17`, sex: 'female' as const }));
  const others = Array.from({ length: 30 }, (_, i) => ({ id: `o${i}`, name: `Wati ${'abcdefghijklmnopqrstuvwxyzabcd'[i]}${'klmnopqrstuvwxyzabcdefghijklmn'[i]}rani`, birthDate: `19${60 + i}-02-03` }));
  const { pairs } = await findDuplicates([
    ...common,
    ...others,
    { id: 'dateless', name: 'Ny. Siti Aminah', sex: 'female' },
    { id: 'rare', name: 'Zulaikha Kirananingtyas', birthDate: '1977-08-09', sex: 'female' },
    { id: 'rare-dateless', name: 'Zoelaikha Kirananingtyas binti Salim', sex: 'female' },
  ]);
  assert.ok(!pairs.some((p) => p.a === 'dateless' || p.b === 'dateless'), JSON.stringify(pairs));
  assert.ok(pairs.some((p) => p.a === 'rare' && p.b === 'rare-dateless'), JSON.stringify(pairs));
  const empty = scorePrepared(prepare({ id: 'a', name: 'Ibu', birthDate: '1990-01-01', phone: '081234567890' }), prepare({ id: 'b', name: 'Hj.', birthDate: '1990-01-01' }));
  assert.ok(empty.score < 0.87, JSON.stringify(empty));
});

test('pairs that cannot reach the threshold are skipped before their names are compared, with the same answer', () => {
  const records = Array.from({ length: 300 }, (_, i) => ({
    id: `r${i}`,
    name: ['Siti Nurhaliza', 'Sri Wahyuni', 'Siti Noerhalisa'][i % 3]!,
    birthDate: `19${70 + (i % 7)}-0${1 + (i % 9)}-1${i % 10}`,
    sex: i % 11 === 0 ? ('male' as const) : ('female' as const),
  }));
  const { table, pairs } = blockRecords(records);
  const everyScore = [];
  for (let k = 0; k < pairs.length; k += 2) {
    const s = scoreAt(table, pairs[k]!, pairs[k + 1]!)!;
    if (s.score >= MATCH_THRESHOLD) everyScore.push(pairs[k]!, pairs[k + 1]!, Math.round(s.score * 1000), s.reasons);
  }
  assert.ok(everyScore.length > 0);
  assert.deepEqual([...scoreRange(table, pairs, 0, pairs.length / 2, MATCH_THRESHOLD)], everyScore);
});
