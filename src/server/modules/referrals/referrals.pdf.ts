// The referral summary PDF: the receiving organisation, the purpose and exactly the
// fields the referral shares (nothing else about the person), its expiry and the
// basis for sharing (consent or a head of office's approval). pdfkit, A4, real text.
import PDFDocument from 'pdfkit';
import type { ShareableField } from '../../../common/referrals.ts';
import { formatDateLong } from '../../../common/format.ts';

export interface ReferralPdfInput {
  referralId: number;
  date: string;
  service: string;
  purpose: string;
  organisation: string;
  organisationContact: string;
  fields: [ShareableField, string][];
  expiresOn: string;
  basis: string;
}

export const FIELD_LABELS: Record<ShareableField, string> = {
  caseCode: 'Kode kasus',
  fullName: 'Nama lengkap',
  sex: 'Jenis kelamin',
  birthDate: 'Tanggal lahir',
  nik: 'NIK',
  phone: 'Telepon',
  address: 'Alamat',
  assessmentSummary: 'Ringkasan asesmen',
};

export const SERVICE_LABELS: Record<string, string> = {
  health: 'Kesehatan',
  hiv: 'Layanan HIV',
  reproductive_health: 'Kesehatan reproduksi',
  legal_aid: 'Bantuan hukum',
  employment: 'Ketenagakerjaan',
  shelter: 'Rumah aman / penampungan',
  other: 'Lainnya',
};

const MM = 72 / 25.4;

export function renderReferralPdf(input: ReferralPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 25 * MM, right: 20 * MM },
    info: { Title: `Rujukan ${input.referralId}`, Creator: 'Tuntas' },
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

  doc.font('Helvetica-Bold').fontSize(14).text('SURAT RUJUKAN', { align: 'center' });
  doc.font('Helvetica').fontSize(10).text(`Nomor rujukan: R-${input.referralId} · ${formatDateLong(input.date)}`, { align: 'center' }).moveDown(1.5);

  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(11).text(label, left, y, { width: 45 * MM });
    const labelBottom = doc.y;
    doc.font('Helvetica').text(value || '–', left + 47 * MM, y, { width: width - 47 * MM });
    doc.y = Math.max(doc.y, labelBottom) + 3;
  };
  row('Kepada', input.organisation);
  if (input.organisationContact) row('Kontak', input.organisationContact);
  row('Layanan', SERVICE_LABELS[input.service] ?? input.service);
  row('Tujuan rujukan', input.purpose);
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(12).text('Data yang dibagikan', left).moveDown(0.5);
  for (const [field, value] of input.fields) row(FIELD_LABELS[field], value);
  doc.moveDown();
  doc.font('Helvetica').fontSize(9).fillColor('#333333');
  doc.text(`Dasar pembagian data: ${input.basis}.`, left, doc.y, { width });
  doc.text(
    `Data ini hanya dibagikan untuk tujuan rujukan di atas, berlaku sampai ${formatDateLong(input.expiresOn)}, ` +
      'dan tidak boleh diteruskan kepada pihak lain (UU 27/2022 tentang Pelindungan Data Pribadi).',
    { width },
  );
  doc.end();
  return done;
}
