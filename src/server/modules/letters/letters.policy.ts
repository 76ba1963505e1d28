// Who may do what with letters: letter.read / letter.manage, within the region
// scope of the issuing unit. Records carry the caller's allowed actions.
import type { Scope } from '../../../common/auth.ts';
import type { LetterActionSchema, LetterUnitActionSchema } from '../../../common/letters.ts';
import type { z } from 'zod';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';

type LetterAction = z.infer<typeof LetterActionSchema>;
type UnitAction = z.infer<typeof LetterUnitActionSchema>;

/** The actor's region scope (operators at the command line see everything). */
export function scopeOf(actor: AnyActor): Scope {
  return actor.kind === 'system' ? { level: 'national' } : actor.scope;
}

export function canSeeUnit(actor: AnyActor, unitRegion: string): boolean {
  return can(actor, 'letter.read') && inScope(scopeOf(actor), unitRegion);
}

export function unitActions(actor: AnyActor, unitRegion: string): UnitAction[] {
  return can(actor, 'letter.manage') && inScope(scopeOf(actor), unitRegion) ? ['update'] : [];
}

export function letterActions(actor: AnyActor, letter: { unitRegion: string; status: 'draft' | 'issued' }): LetterAction[] {
  if (!canSeeUnit(actor, letter.unitRegion)) return [];
  const actions: LetterAction[] = ['pdf'];
  if (can(actor, 'letter.manage')) {
    if (letter.status === 'draft') actions.push('update', 'issue');
    actions.push('add_recipients');
    if (letter.status === 'issued') actions.push('update_recipient');
  }
  return actions;
}
