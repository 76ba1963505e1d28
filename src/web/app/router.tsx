import { createBrowserRouter, Navigate } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { BreakGlassPage } from '../features/audit/BreakGlassPage.tsx';
import { MfaChallengePage } from '../features/auth/MfaChallengePage.tsx';
import { MfaEnrolPage } from '../features/auth/MfaEnrolPage.tsx';
import { PasswordChangePage } from '../features/auth/PasswordChangePage.tsx';
import { SetupPage } from '../features/auth/SetupPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { RegionsPage } from '../features/regions/RegionsPage.tsx';
import { regionPath } from '../features/regions/region-paths.ts';
import { useWorkingRegion } from '../features/regions/working-region.tsx';
import { RolesPage } from '../features/users/RolesPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { PublicLayout } from './layout/PublicLayout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequirePermission } from './RequirePermission.tsx';
import { RequireSession } from './RequireSession.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';

/** Until there is a dashboard, home is the working region's regions screen. */
function HomeRedirect() {
  const { code } = useWorkingRegion();
  return <Navigate to={regionPath(code)} replace />;
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
      { path: '/wilayah', element: regionsScreen },
      { path: '/wilayah/:code', element: regionsScreen },
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
