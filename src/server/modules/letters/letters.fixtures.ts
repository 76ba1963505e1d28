// Test fixtures of the letters module (used by its tests and matrix rows):
// units and letters made through the service as an operator.
import { deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../../platform/auth/actor.ts';

const operator = cliContext('test');

/** A real PNG (8-bit RGB, one colour) with correct checksums: a letterhead logo for tests. */
export function makePng(width: number, height: number, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

export const PNG_1PX = makePng(1, 1);
let counter = 0;

export async function makeUnit(app: FastifyInstance, regionCode: string, overrides: { code?: string; numberFormat?: string } = {}) {
  const code = overrides.code ?? `UNIT-${regionCode.replace(/\./g, '')}-${++counter}`;
  return app.services.letterUnits.createUnit(operator, {
    code,
    name: `Dinas Sosial ${code}`,
    regionCode,
    institutionLines: ['Pemerintah Provinsi Kalimantan Utara', 'Dinas Sosial'],
    address: 'Jl. Kolonel Soetadji, Tanjung Selor',
    phone: '(0552) 21000',
    logoFile: null,
    place: 'Tanjung Selor',
    numberFormat: overrides.numberFormat ?? '{seq}/{unit}/{classification}/{month_roman}/{year}',
  });
}

export async function makeDraft(app: FastifyInstance, unitId: number, overrides: { letterDate?: string; signatoryName?: string; subject?: string } = {}) {
  return app.services.letters.create(operator, {
    unitId,
    type: 'instruksi_gubernur',
    letterDate: overrides.letterDate ?? '2018-05-18',
    subject: overrides.subject ?? 'Penutupan lokalisasi di Kabupaten Nunukan',
    classification: '460',
    nature: 'segera',
    attachmentsCount: 1,
    body: 'Dalam rangka Indonesia bebas lokalisasi 2019, dengan ini kami sampaikan langkah penutupan.\n\nDemikian untuk dilaksanakan.',
    signatoryName: overrides.signatoryName ?? 'Dr. H. Irianto Lambrie',
    signatoryTitle: 'Gubernur Kalimantan Utara',
    copiesTo: ['Menteri Sosial RI'],
    programmeId: null,
    regionCodes: [],
    siteIds: [],
  });
}

export async function makeIssued(app: FastifyInstance, unitId: number) {
  const draft = await makeDraft(app, unitId);
  await app.services.letters.addRecipients(operator, draft.id, { recipients: [{ recipient: 'Bupati Nunukan', regionCode: '65.03', sentOn: null }] });
  const issued = await app.services.letters.issue(operator, draft.id);
  return app.services.letters.get(operator, issued.id);
}
