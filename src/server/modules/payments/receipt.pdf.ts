// The receipt (kuitansi) of a person's paid payments in one batch: A4, standard fonts,
// the amount in figures (Rp 5.500.000) and in words (terbilang), the items, and three
// signature lines. The recipient is named by case code unless the printer may reveal
// the identity (then name and NIK, and the reveal is audited by the caller).
import PDFDocument from 'pdfkit';
import { formatDateMedium, formatRupiah } from '../../../common/format.ts';
import { terbilang } from '../../../common/terbilang.ts';

export interface ReceiptInput {
  number: string;
  payer: string;
  place: string;
  /** 'YYYY-MM-DD' (WIB) */
  paidOn: string;
  recipient: { caseCode: string; fullName?: string | null; nik?: string | null };
  items: { label: string; amount: number }[];
}

const MM = 72 / 25.4;

export function renderReceiptPdf(input: ReceiptInput): Promise<Buffer> {
  const total = input.items.reduce((s, i) => s + i.amount, 0);
  const doc = new PDFDocument({ size: 'A4', margins: { top: 20 * MM, bottom: 20 * MM, left: 25 * MM, right: 20 * MM }, info: { Title: `Kuitansi ${input.number}`, Creator: 'Tuntas' }, lang: 'id-ID' });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(18).text('KUITANSI', left, doc.y, { width, align: 'center', characterSpacing: 3 });
  doc.font('Helvetica').fontSize(10).text(`Nomor: ${input.number}`, { width, align: 'center' });
  doc.moveDown(1.5);

  const label = 42 * MM;
  const row = (name: string, value: string, font = 'Helvetica') => {
    const y = doc.y;
    doc.font('Helvetica').fontSize(11).text(name, left, y, { width: label });
    doc.text(':', left + label, y, { width: 4 * MM });
    doc.font(font).text(value, left + label + 4 * MM, y, { width: width - label - 4 * MM });
    doc.moveDown(0.5);
  };
  const words = terbilang(total);
  row('Sudah terima dari', input.payer);
  row('Uang sejumlah', formatRupiah(total), 'Helvetica-Bold');
  row('Terbilang', `${words.charAt(0).toUpperCase()}${words.slice(1)}`, 'Helvetica-Oblique');
  row('Untuk pembayaran', 'Bantuan sosial:');
  for (const item of input.items) {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).text(`• ${item.label}`, left + label + 4 * MM, y, { width: 80 * MM });
    doc.text(formatRupiah(item.amount), left + label + 84 * MM, y, { width: width - label - 84 * MM, align: 'right' });
  }
  doc.moveDown(0.8);
  const who = input.recipient.fullName ? `${input.recipient.fullName} (NIK ${input.recipient.nik ?? '—'})` : input.recipient.caseCode;
  row('Penerima', who);
  if (input.recipient.fullName) row('Kode kasus', input.recipient.caseCode);

  doc.moveDown(1.5);
  doc.font('Helvetica').fontSize(11).text(`${input.place}, ${formatDateMedium(input.paidOn)}`, left, doc.y, { width, align: 'right' });
  doc.moveDown(1);
  const col = width / 3;
  const top = doc.y;
  const signers: [string, string][] = [
    ['Mengetahui,', 'Kepala Dinas'],
    ['', 'Bendahara Pengeluaran'],
    ['', 'Penerima'],
  ];
  signers.forEach(([a, b], i) => {
    const x = left + i * col;
    doc.font('Helvetica').fontSize(10).text(a, x, top, { width: col - 6, align: 'center' });
    doc.text(b, x, doc.y, { width: col - 6, align: 'center' });
    const lineY = top + 32 * MM;
    doc.lineWidth(0.6).moveTo(x + 6, lineY).lineTo(x + col - 12, lineY).stroke();
    doc.text(i === 2 ? (input.recipient.fullName ?? input.recipient.caseCode) : 'NIP.', x, lineY + 3, { width: col - 6, align: 'center' });
  });
  doc.end();
  return done;
}
