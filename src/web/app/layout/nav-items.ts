// The modules of Tuntas. An item without a path is announced but not built yet.
import {
  IconCalendarCheck,
  IconCash,
  IconChecklist,
  IconClipboardList,
  IconFileDescription,
  IconHeartHandshake,
  IconLayoutDashboard,
  IconListSearch,
  IconMail,
  IconMap2,
  IconMapPin,
  IconReportAnalytics,
  IconSchool,
  IconSettings,
  IconTargetArrow,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { can, type Permission, type Session } from '../../features/auth/session.ts';

export type NavChild = {
  id: 'users' | 'roles' | 'assessmentForms' | 'auditLog' | 'breakGlass' | 'registry' | 'subjectRequests' | 'imports' | 'duplicates' | 'aidSchemes' | 'entitlements' | 'withoutAccount' | 'budgets' | 'paymentBatches' | 'outcomeReport';
  permission: Permission;
  path: string;
};

export type NavItem = {
  id: 'dashboard' | 'programs' | 'sites' | 'meetings' | 'letters' | 'beneficiaries' | 'verval' | 'cases' | 'referrals' | 'training' | 'followUps' | 'payments' | 'reports' | 'regions' | 'admin' | 'audit';
  icon: Icon;
  permission: Permission;
  path?: string;
  /** Where the item is current, when that is more than "the URL starts with path". */
  activeOn?: (pathname: string) => boolean;
  /** Sub-pages; the item shows when any of them is allowed. */
  children?: readonly NavChild[];
};

const isDashboard = (pathname: string) => pathname === '/dasbor' || pathname === '/nasional' || /^\/program\/\d+\/dasbor$/.test(pathname);

/** Whether the item is the current page's section. */
export function isActive(item: NavItem, pathname: string): boolean {
  if (item.activeOn) return item.activeOn(pathname);
  return item.path !== undefined && pathname.startsWith(item.path) && !isDashboard(pathname);
}

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'dashboard', icon: IconLayoutDashboard, permission: 'program.read', path: '/dasbor', activeOn: isDashboard },
  { id: 'programs', icon: IconTargetArrow, permission: 'program.read', path: '/program' },
  { id: 'sites', icon: IconMapPin, permission: 'site.read', path: '/lokasi' },
  { id: 'meetings', icon: IconFileDescription, permission: 'meeting.read', path: '/rapat' },
  { id: 'letters', icon: IconMail, permission: 'letter.read', path: '/surat' },
  {
    id: 'beneficiaries',
    icon: IconUsers,
    permission: 'person.read',
    path: '/registri',
    children: [
      { id: 'registry', permission: 'person.read', path: '/registri' },
      { id: 'subjectRequests', permission: 'subject_request.read', path: '/registri/permintaan' },
      { id: 'imports', permission: 'person.manage', path: '/registri/impor' },
      { id: 'duplicates', permission: 'person.read', path: '/registri/duplikat' },
    ],
  },
  { id: 'verval', icon: IconChecklist, permission: 'person.read', path: '/verval' },
  { id: 'cases', icon: IconClipboardList, permission: 'case.read', path: '/kasus' },
  { id: 'referrals', icon: IconHeartHandshake, permission: 'case.read', path: '/rujukan' },
  { id: 'training', icon: IconSchool, permission: 'case.read', path: '/pelatihan' },
  { id: 'followUps', icon: IconCalendarCheck, permission: 'case.read', path: '/tindak-lanjut' },
  {
    id: 'payments',
    icon: IconCash,
    permission: 'payment.read',
    path: '/bantuan',
    activeOn: (pathname) => pathname.startsWith('/bantuan') || pathname.startsWith('/anggaran') || pathname.startsWith('/pembayaran'),
    children: [
      { id: 'aidSchemes', permission: 'payment.read', path: '/bantuan/skema' },
      { id: 'entitlements', permission: 'payment.read', path: '/bantuan/hak' },
      { id: 'withoutAccount', permission: 'bank_account.manage', path: '/bantuan/tanpa-rekening' },
      { id: 'budgets', permission: 'payment.read', path: '/anggaran' },
      { id: 'paymentBatches', permission: 'payment.read', path: '/pembayaran' },
    ],
  },
  {
    id: 'reports',
    icon: IconReportAnalytics,
    permission: 'report.read',
    path: '/laporan',
    children: [{ id: 'outcomeReport', permission: 'report.read', path: '/laporan/hasil-rehabilitasi' }],
  },
  { id: 'regions', icon: IconMap2, permission: 'region.read', path: '/wilayah' },
  {
    id: 'admin',
    icon: IconSettings,
    permission: 'user.read',
    path: '/admin',
    children: [
      { id: 'users', permission: 'user.read', path: '/admin/pengguna' },
      { id: 'roles', permission: 'role.manage', path: '/admin/peran' },
      { id: 'assessmentForms', permission: 'case.configure', path: '/admin/formulir-asesmen' },
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
