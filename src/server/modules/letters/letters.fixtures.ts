// Test fixtures of the letters module (used by its tests and matrix rows):
// units and letters made through the service as an operator.
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../../platform/auth/actor.ts';

const operator = cliContext('test');
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
