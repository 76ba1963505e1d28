// Every permission Tuntas knows. A role may only grant these; anything else is
// denied (fail closed). Modules add theirs here when they arrive.
export const PERMISSIONS = [
  // reference data
  'region.read',
  // identity and administration
  'user.read',
  'user.manage',
  'role.manage',
  'session.manage',
  // audit and break-glass
  'audit.read',
  'audit.export',
  'break_glass.request',
  'break_glass.review',
  // the closure programme
  'program.read',
  'program.manage',
  'site.read',
  'site.manage',
  'meeting.read',
  'meeting.manage',
  'letter.read',
  'letter.manage',
  // modules still to come (the navigation shows them)
  'person.read',
  'person.manage',
  'person.reveal_identity',
  // data-subject requests (UU 27/2022)
  'subject_request.read',
  'subject_request.manage',
  // lists and verification (verval): prepare lists and run the rules; decide and set the rules
  'verval.manage',
  'verval.decide',
  // rehabilitation cases: read; work a case (case workers: their caseload); approve plans and closures
  'case.read',
  'case.manage',
  'case.supervise',
  // referrals without the person's consent: approved by a head of office, with a reason
  'referral.override',
  // assessment forms (questions as data): administrators and provincial officers
  'case.configure',
  // training: the course catalogue, course runs and their meeting days (Dinsos offices)
  'training.manage',
  'payment.read',
  'payment.approve',
  // payment batches: prepare, send to the bank, reconcile (finance officers); approval is payment.approve
  'payment.prepare',
  // aid schemes and entitlements; budget allocations; persons' bank accounts (case workers: their caseload)
  'aid.manage',
  'budget.manage',
  'bank_account.manage',
  'report.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const KNOWN = new Set<string>(PERMISSIONS);
export function isPermission(value: string): value is Permission {
  return KNOWN.has(value);
}

export const ROLE_KEYS = [
  'admin',
  'ministry_officer',
  'province_officer',
  'regency_officer',
  'case_worker',
  'finance_officer',
  'head_of_office',
  'auditor',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];
