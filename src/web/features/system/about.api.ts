import { useQuery } from '@tanstack/react-query';
import { AboutSchema } from '../../../common/system.ts';
import { apiGet } from '../../lib/api-client.ts';

export function useAbout() {
  return useQuery({
    queryKey: ['about'],
    queryFn: ({ signal }) => apiGet('/api/about', AboutSchema, { signal }),
    staleTime: Infinity,
  });
}
