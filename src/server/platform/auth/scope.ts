// Region scope: national sees all; a province sees itself and everything below;
// a regency/city likewise. Lists filter by scope in SQL with scopeFilter().
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../../common/auth.ts';

/** The region code a scope is rooted at, or null for national. */
export function scopeRoot(scope: Scope): string | null {
  return scope.level === 'national' ? null : scope.code;
}

export function inScope(scope: Scope | null | undefined, regionCode: string | null | undefined): boolean {
  if (!scope) return false; // no scope: sees nothing
  if (scope.level === 'national') return true;
  if (!regionCode) return false;
  return regionCode === scope.code || regionCode.startsWith(`${scope.code}.`);
}

/**
 * SQL condition "column lies within the scope". Use it in every list query of
 * region-bound records, e.g. `.where(scopeFilter(actor.scope, 'site.region_code'))`.
 */
export function scopeFilter(scope: Scope | null | undefined, column: string): RawBuilder<SqlBool> {
  if (!scope) return sql<SqlBool>`false`;
  if (scope.level === 'national') return sql<SqlBool>`true`;
  const col = sql.ref(column);
  return sql<SqlBool>`(${col} = ${scope.code} or ${col} like ${`${scope.code}.%`})`;
}

/** A scope contains another when every region of the second lies in the first. */
export function scopeContains(outer: Scope, inner: Scope): boolean {
  if (outer.level === 'national') return true;
  if (inner.level === 'national') return false;
  return inScope(outer, inner.code);
}
