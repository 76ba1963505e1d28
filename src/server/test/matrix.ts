// The authorization matrix's building blocks. Each module lists its routes in
// `<module>.matrix.ts` (export const rows: MatrixRows); the test finds them all.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { RoleKey } from '../../common/permissions.ts';
import type { Db } from '../platform/db/database.ts';
import { asUser, type SignedIn } from './users.ts';

export const OWN = '65.03'; // Kabupaten Nunukan: every matrix user works here
export const OTHER = '65.01'; // Kabupaten Bulungan

export type Relation = 'own' | 'other';
export type Caller = { role: RoleKey; session: SignedIn } | { role: 'anonymous'; session: null };

export interface Row {
  /** Builds the request for a caller and a record in their own or another region. */
  request(fx: Fixture, caller: Caller, rel: Relation): Promise<InjectOptions> | InjectOptions;
  /** Status when access is granted and the record is in scope. */
  allowed: number;
  /** Status when access is granted but the record lies in another region (default: as allowed). */
  otherRegion?: number;
  /**
   * Status for a caller limited to their own caseload (case workers) when the record
   * is in their region but not assigned to them (default: as allowed).
   */
  caseload?: number;
  /** The call ends or changes the caller's session: give it a session of its own. */
  freshSession?: boolean;
  /** Extra checks on a granted answer (e.g. nothing from outside the caller's region). */
  check?(res: LightMyRequestResponse, caller: Caller, rel: Relation): void;
}

export type MatrixRows = Record<string, Row>;

export const region = (rel: Relation) => (rel === 'own' ? OWN : OTHER);
export const get = (url: string): InjectOptions => ({ method: 'GET', url });

/** Signed-in users per role (all in OWN), re-authenticated so `reauth` routes answer by permission alone. */
export class Fixture {
  private sessions = new Map<string, SignedIn>();
  jobId = 0;
  /** `db`: for rows whose records no route can make (e.g. what a background job finds). */
  constructor(
    readonly app: FastifyInstance,
    readonly db: Db,
  ) {}

  async session(role: RoleKey, fresh = false): Promise<SignedIn> {
    const cached = this.sessions.get(role);
    if (cached && !fresh) return cached;
    const s = await asUser(this.app, { roles: [role], scope: OWN });
    const reauth = await this.app.inject({ method: 'POST', url: '/api/auth/reauth', headers: s.headers, payload: { password: s.password } });
    assert.equal(reauth.statusCode, 200, reauth.body);
    if (!fresh) this.sessions.set(role, s);
    return s;
  }
}

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Every module's rows, merged; a route listed twice is an error. */
export async function loadMatrixRows(): Promise<MatrixRows> {
  const files = fs
    .readdirSync(SERVER_DIR, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.matrix.ts'))
    .sort();
  const all: MatrixRows = {};
  for (const file of files) {
    const { rows } = (await import(pathToFileURL(path.join(SERVER_DIR, file)).href)) as { rows: MatrixRows };
    for (const [route, row] of Object.entries(rows)) {
      assert.ok(!(route in all), `${route} has matrix rows in two files`);
      all[route] = row;
    }
  }
  return all;
}
