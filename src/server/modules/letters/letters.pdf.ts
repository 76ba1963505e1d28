// The PDF of a letter: A4, letterhead (kop surat) with a double rule, the
// number block, the addressees, the body, place and date in Indonesian, the
// signature block and the copies (tembusan). pdfkit writes real text with the
// standard PDF fonts (no embedding, no browser); a letter renders in a few ms.
import fs from 'node:fs';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { formatDateMedium } from '../../../common/format.ts';

export interface LetterPdfInput {
  letterhead: {
    institutionLines: string[];
    unitName: string;
    address: string;
    phone: string;
    /** The unit's uploaded logo (PNG or JPEG bytes), drawn at the left of the letterhead. */
    logo?: Buffer | null;
    /** Older letterheads: a logo file on disk (used when there are no logo bytes). */
    logoPath: string | null;
  };
  place: string;
  number: string | null;
  letterDate: string;
  nature: 'biasa' | 'segera' | 'sangat_segera' | 'rahasia';
  attachmentsCount: number;
  subject: string;
  recipients: string[];
  body: string;
  signatoryName: string;
  signatoryTitle: string;
  copiesTo: string[];
  draft: boolean;
}

const NATURE: Record<LetterPdfInput['nature'], string> = {
  biasa: 'Biasa',
  segera: 'Segera',
  sangat_segera: 'Sangat Segera',
  rahasia: 'Rahasia',
};

const MM = 72 / 25.4;

/**
 * Whether pdfkit can draw these PNG or JPEG bytes. A PNG's image data is also
 * inflated here: pdfkit decodes PNGs with transparency asynchronously, where a
 * corrupt stream would surface outside any request.
 */
export function isDrawableLogo(bytes: Buffer, type: 'image/png' | 'image/jpeg'): boolean {
  try {
    if (type === 'image/png') {
      const idat: Buffer[] = [];
      let pos = 8;
      let sawEnd = false;
      while (pos + 8 <= bytes.length && !sawEnd) {
        const length = bytes.readUInt32BE(pos);
        const chunk = bytes.subarray(pos + 4, pos + 8).toString('latin1');
        if (pos + 12 + length > bytes.length) return false;
        if (chunk === 'IDAT') idat.push(bytes.subarray(pos + 8, pos + 8 + length));
        sawEnd = chunk === 'IEND';
        pos += 12 + length;
      }
      if (!sawEnd || idat.length === 0) return false;
      inflateSync(Buffer.concat(idat));
    }
    // openImage parses the header (and a JPEG's markers) without drawing; it is missing from @types/pdfkit.
    (new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): unknown }).openImage(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Fills `{name}` placeholders; unknown ones stay as they are. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (all, key: string) => values[key] ?? all);
}

export function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 15 * MM, bottom: 20 * MM, left: 25 * MM, right: 20 * MM },
    info: { Title: input.subject, Subject: input.number ?? 'Konsep surat', Creator: 'Tuntas' },
    lang: 'id-ID',
    bufferPages: false,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  // Letterhead
  const top = doc.y;
  const logoSize = 22 * MM;
  let textLeft = left;
  const logo = input.letterhead.logo ?? (input.letterhead.logoPath && fs.existsSync(input.letterhead.logoPath) ? input.letterhead.logoPath : null);
  if (logo) {
    try {
      doc.image(logo, left, top, { fit: [logoSize, logoSize] });
      textLeft = left + logoSize + 4 * MM;
    } catch {
      // an unreadable logo leaves the letterhead without it
    }
  }
  const headWidth = left + width - textLeft;
  const lines = input.letterhead.institutionLines.length > 0 ? input.letterhead.institutionLines : [input.letterhead.unitName];
  doc.y = top;
  lines.forEach((line, i) => {
    doc.font(i === lines.length - 1 ? 'Helvetica-Bold' : 'Helvetica').fontSize(i === lines.length - 1 ? 15 : 13);
    doc.text(line.toUpperCase(), textLeft, doc.y, { width: headWidth, align: 'center' });
  });
  const contact = [input.letterhead.address, input.letterhead.phone ? `Telepon ${input.letterhead.phone}` : ''].filter(Boolean).join(' · ');
  if (contact) doc.font('Helvetica').fontSize(9).text(contact, textLeft, doc.y + 2, { width: headWidth, align: 'center' });
  const ruleY = Math.max(doc.y, top + (textLeft > left ? logoSize : 0)) + 4;
  doc.lineWidth(2).moveTo(left, ruleY).lineTo(left + width, ruleY).stroke();
  doc.lineWidth(0.6).moveTo(left, ruleY + 3).lineTo(left + width, ruleY + 3).stroke();
  doc.y = ruleY + 14;

  if (input.draft) doc.font('Helvetica-Bold').fontSize(10).fillColor('#b00020').text('KONSEP — BELUM DITERBITKAN', left, doc.y, { width, align: 'right' }).fillColor('black');

  // Number block
  doc.font('Helvetica').fontSize(11);
  const labelWidth = 22 * MM;
  const rows: [string, string][] = [
    ['Nomor', input.number ?? '—'],
    ['Sifat', NATURE[input.nature]],
    ['Lampiran', input.attachmentsCount > 0 ? `${input.attachmentsCount} berkas` : '-'],
    ['Hal', input.subject],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica').text(label, left, y, { width: labelWidth });
    doc.text(':', left + labelWidth, y, { width: 3 * MM });
    doc.font(label === 'Hal' ? 'Helvetica-Bold' : 'Helvetica').text(value, left + labelWidth + 3 * MM, y, { width: width - labelWidth - 3 * MM });
  }

  // Addressees
  doc.moveDown(1.2).font('Helvetica').text('Yth.', left, doc.y, { width });
  if (input.recipients.length === 0) doc.text('(penerima)', left + 8 * MM, doc.y, { width: width - 8 * MM });
  else if (input.recipients.length === 1) doc.text(input.recipients[0]!, left + 8 * MM, doc.y, { width: width - 8 * MM });
  else input.recipients.forEach((r, i) => doc.text(`${i + 1}. ${r}`, left + 8 * MM, doc.y, { width: width - 8 * MM }));
  doc.text('di tempat', left + 8 * MM, doc.y, { width: width - 8 * MM });

  // Body: paragraphs separated by blank lines, justified, first line indented
  doc.moveDown(1);
  for (const paragraph of input.body.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean)) {
    doc.text(paragraph, left, doc.y, { width, align: 'justify', indent: 12 * MM, lineGap: 2 });
    doc.moveDown(0.6);
  }

  // Place, date and signature
  const signLeft = left + width * 0.5;
  const signWidth = width * 0.5;
  doc.moveDown(1);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60 * MM) doc.addPage();
  const when = `${input.place ? `${input.place}, ` : ''}${formatDateMedium(input.letterDate, 'id')}`;
  doc.text(when, signLeft, doc.y, { width: signWidth, align: 'center' });
  doc.text(input.signatoryTitle || '(jabatan penanda tangan)', signLeft, doc.y, { width: signWidth, align: 'center' });
  doc.moveDown(4);
  doc.font('Helvetica-Bold').text(input.signatoryName || '(nama penanda tangan)', signLeft, doc.y, { width: signWidth, align: 'center', underline: true });

  // Copies
  if (input.copiesTo.length > 0) {
    doc.moveDown(2).font('Helvetica').fontSize(10).text('Tembusan:', left, doc.y, { width });
    input.copiesTo.forEach((c, i) => doc.text(`${i + 1}. ${c}`, left, doc.y, { width }));
  }

  doc.end();
  return done;
}
