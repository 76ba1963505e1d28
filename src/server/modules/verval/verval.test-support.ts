// Test fixtures of verification (the matrix and the HTTP tests): programmes, sites,
// persons and lists made through the services with a command-line context.
import type { FastifyInstance } from 'fastify';
import { CreatePersonSchema } from '../../../common/persons.ts';
import { CreateProgrammeSchema } from '../../../common/programmes.ts';
import { CreateSiteSchema } from '../../../common/sites.ts';
import { CreatePersonListSchema, SetRulesSchema } from '../../../common/verval.ts';
import { cliContext } from '../../platform/auth/actor.ts';

export const SYSTEM = cliContext('test');

/** A national programme and a provincial one for `province` (Kaltara by default). */
export async function makeProgramme(app: FastifyInstance, province = '65'): Promise<number> {
  const national = await app.services.programmes.create(SYSTEM, CreateProgrammeSchema.parse({ level: 'national', name: 'Indonesia Bebas Lokalisasi', owner: 'Kemensos' }));
  const p = await app.services.programmes.create(
    SYSTEM,
    CreateProgrammeSchema.parse({ level: 'province', parentId: national.id, regionCode: province, name: `Penutupan ${province}`, owner: 'Dinas Sosial Provinsi' }),
  );
  return p.id;
}

export async function setRules(app: FastifyInstance, programmeId: number, rules: unknown[]): Promise<void> {
  await app.services.verifications.setRules(SYSTEM, programmeId, SetRulesSchema.parse({ rules }));
}

export async function makeSite(app: FastifyInstance, regionCode: string, name = 'Lokalisasi Uji'): Promise<number> {
  return (await app.services.sites.create(SYSTEM, CreateSiteSchema.parse({ regionCode, name }))).id;
}

export interface PersonInput {
  regencyCode: string;
  siteId?: number;
  nik?: string;
  birthDate?: string;
  alias?: string;
  assignedUserId?: number;
  sex?: 'male' | 'female';
}

export async function makePerson(app: FastifyInstance, p: PersonInput): Promise<number> {
  const person = await app.services.persons.create(
    SYSTEM,
    CreatePersonSchema.parse({ fullName: 'Orang Uji Verval', sex: p.sex ?? 'female', lawfulBasis: 'public_task', ...p }),
  );
  return person.id;
}

export async function makeList(app: FastifyInstance, siteId: number, personIds: number[], listDate = '2018-05-14'): Promise<number> {
  return (await app.services.personLists.create(SYSTEM, siteId, CreatePersonListSchema.parse({ source: 'site_manager', listDate, personIds }))).id;
}

/** A woman's NIK (day + 40) registered in Nunukan (65.03.02), born on `birthDate`, with a serial. */
export function nikOf(birthDate: string, serial: number, district = '650302'): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  return `${district}${String(Number(d) + 40).padStart(2, '0')}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
}
