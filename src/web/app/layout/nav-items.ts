// The modules of Tuntas. An item without a path is announced but not built yet.
import {
  IconCash,
  IconClipboardList,
  IconFileDescription,
  IconListSearch,
  IconMap2,
  IconMapPin,
  IconReportAnalytics,
  IconSettings,
  IconTargetArrow,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { can, type Permission, type Session } from '../../features/auth/session.ts';

export type NavChild = {
  id: 'users' | 'roles' | 'auditLog' | 'breakGlass';
  permission: Permission;
  path: string;
};

export type NavItem = {
  id: 'programs' | 'sites' | 'meetings' | 'beneficiaries' | 'cases' | 'payments' | 'reports' | 'regions' | 'admin' | 'audit';
  icon: Icon;
  permission: Permission;
  path?: string;
  /** Sub-pages; the item shows when any of them is allowed. */
  children?: readonly NavChild[];
};

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'programs', icon: IconTargetArrow, permission: 'program.read' },
  { id: 'sites', icon: IconMapPin, permission: 'site.read' },
  { id: 'meetings', icon: IconFileDescription, permission: 'meeting.read' },
  { id: 'beneficiaries', icon: IconUsers, permission: 'person.read' },
  { id: 'cases', icon: IconClipboardList, permission: 'case.read' },
  { id: 'payments', icon: IconCash, permission: 'payment.read' },
  { id: 'reports', icon: IconReportAnalytics, permission: 'report.read' },
  { id: 'regions', icon: IconMap2, permission: 'region.read', path: '/wilayah' },
  {
    id: 'admin',
    icon: IconSettings,
    permission: 'user.read',
    path: '/admin',
    children: [
      { id: 'users', permission: 'user.read', path: '/admin/pengguna' },
      { id: 'roles', permission: 'role.manage', path: '/admin/peran' },
    ],
  },
  {
    id: 'audit',
    icon: IconListSearch,
    permission: 'audit.read',
    path: '/audit',
    children: [
      { id: 'auditLog', permission: 'audit.read', path: '/audit' },
      { id: 'breakGlass', permission: 'break_glass.review', path: '/audit/break-glass' },
    ],
  },
];

/** Built modules the session may open (with their allowed sub-pages), plus the modules still to come (shown disabled). */
export function visibleNavItems(session: Session): NavItem[] {
  return NAV_ITEMS.flatMap((item) => {
    if (item.path === undefined) return [item];
    if (!item.children) return can(session, item.permission) ? [item] : [];
    const children = item.children.filter((child) => can(session, child.permission));
    return children.length > 0 ? [{ ...item, children }] : [];
  });
}
