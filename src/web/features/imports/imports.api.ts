// Person imports: upload (multipart: the fields first, then the file), the import's
// status polled while a job works on it, commit, cancel and the downloads.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { IMPORT_BUSY, ImportSchema, ImportStartedSchema } from '../../../common/imports.ts';
import type { LawfulBasis } from '../../../common/persons.ts';
import type { PersonImport } from '../../../common/imports.ts';
import { apiDownload, apiGet, apiSend } from '../../lib/api-client.ts';

const ImportListSchema = z.object({ items: z.array(ImportSchema), total: z.number().int() });

const keys = {
  all: ['imports'] as const,
  list: (offset: number) => ['imports', 'list', offset] as const,
  one: (id: number) => ['imports', 'one', id] as const,
};

export const isBusy = (imp: PersonImport | undefined) => imp !== undefined && IMPORT_BUSY.includes(imp.status);

export function useImportList(offset: number) {
  return useQuery({
    queryKey: keys.list(offset),
    queryFn: ({ signal }) => apiGet('/api/imports', ImportListSchema, { params: { limit: 10, offset }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((i) => IMPORT_BUSY.includes(i.status)) ? 3000 : false),
  });
}

/** The import, polled every second while a job validates or commits it. */
export function useImport(id: number) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => apiGet(`/api/imports/${id}`, ImportSchema, { signal }),
    enabled: id > 0,
    refetchInterval: (q) => (isBusy(q.state.data) ? 1000 : false),
  });
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ siteId, lawfulBasis, dryRun, file }: { siteId: number; lawfulBasis: LawfulBasis; dryRun: boolean; file: File }) => {
      const form = new FormData();
      // The server reads the fields before the file streams in.
      form.append('siteId', String(siteId));
      form.append('dryRun', String(dryRun));
      form.append('lawfulBasis', lawfulBasis);
      form.append('file', file, file.name);
      return apiSend('POST', '/api/imports', { body: form, schema: ImportStartedSchema });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

function useImportAction(action: 'commit' | 'cancel') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend('POST', `/api/imports/${id}/${action}`, { body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
export const useCommitImport = () => useImportAction('commit');
export const useCancelImport = () => useImportAction('cancel');

export const downloadTemplate = (lang: string) => apiDownload('/api/imports/template.xlsx', { lang }, 'templat-impor-orang.xlsx');
export const downloadErrors = (id: number, lang: string) => apiDownload(`/api/imports/${id}/errors.xlsx`, { lang }, `kesalahan-impor-${id}.xlsx`);
