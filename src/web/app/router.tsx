import { createBrowserRouter, Navigate } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { RegionsPage } from '../features/regions/RegionsPage.tsx';
import { regionPath } from '../features/regions/region-paths.ts';
import { useWorkingRegion } from '../features/regions/working-region.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { PublicLayout } from './layout/PublicLayout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequirePermission } from './RequirePermission.tsx';
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
    children: [{ path: '/masuk', element: <SignInPage /> }],
  },
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: '/wilayah', element: regionsScreen },
      { path: '/wilayah/:code', element: regionsScreen },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
