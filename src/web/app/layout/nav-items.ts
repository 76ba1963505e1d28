// The modules of Tuntas. An item without a path is announced but not built yet.
import {
  IconCash,
  IconClipboardList,
  IconFileDescription,
  IconMap2,
  IconMapPin,
  IconReportAnalytics,
  IconSettings,
  IconTargetArrow,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { can, type Permission, type Session } from '../../features/auth/session.ts';

export type NavItem = {
  id: 'programs' | 'sites' | 'meetings' | 'beneficiaries' | 'cases' | 'payments' | 'reports' | 'regions' | 'admin';
  icon: Icon;
  permission: Permission;
  path?: string;
};

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'programs', icon: IconTargetArrow, permission: 'program.read' },
  { id: 'sites', icon: IconMapPin, permission: 'site.read' },
  { id: 'meetings', icon: IconFileDescription, permission: 'meeting.read' },
  { id: 'beneficiaries', icon: IconUsers, permission: 'beneficiary.read' },
  { id: 'cases', icon: IconClipboardList, permission: 'case.read' },
  { id: 'payments', icon: IconCash, permission: 'payment.read' },
  { id: 'reports', icon: IconReportAnalytics, permission: 'report.read' },
  { id: 'regions', icon: IconMap2, permission: 'region.read', path: '/wilayah' },
  { id: 'admin', icon: IconSettings, permission: 'admin.manage' },
];

/** Built modules the session may open, plus the modules still to come (shown disabled). */
export function visibleNavItems(session: Session): NavItem[] {
  return NAV_ITEMS.filter((item) => item.path === undefined || can(session, item.permission));
}
