// The tabs of the case page (/kasus/:id). Other modules add theirs HERE: either an
// inline panel (`Panel`, rendered with the case) or a link to a page of their own
// (`path`). Order = display order. Labels come from the module's own namespace.
import type { ComponentType } from 'react';
import type { CaseDetail } from '../../../common/cases.ts';
import { AssessmentTab } from './AssessmentTab.tsx';
import { NotesTab } from './NotesTab.tsx';
import { PlanTab } from './PlanTab.tsx';
import { SummaryTab } from './SummaryTab.tsx';

export interface CaseTab {
  key: string;
  /** i18n key with namespace, e.g. 'cases:tabs.summary'. */
  label: string;
  /** An inline panel… */
  Panel?: ComponentType<{ caseData: CaseDetail }>;
  /** …or a page of its own (the tab links there). */
  path?: (caseId: number) => string;
}

export const caseTabs: CaseTab[] = [
  { key: 'ringkasan', label: 'cases:tabs.summary', Panel: SummaryTab },
  { key: 'asesmen', label: 'cases:tabs.assessment', Panel: AssessmentTab },
  { key: 'rencana', label: 'cases:tabs.plan', Panel: PlanTab },
  { key: 'catatan', label: 'cases:tabs.notes', Panel: NotesTab },
  // Services of other modules (their own pages; switch to a Panel when they have one):
  { key: 'pelatihan', label: 'cases:tabs.training', path: (id) => `/kasus/${id}/pelatihan` },
  { key: 'pemulangan', label: 'cases:tabs.returnHome', path: (id) => `/kasus/${id}/pemulangan` },
  { key: 'rujukan', label: 'cases:tabs.referrals', path: (id) => `/kasus/${id}/rujukan` },
  { key: 'tindak-lanjut', label: 'cases:tabs.followUps', path: (id) => `/kasus/${id}/tindak-lanjut` },
];
