// The training certificate (sertifikat): A4 landscape, pdfkit with the standard PDF
// fonts as letters.pdf.ts (real text, no embedding). It names the holder by case
// code unless the caller chose, and was allowed, to print the full name.
import PDFDocument from 'pdfkit';
import { formatDateMedium } from '../../../common/format.ts';

export interface CertificateInput {
  number: string;
  /** The full name, or the case code. */
  holder: string;
  named: boolean;
  course: string;
  provider: string;
  runTitle: string;
  startsOn: string;
  endsOn: string;
  /** Hours of the meeting days attended. */
  hours: number;
  present: number;
  meetings: number;
  /** The region whose Dinsos ran the course. */
  office: string;
  issuedOn: string;
}

const MM = 72 / 25.4;
const hoursText = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1).replace('.', ','));

export function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 20 * MM, bottom: 15 * MM, left: 25 * MM, right: 25 * MM },
    info: { Title: `Sertifikat ${input.number}`, Subject: input.course, Creator: 'Tuntas' },
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
  const center = { width, align: 'center' as const };

  // A double frame, as printed certificates have.
  doc.lineWidth(2).rect(10 * MM, 10 * MM, doc.page.width - 20 * MM, doc.page.height - 20 * MM).stroke();
  doc.lineWidth(0.6).rect(13 * MM, 13 * MM, doc.page.width - 26 * MM, doc.page.height - 26 * MM).stroke();

  doc.font('Helvetica-Bold').fontSize(13).text(`DINAS SOSIAL ${input.office.toUpperCase()}`, left, 24 * MM, center);
  doc.moveDown(1.2).font('Helvetica-Bold').fontSize(28).text('SERTIFIKAT', left, doc.y, center);
  doc.font('Helvetica').fontSize(11).text(`Nomor: ${input.number}`, left, doc.y, center);
  doc.moveDown(1.5).fontSize(13).text('Diberikan kepada', left, doc.y, center);
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(22).text(input.holder, left, doc.y, center);
  if (!input.named) doc.font('Helvetica').fontSize(9).text('(kode kasus)', left, doc.y, center);
  doc.moveDown(1).font('Helvetica').fontSize(13);
  doc.text('telah menyelesaikan pelatihan', left, doc.y, center);
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(17).text(input.course, left, doc.y, center);
  doc.font('Helvetica').fontSize(12).text(input.runTitle, left, doc.y, center);
  doc.moveDown(0.8).fontSize(12);
  const period = input.startsOn === input.endsOn ? formatDateMedium(input.startsOn) : `${formatDateMedium(input.startsOn)} – ${formatDateMedium(input.endsOn)}`;
  doc.text(`pada ${period}, ${hoursText(input.hours)} jam pelatihan (hadir ${input.present} dari ${input.meetings} hari pertemuan)`, left, doc.y, center);
  if (input.provider) doc.text(`Penyelenggara pelatihan: ${input.provider}`, left, doc.y, center);

  // Place, date and signature, bottom right.
  const signLeft = left + width * 0.6;
  const signWidth = width * 0.4;
  doc.y = doc.page.height - 62 * MM;
  doc.fontSize(11).text(formatDateMedium(input.issuedOn), signLeft, doc.y, { width: signWidth, align: 'center' });
  doc.text(`Kepala Dinas Sosial ${input.office}`, signLeft, doc.y, { width: signWidth, align: 'center' });
  doc.moveDown(3.5);
  doc.font('Helvetica-Bold').text('(nama penanda tangan)', signLeft, doc.y, { width: signWidth, align: 'center' });

  doc.end();
  return done;
}
