// The answer to an access request: the person's data as JSON and as an A4 PDF
// (pdfkit, like letters). Made on demand and never stored, so no copy of a
// decrypted identity stays in the database; the service audits each one.
import PDFDocument from 'pdfkit';
import { sql } from 'kysely';
import { formatDateMedium, formatDateTime } from '../../../common/format.ts';
import type { IdentityField } from '../../../common/persons.ts';
import type { AccessExport } from '../../../common/registry-rights.ts';
import type { Tx } from '../../platform/db/database.ts';
import { consentOut } from './consents.service.ts';
import type { PersonRow } from './persons.repository.ts';
import type { StoredIdentity } from './persons.sealing.ts';
import { consentsOf, type SubjectRequestRow } from './subject-requests.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
/** Registers with their own section; every other table with a person_id column is listed generically. */
const OWN_TABLES = ['person_consent', 'subject_request'];
const MAX_ROWS = 500;

/** Values a JSON export can hold: bytes (ciphertexts, hashes) are left out, dates as ISO. */
function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (Buffer.isBuffer(v) || v instanceof Uint8Array) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

export async function collectAccessExport(
  tx: Tx,
  p: PersonRow,
  request: SubjectRequestRow,
  identity: StoredIdentity | null,
  withheld: AccessExport['identityWithheld'],
  now: Date,
): Promise<AccessExport> {
  const requests = await tx
    .selectFrom('subject_request')
    .select(['id', 'kind', 'status', 'received_at', 'answered_at'])
    .where('person_id', '=', p.id)
    .orderBy('received_at')
    .execute();
  // Lists, decisions and whatever other registers exist in this deployment: any table with a person_id column.
  const tables = await sql<{ table_name: string }>`
    select distinct table_name from information_schema.columns
     where table_schema = current_schema() and column_name = 'person_id'
     order by table_name`.execute(tx);
  const records: Record<string, Record<string, unknown>[]> = {};
  for (const { table_name } of tables.rows) {
    if (OWN_TABLES.includes(table_name)) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table_name)} where person_id = ${p.id} limit ${MAX_ROWS}`.execute(tx);
    if (rows.rows.length > 0) records[table_name] = rows.rows.map(plainRow);
  }
  const requestIds = requests.map((r) => String(r.id));
  const events = await tx
    .selectFrom('audit_event')
    .select(['at', 'action'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'person'), eb('entity_id', '=', String(p.id))]),
        ...(requestIds.length > 0 ? [eb.and([eb('entity_type', '=', 'subject_request'), eb('entity_id', 'in', requestIds)])] : []),
      ]),
    )
    .orderBy('seq')
    .limit(5000)
    .execute();
  return {
    generatedAt: iso(now),
    request: { id: request.id, kind: request.kind, receivedAt: iso(request.received_at), dueAt: iso(request.due_at) },
    person: {
      caseCode: p.case_code,
      alias: p.alias,
      regencyCode: p.regency_code,
      regencyName: p.regency_name ?? null,
      siteCode: p.site_code ?? null,
      sex: p.sex,
      lawfulBasis: p.lawful_basis,
      processingRestricted: p.processing_restricted,
      erased: p.erased_at !== null,
      createdAt: iso(p.created_at),
    },
    identity,
    identityWithheld: withheld,
    consents: (await consentsOf(tx, p.id)).map(consentOut),
    requests: requests.map((r) => ({ id: r.id, kind: r.kind, status: r.status, receivedAt: iso(r.received_at), answeredAt: r.answered_at ? iso(r.answered_at) : null })),
    records,
    events: events.map((e) => ({ at: iso(e.at), action: e.action })),
  };
}

const IDENTITY_LABELS: Record<IdentityField, string> = {
  fullName: 'Nama lengkap',
  nik: 'NIK',
  kk: 'Nomor KK',
  birthDate: 'Tanggal lahir',
  phone: 'Telepon',
  address: 'Alamat',
};
const KIND_LABELS = { access: 'akses', correction: 'koreksi', restriction: 'pembatasan', deletion: 'penghapusan', objection: 'keberatan' } as const;
const STATUS_LABELS = { open: 'terbuka', in_progress: 'diproses', answered: 'dijawab', refused: 'ditolak' } as const;
const BASIS_LABELS = { legal_obligation: 'kewajiban hukum', public_task: 'tugas pelayanan publik', consent: 'persetujuan' } as const;
const MM = 72 / 25.4;
const when = (s: string) => formatDateTime(s, 'id', 'Asia/Jakarta');

/** The export as an A4 PDF in Bahasa Indonesia (the data subject's copy). */
export function renderAccessExportPdf(data: AccessExport, producedBy: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 20 * MM, right: 20 * MM },
    info: { Title: `Salinan data pribadi ${data.person.caseCode}`, Creator: 'Tuntas' },
    lang: 'id-ID',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text, left, doc.y, { width }).moveDown(0.2).font('Helvetica').fontSize(10);
  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).text(label, left, y, { width: 45 * MM });
    const labelBottom = doc.y;
    doc.text(value, left + 47 * MM, y, { width: width - 47 * MM });
    doc.y = Math.max(doc.y, labelBottom);
  };

  doc.font('Helvetica-Bold').fontSize(15).text('SALINAN DATA PRIBADI', left, doc.y, { width, align: 'center' });
  doc.font('Helvetica').fontSize(10).text('Jawaban atas permintaan akses subjek data (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi)', { width, align: 'center' });
  doc.moveDown(0.8);
  row('Nomor permintaan', `#${data.request.id}`);
  row('Diterima', when(data.request.receivedAt));
  row('Batas jawaban (3×24 jam)', when(data.request.dueAt));
  row('Dibuat', `${when(data.generatedAt)} oleh ${producedBy}`);

  heading('Data pencatatan');
  row('Kode kasus', data.person.caseCode);
  row('Nama panggilan', data.person.alias ?? '—');
  row('Kabupaten/kota', `${data.person.regencyName ?? ''} (${data.person.regencyCode})`.trim());
  row('Lokalisasi', data.person.siteCode ?? '—');
  row('Jenis kelamin', data.person.sex === 'female' ? 'Perempuan' : 'Laki-laki');
  row('Dasar pemrosesan', BASIS_LABELS[data.person.lawfulBasis]);
  row('Dicatat sejak', formatDateMedium(data.person.createdAt.slice(0, 10), 'id'));
  if (data.person.processingRestricted) row('Pemrosesan', 'dibatasi atas permintaan subjek data');

  heading('Identitas');
  if (data.identity) {
    for (const f of Object.keys(IDENTITY_LABELS) as IdentityField[]) row(IDENTITY_LABELS[f], data.identity[f] ?? '—');
  } else {
    doc.text(
      data.identityWithheld === 'erased'
        ? 'Identitas telah dihapus permanen atas permintaan subjek data dan tidak dapat dipulihkan.'
        : 'Identitas tidak dicantumkan: salinan ini dibuat oleh petugas yang tidak berwenang membuka identitas.',
      left,
      doc.y,
      { width },
    );
  }

  heading('Persetujuan');
  if (data.consents.length === 0) doc.text('Tidak ada catatan persetujuan.', left, doc.y, { width });
  for (const c of data.consents)
    doc.text(`• ${c.purpose} — diberikan ${formatDateMedium(c.givenOn, 'id')}${c.withdrawnOn ? `, ditarik ${formatDateMedium(c.withdrawnOn, 'id')}` : ''}`, left, doc.y, { width });

  heading('Permintaan subjek data');
  for (const r of data.requests)
    doc.text(`• #${r.id} ${KIND_LABELS[r.kind]} — diterima ${when(r.receivedAt)}, ${STATUS_LABELS[r.status]}${r.answeredAt ? ` ${when(r.answeredAt)}` : ''}`, left, doc.y, { width });

  const tables = Object.entries(data.records);
  if (tables.length > 0) {
    heading('Catatan lain (daftar, keputusan)');
    for (const [table, rows] of tables) {
      doc.font('Helvetica-Bold').text(`${table} (${rows.length})`, left, doc.y, { width }).font('Helvetica');
      for (const r of rows)
        doc.fontSize(8).text(Object.entries(r).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' · '), left, doc.y, { width }).fontSize(10);
    }
  }

  heading('Riwayat pemrosesan (log audit)');
  if (data.events.length === 0) doc.text('Tidak ada.', left, doc.y, { width });
  for (const e of data.events) doc.text(`${when(e.at)}  ${e.action}`, left, doc.y, { width });

  doc.end();
  return done;
}
