// Budgets: allocations (committed, paid, remaining), the realisation report and its workbook.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AllocationListSchema, AllocationSchema, RealisationSchema, type CreateAllocationSchema, type UpdateAllocationSchema } from '../../../common/aid.ts';
import { apiDownload, apiGet, apiSend } from '../../lib/api-client.ts';

export function useAllocations(year: number) {
  return useQuery({ queryKey: ['budgets', 'allocations', year], queryFn: ({ signal }) => apiGet('/api/budgets/allocations', AllocationListSchema, { params: { year }, signal }) });
}

export function useRealisation(year: number) {
  return useQuery({ queryKey: ['budgets', 'realisation', year], queryFn: ({ signal }) => apiGet('/api/budgets/realisation', RealisationSchema, { params: { year }, signal }) });
}

export const downloadRealisation = (year: number) => apiDownload('/api/budgets/realisation.xlsx', { year }, `realisasi-${year}.xlsx`);

export function useSaveAllocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; body: z.input<typeof UpdateAllocationSchema> } | { id: null; body: z.input<typeof CreateAllocationSchema> }) =>
      v.id === null
        ? apiSend('POST', '/api/budgets/allocations', { body: v.body, schema: AllocationSchema })
        : apiSend('PUT', `/api/budgets/allocations/${v.id}`, { body: v.body, schema: AllocationSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['budgets'] }),
  });
}
