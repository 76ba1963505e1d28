// Test fixtures of cases (the matrix, this module's tests, and the modules that build
// on cases): a programme, a person and an open case, made through the services.
import type { FastifyInstance } from 'fastify';
import type { InjectOptions } from 'fastify';
import { OpenCaseSchema } from '../../../common/cases.ts';
import { makePerson, makeProgramme, SYSTEM } from '../verval/verval.test-support.ts';

export { SYSTEM };

const programmes = new WeakMap<FastifyInstance, Promise<number>>();

/** One Kaltara programme per app. */
export function kaltaraProgramme(app: FastifyInstance): Promise<number> {
  let p = programmes.get(app);
  if (!p) {
    p = makeProgramme(app, '65');
    programmes.set(app, p);
  }
  return p;
}

/** A person in the regency with an open case (optionally assigned); returns the case id. */
export async function makeCase(app: FastifyInstance, o: { regencyCode?: string; caseWorkerId?: number; supervisorId?: number; alias?: string } = {}): Promise<number> {
  const programmeId = await kaltaraProgramme(app);
  const personId = await makePerson(app, { regencyCode: o.regencyCode ?? '65.03', alias: o.alias ?? 'Kasus Uji' });
  const c = await app.services.cases.open(SYSTEM, OpenCaseSchema.parse({ personId, programmeId, caseWorkerId: o.caseWorkerId, supervisorId: o.supervisorId }));
  return c.id;
}

/** An HTTP client for one signed-in user. */
export function clientOf(app: FastifyInstance, headers: Record<string, string>) {
  const call = (method: InjectOptions['method'], url: string, payload?: object) => app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: object) => call('POST', url, payload ?? {}),
    put: (url: string, payload?: object) => call('PUT', url, payload ?? {}),
  };
}
