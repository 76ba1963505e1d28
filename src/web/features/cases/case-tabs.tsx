// The tabs of the case page (/kasus/:id/:tab): every part of a case, inline, so a case
// worker does the whole case from one page. The key is the tab's URL segment (old
// links such as /kasus/12/pelatihan land on their tab). Order = display order.
// Labels come from the cases namespace; panels of other modules take the case id.
import type { ComponentType } from 'react';
import type { CaseDetail } from '../../../common/cases.ts';
import { ReferralsPanel } from '../case-services/ReferralsPanel.tsx';
import { ReturnHomePanel } from '../case-services/ReturnHomePanel.tsx';
import { FollowUpsPanel } from '../follow-ups/FollowUpsPanel.tsx';
import { CaseTrainingPanel } from '../training/CaseTrainingPanel.tsx';
import { AssessmentTab } from './AssessmentTab.tsx';
import { NotesTab } from './NotesTab.tsx';
import { PlanTab } from './PlanTab.tsx';
import { SummaryTab } from './SummaryTab.tsx';

export interface CaseTab {
  key: string;
  /** i18n key in the cases namespace. */
  label: 'tabs.summary' | 'tabs.assessment' | 'tabs.plan' | 'tabs.notes' | 'tabs.training' | 'tabs.returnHome' | 'tabs.referrals' | 'tabs.followUps';
  Panel: ComponentType<{ caseData: CaseDetail }>;
}

/** A panel of another module, which knows the case by its id. */
const byId = (Panel: ComponentType<{ caseId: number }>): ComponentType<{ caseData: CaseDetail }> =>
  function CasePanel({ caseData }) {
    return <Panel caseId={caseData.id} />;
  };

export const caseTabs: CaseTab[] = [
  { key: 'ringkasan', label: 'tabs.summary', Panel: SummaryTab },
  { key: 'asesmen', label: 'tabs.assessment', Panel: AssessmentTab },
  { key: 'rencana', label: 'tabs.plan', Panel: PlanTab },
  { key: 'catatan', label: 'tabs.notes', Panel: NotesTab },
  { key: 'pelatihan', label: 'tabs.training', Panel: ({ caseData }) => <CaseTrainingPanel caseId={caseData.id} regencyCode={caseData.regencyCode} /> },
  { key: 'pemulangan', label: 'tabs.returnHome', Panel: byId(ReturnHomePanel) },
  { key: 'rujukan', label: 'tabs.referrals', Panel: byId(ReferralsPanel) },
  { key: 'tindak-lanjut', label: 'tabs.followUps', Panel: byId(FollowUpsPanel) },
];

/** The tab a URL names (path segment, or ?tab= of older links); the summary otherwise. */
export function tabOf(segment: string | undefined): CaseTab {
  return caseTabs.find((x) => x.key === segment) ?? caseTabs[0]!;
}

/** The URL of a case's tab (the summary has none of its own). */
export const caseTabPath = (caseId: number, key: string) => (key === caseTabs[0]!.key ? `/kasus/${caseId}` : `/kasus/${caseId}/${key}`);
