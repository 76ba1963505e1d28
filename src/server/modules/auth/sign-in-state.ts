// The steps of signing in, in order: MFA code (if enrolled) → new password (if
// required) → MFA enrolment (if a role requires MFA and none is set) → active.
import type { SessionState } from '../../../common/auth.ts';
import type { RoleRow, UserRow } from '../../platform/auth/identity.repository.ts';

export function mfaRequiredFor(roles: RoleRow[], mfaRequiredGlobally: boolean): boolean {
  return mfaRequiredGlobally && roles.some((r) => r.requires_mfa);
}

export function nextSignInState(
  user: Pick<UserRow, 'mfa_enabled' | 'password_must_change'>,
  roles: RoleRow[],
  opts: { mfaPassed: boolean; mfaRequiredGlobally: boolean },
): SessionState {
  if (user.mfa_enabled && !opts.mfaPassed) return 'mfa_required';
  if (user.password_must_change) return 'password_change_required';
  if (!user.mfa_enabled && mfaRequiredFor(roles, opts.mfaRequiredGlobally)) return 'mfa_enrolment_required';
  return 'active';
}
