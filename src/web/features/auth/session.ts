// Who is using the app and what they may open. Accounts arrive with the auth API
// (GET /api/auth/me); until then everyone is a guest who may only view regions.

export const PERMISSIONS = [
  'region.read',
  'program.read',
  'site.read',
  'meeting.read',
  'beneficiary.read',
  'case.read',
  'payment.read',
  'report.read',
  'admin.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type Session = {
  kind: 'guest' | 'user';
  displayName: string | null;
  permissions: ReadonlySet<Permission>;
};

const GUEST_SESSION: Session = {
  kind: 'guest',
  displayName: null,
  permissions: new Set<Permission>(['region.read']),
};

export function useSession(): Session {
  return GUEST_SESSION;
}

export function can(session: Session, permission: Permission): boolean {
  return session.permissions.has(permission);
}
