import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isRetryable, onUnauthenticated } from '../lib/api-client.ts';
import { ReauthProvider } from '../features/auth/ReauthProvider.tsx';
import { clearSession } from '../features/auth/session.ts';
import { WorkingRegionProvider } from '../features/regions/working-region.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => failureCount < 2 && isRetryable(error),
      refetchOnWindowFocus: false,
    },
  },
});

// A 401 anywhere: forget the session; the route guard then goes to sign-in.
onUnauthenticated(() => clearSession(queryClient));

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <ReauthProvider>
          <WorkingRegionProvider>{children}</WorkingRegionProvider>
        </ReauthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
