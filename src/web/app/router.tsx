import { createBrowserRouter, Navigate } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { BreakGlassPage } from '../features/audit/BreakGlassPage.tsx';
import { MfaChallengePage } from '../features/auth/MfaChallengePage.tsx';
import { MfaEnrolPage } from '../features/auth/MfaEnrolPage.tsx';
import { PasswordChangePage } from '../features/auth/PasswordChangePage.tsx';
import { SetupPage } from '../features/auth/SetupPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { can, useSession } from '../features/auth/session.ts';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { DashboardRedirect } from '../features/dashboard/DashboardRedirect.tsx';
import { DuplicatesPage } from '../features/duplicates/DuplicatesPage.tsx';
import { PairPage } from '../features/duplicates/PairPage.tsx';
import { NationalPage } from '../features/dashboard/NationalPage.tsx';
import { LetterDetailPage } from '../features/letters/LetterDetailPage.tsx';
import { EditLetterPage, NewLetterPage } from '../features/letters/LetterFormPage.tsx';
import { LettersPage } from '../features/letters/LettersPage.tsx';
import { LetterUnitsPage } from '../features/letters/LetterUnitsPage.tsx';
import { ProgrammePage } from '../features/programmes/ProgrammePage.tsx';
import { ProgrammesPage } from '../features/programmes/ProgrammesPage.tsx';
import { ActionItemsPage } from '../features/meetings/ActionItemsPage.tsx';
import { MeetingPage } from '../features/meetings/MeetingPage.tsx';
import { MeetingsPage } from '../features/meetings/MeetingsPage.tsx';
import { NewMeetingPage } from '../features/meetings/NewMeetingPage.tsx';
import { ImportPage } from '../features/imports/ImportPage.tsx';
import { RegionsPage } from '../features/regions/RegionsPage.tsx';
import { PersonPage } from '../features/registry/PersonPage.tsx';
import { PersonsPage } from '../features/registry/PersonsPage.tsx';
import { SubjectRequestsPage } from '../features/registry/SubjectRequestsPage.tsx';
import { regionPath } from '../features/regions/region-paths.ts';
import { useWorkingRegion } from '../features/regions/working-region.tsx';
import { SitePage } from '../features/sites/SitePage.tsx';
import { SitesPage } from '../features/sites/SitesPage.tsx';
import { ListFormPage } from '../features/verval/ListFormPage.tsx';
import { ProgrammeVervalPage } from '../features/verval/ProgrammeVervalPage.tsx';
import { SiteListsPage } from '../features/verval/SiteListsPage.tsx';
import { VervalHomePage } from '../features/verval/VervalHomePage.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { CasesPage } from '../features/cases/CasesPage.tsx';
import { OpenCasePage } from '../features/cases/OpenCasePage.tsx';
import { BudgetsPage } from '../features/budgets/BudgetsPage.tsx';
import { EntitlementsPage } from '../features/aid/EntitlementsPage.tsx';
import { SchemesPage } from '../features/aid/SchemesPage.tsx';
import { WithoutAccountPage } from '../features/aid/WithoutAccountPage.tsx';
import { PaymentBatchPage } from '../features/payments/PaymentBatchPage.tsx';
import { PaymentBatchesPage } from '../features/payments/PaymentBatchesPage.tsx';
import { MyFollowUpsPage } from '../features/follow-ups/MyFollowUpsPage.tsx';
import { OutcomeReportPage } from '../features/follow-ups/OutcomeReportPage.tsx';
import { ReferralsListPage } from '../features/case-services/ReferralsListPage.tsx';
import { AssessmentFormPage } from '../features/assessment-forms/AssessmentFormPage.tsx';
import { AssessmentFormsPage } from '../features/assessment-forms/AssessmentFormsPage.tsx';
import { FormEditorPage } from '../features/assessment-forms/FormEditorPage.tsx';
import { AttendancePage } from '../features/training/AttendancePage.tsx';
import { RunPage } from '../features/training/RunPage.tsx';
import { TrainingPage } from '../features/training/TrainingPage.tsx';
import { RolesPage } from '../features/users/RolesPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { PublicLayout } from './layout/PublicLayout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequirePermission } from './RequirePermission.tsx';
import { RequireSession } from './RequireSession.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';

/** Home: the dashboard of the most relevant provincial programme; otherwise the working region's regions screen. */
function HomeRedirect() {
  const { code } = useWorkingRegion();
  const session = useSession();
  const regions = <Navigate to={regionPath(code)} replace />;
  return can(session, 'program.read') ? <DashboardRedirect fallback={regions} /> : regions;
}

const regionsScreen = (
  <RequirePermission permission="region.read">
    <RegionsPage />
  </RequirePermission>
);

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/masuk', element: <SignInPage /> },
      { path: '/masuk/verifikasi', element: <MfaChallengePage /> },
      { path: '/masuk/aktifkan-mfa', element: <MfaEnrolPage /> },
      { path: '/masuk/ganti-kata-sandi', element: <PasswordChangePage /> },
      { path: '/penyiapan', element: <SetupPage /> },
    ],
  },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: '/dasbor',
        element: (
          <RequirePermission permission="program.read">
            <DashboardRedirect />
          </RequirePermission>
        ),
      },
      {
        path: '/program/:id/dasbor',
        element: (
          <RequirePermission permission="program.read">
            <DashboardPage />
          </RequirePermission>
        ),
      },
      {
        path: '/nasional',
        element: (
          <RequirePermission permission="program.read">
            <NationalPage />
          </RequirePermission>
        ),
      },
      { path: '/wilayah', element: regionsScreen },
      { path: '/wilayah/:code', element: regionsScreen },
      { path: '/program', element: <RequirePermission permission="program.read"><ProgrammesPage /></RequirePermission> },
      { path: '/program/:id', element: <RequirePermission permission="program.read"><ProgrammePage /></RequirePermission> },
      { path: '/lokasi', element: <RequirePermission permission="site.read"><SitesPage /></RequirePermission> },
      { path: '/lokasi/:id', element: <RequirePermission permission="site.read"><SitePage /></RequirePermission> },
      { path: '/verval', element: <RequirePermission permission="person.read"><VervalHomePage /></RequirePermission> },
      { path: '/verval/program/:id', element: <RequirePermission permission="person.read"><ProgrammeVervalPage /></RequirePermission> },
      { path: '/verval/lokasi/:siteId', element: <RequirePermission permission="person.read"><SiteListsPage /></RequirePermission> },
      { path: '/verval/lokasi/:siteId/baru', element: <RequirePermission permission="verval.manage"><ListFormPage /></RequirePermission> },
      { path: '/bantuan/skema', element: <RequirePermission permission="payment.read"><SchemesPage /></RequirePermission> },
      { path: '/bantuan/hak', element: <RequirePermission permission="payment.read"><EntitlementsPage /></RequirePermission> },
      { path: '/bantuan/tanpa-rekening', element: <RequirePermission permission="bank_account.manage"><WithoutAccountPage /></RequirePermission> },
      { path: '/anggaran', element: <RequirePermission permission="payment.read"><BudgetsPage /></RequirePermission> },
      { path: '/pembayaran', element: <RequirePermission permission="payment.read"><PaymentBatchesPage /></RequirePermission> },
      { path: '/pembayaran/:id', element: <RequirePermission permission="payment.read"><PaymentBatchPage /></RequirePermission> },
      { path: '/kasus', element: <RequirePermission permission="case.read"><CasesPage /></RequirePermission> },
      { path: '/kasus/buka', element: <RequirePermission permission="case.manage"><OpenCasePage /></RequirePermission> },
      { path: '/kasus/:id', element: <RequirePermission permission="case.read"><CasePage /></RequirePermission> },
      // Every tab of a case (pelatihan, pemulangan, rujukan, tindak-lanjut, …): case-tabs.tsx.
      { path: '/kasus/:id/:tab', element: <RequirePermission permission="case.read"><CasePage /></RequirePermission> },
      { path: '/rujukan', element: <RequirePermission permission="case.read"><ReferralsListPage /></RequirePermission> },
      { path: '/tindak-lanjut', element: <RequirePermission permission="case.read"><MyFollowUpsPage /></RequirePermission> },
      { path: '/laporan/hasil-rehabilitasi', element: <RequirePermission permission="report.read"><OutcomeReportPage /></RequirePermission> },
      { path: '/pelatihan', element: <RequirePermission permission="case.read"><TrainingPage /></RequirePermission> },
      { path: '/pelatihan/angkatan/:id', element: <RequirePermission permission="case.read"><RunPage /></RequirePermission> },
      { path: '/pelatihan/pertemuan/:id', element: <RequirePermission permission="case.read"><AttendancePage /></RequirePermission> },
      { path: '/registri', element: <RequirePermission permission="person.read"><PersonsPage /></RequirePermission> },
      { path: '/registri/permintaan', element: <RequirePermission permission="subject_request.read"><SubjectRequestsPage /></RequirePermission> },
      { path: '/registri/impor', element: <RequirePermission permission="person.manage"><ImportPage /></RequirePermission> },
      { path: '/registri/impor/:id', element: <RequirePermission permission="person.manage"><ImportPage /></RequirePermission> },
      { path: '/registri/duplikat', element: <RequirePermission permission="person.read"><DuplicatesPage /></RequirePermission> },
      { path: '/registri/duplikat/:id', element: <RequirePermission permission="person.read"><PairPage /></RequirePermission> },
      { path: '/registri/:id', element: <RequirePermission permission="person.read"><PersonPage /></RequirePermission> },
      {
        path: '/surat',
        element: (
          <RequirePermission permission="letter.read">
            <LettersPage />
          </RequirePermission>
        ),
      },
      {
        path: '/surat/baru',
        element: (
          <RequirePermission permission="letter.manage">
            <NewLetterPage />
          </RequirePermission>
        ),
      },
      {
        path: '/surat/unit',
        element: (
          <RequirePermission permission="letter.read">
            <LetterUnitsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/surat/:id',
        element: (
          <RequirePermission permission="letter.read">
            <LetterDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: '/surat/:id/ubah',
        element: (
          <RequirePermission permission="letter.manage">
            <EditLetterPage />
          </RequirePermission>
        ),
      },
      {
        path: '/rapat',
        element: (
          <RequirePermission permission="meeting.read">
            <MeetingsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/rapat/baru',
        element: (
          <RequirePermission permission="meeting.manage">
            <NewMeetingPage />
          </RequirePermission>
        ),
      },
      {
        path: '/rapat/tindak-lanjut',
        element: (
          <RequirePermission permission="meeting.read">
            <ActionItemsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/rapat/:id',
        element: (
          <RequirePermission permission="meeting.read">
            <MeetingPage />
          </RequirePermission>
        ),
      },
      { path: '/akun', element: <AccountPage /> },
      { path: '/admin', element: <Navigate to="/admin/pengguna" replace /> },
      {
        path: '/admin/pengguna',
        element: (
          <RequirePermission permission="user.read">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: '/admin/peran',
        element: (
          <RequirePermission permission="role.manage">
            <RolesPage />
          </RequirePermission>
        ),
      },
      { path: '/admin/formulir-asesmen', element: <RequirePermission permission="case.configure"><AssessmentFormsPage /></RequirePermission> },
      { path: '/admin/formulir-asesmen/:id', element: <RequirePermission permission="case.configure"><AssessmentFormPage /></RequirePermission> },
      { path: '/admin/formulir-asesmen/:key/versi-baru', element: <RequirePermission permission="case.configure"><FormEditorPage /></RequirePermission> },
      {
        path: '/audit',
        element: (
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      {
        path: '/audit/break-glass',
        element: (
          <RequirePermission permission="break_glass.review">
            <BreakGlassPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
