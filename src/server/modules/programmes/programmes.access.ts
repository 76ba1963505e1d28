// Reading a programme or one of its regencies/cities as the actor may see it (their
// region scope; the command line sees all), shared by the programme use cases and
// their exports.
import type { Scope } from '../../../common/auth.ts';
import type { Context } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { programmeError } from './programmes.errors.ts';
import { findProgramme, findProgrammeRegion, type ProgrammeRegionRow, type ProgrammeRow } from './programmes.repository.ts';

export function actorScope(ctx: Context): Scope | null {
  return ctx.actor.kind === 'system' ? null : ctx.actor.scope;
}

export async function visibleProgramme(db: Executor, ctx: Context, id: number): Promise<ProgrammeRow> {
  const p = await findProgramme(db, id, actorScope(ctx));
  if (!p) throw programmeError('programme.not_found');
  return p;
}

export async function visibleRegion(db: Executor, ctx: Context, id: number, forUpdate = false): Promise<ProgrammeRegionRow> {
  const r = await findProgrammeRegion(db, id, actorScope(ctx), forUpdate);
  if (!r) throw programmeError('programme.region_not_found');
  return r;
}
