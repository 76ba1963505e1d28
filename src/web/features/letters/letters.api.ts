// Letters: the register, drafts and issuing, recipients, issuing units and their templates.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  LetterListSchema,
  LetterSchema,
  LetterTemplateSchema,
  LetterUnitListSchema,
  LetterUnitSchema,
  type AddRecipientsSchema,
  type CreateLetterSchema,
  type CreateLetterUnitSchema,
  type LetterType,
  type UpdateLetterSchema,
  type UpdateLetterUnitSchema,
  type UpdateRecipientSchema,
} from '../../../common/letters.ts';
import { ProgrammeListSchema } from '../../../common/programmes.ts';
import { SiteListSchema } from '../../../common/sites.ts';
import { apiDownload, apiGet, apiSend, buildUrl, type QueryParams } from '../../lib/api-client.ts';

/** The register's filters as they appear in the address bar (empty ones left out). */
export type LetterFilter = {
  type?: string;
  status?: string;
  year?: string;
  unitId?: string;
  overdue?: 'true' | 'false';
  programmeId?: string;
  siteId?: string;
  q?: string;
  sort?: string;
};
export const LETTER_FILTER_KEYS = ['type', 'status', 'year', 'unitId', 'overdue', 'programmeId', 'siteId', 'q', 'sort'] as const;

export const letterKeys = {
  all: ['letters'] as const,
  list: (filter: QueryParams) => ['letters', 'list', filter] as const,
  detail: (id: number) => ['letters', 'detail', id] as const,
  units: ['letters', 'units'] as const,
  templates: (unitId: number) => ['letters', 'templates', unitId] as const,
};

export function useLetterList(filter: LetterFilter & { limit: number; offset: number }) {
  return useQuery({
    queryKey: letterKeys.list(filter),
    queryFn: ({ signal }) => apiGet('/api/letters', LetterListSchema, { params: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The Excel export of the register with the same filters (no paging). */
export function letterExportUrl(filter: LetterFilter): string {
  return buildUrl('/api/letters.xlsx', filter);
}

export function useLetterExport() {
  return useMutation({
    mutationFn: (filter: LetterFilter) => apiDownload('/api/letters.xlsx', filter, `surat-${new Date().toISOString().slice(0, 10)}.xlsx`),
  });
}

export function useLetter(id: number) {
  return useQuery({
    queryKey: letterKeys.detail(id),
    queryFn: ({ signal }) => apiGet(`/api/letters/${id}`, LetterSchema, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function letterPdfUrl(id: number): string {
  return `/api/letters/${id}/pdf`;
}

export function useLetterPdf() {
  return useMutation({
    mutationFn: (id: number) => apiDownload(letterPdfUrl(id), {}, `surat-${id}.pdf`),
  });
}

export type NewRecipient = z.input<typeof AddRecipientsSchema>['recipients'][number];

/** Writes the draft, then adds its recipients; `recipientsError` tells when only the second step failed. */
export function useCreateLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, recipients }: { body: z.input<typeof CreateLetterSchema>; recipients: NewRecipient[] }) => {
      const letter = await apiSend('POST', '/api/letters', { body, schema: LetterSchema });
      if (recipients.length === 0) return { letter, recipientsError: null };
      try {
        return { letter: await apiSend('POST', `/api/letters/${letter.id}/recipients`, { body: { recipients }, schema: LetterSchema }), recipientsError: null };
      } catch (err) {
        return { letter, recipientsError: err };
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterKeys.all }),
  });
}

export function useUpdateLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, recipients }: { id: number; body: z.input<typeof UpdateLetterSchema>; recipients: NewRecipient[] }) => {
      let letter = await apiSend('PATCH', `/api/letters/${id}`, { body, schema: LetterSchema });
      if (recipients.length > 0) letter = await apiSend('POST', `/api/letters/${id}/recipients`, { body: { recipients }, schema: LetterSchema });
      return letter;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterKeys.all }),
  });
}

/** Issue, add recipients and record a recipient's progress: each answers the whole letter. */
export function useLetterChange(id: number) {
  const queryClient = useQueryClient();
  const onSuccess = (letter: z.output<typeof LetterSchema>) => {
    queryClient.setQueryData(letterKeys.detail(id), letter);
    void queryClient.invalidateQueries({ queryKey: ['letters', 'list'] });
  };
  return {
    issue: useMutation({ mutationFn: () => apiSend('POST', `/api/letters/${id}/issue`, { schema: LetterSchema }), onSuccess }),
    addRecipients: useMutation({
      mutationFn: (recipients: NewRecipient[]) => apiSend('POST', `/api/letters/${id}/recipients`, { body: { recipients }, schema: LetterSchema }),
      onSuccess,
    }),
    updateRecipient: useMutation({
      mutationFn: ({ recipientId, body }: { recipientId: number; body: z.input<typeof UpdateRecipientSchema> }) =>
        apiSend('PATCH', `/api/letters/${id}/recipients/${recipientId}`, { body, schema: LetterSchema }),
      onSuccess,
    }),
    /** Records the same sending date on several recipients, one request each. */
    markSent: useMutation({
      mutationFn: async ({ recipientIds, sentOn }: { recipientIds: number[]; sentOn: string }) => {
        let letter: z.output<typeof LetterSchema> | undefined;
        for (const recipientId of recipientIds) {
          letter = await apiSend('PATCH', `/api/letters/${id}/recipients/${recipientId}`, { body: { sentOn }, schema: LetterSchema });
        }
        return letter!;
      },
      onSuccess,
    }),
  };
}

// ---------------------------------------------------------------- units and templates

export function useLetterUnits() {
  return useQuery({
    queryKey: letterKeys.units,
    queryFn: ({ signal }) => apiGet('/api/letter-units', LetterUnitListSchema, { signal }),
    staleTime: 60_000,
  });
}

export function useLetterTemplates(unitId: number | null) {
  return useQuery({
    queryKey: letterKeys.templates(unitId ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/letter-units/${unitId}/templates`, z.array(LetterTemplateSchema), { signal }),
    enabled: unitId !== null,
    staleTime: 60_000,
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateLetterUnitSchema>) => apiSend('POST', '/api/letter-units', { body, schema: LetterUnitSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterKeys.units }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof UpdateLetterUnitSchema> }) =>
      apiSend('PATCH', `/api/letter-units/${id}`, { body, schema: LetterUnitSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterKeys.units }),
  });
}

export function usePutTemplate(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, body }: { type: LetterType; body: string }) =>
      apiSend('PUT', `/api/letter-units/${unitId}/templates/${type}`, { body: { body }, schema: LetterTemplateSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterKeys.templates(unitId) }),
  });
}

export function unitLogoUrl(unitId: number, version: number): string {
  return `/api/letter-units/${unitId}/logo?v=${version}`;
}

/** The unit's logo (PNG or JPEG), multipart field "file". */
export function useUnitLogo(unitId: number) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: letterKeys.units });
  return {
    upload: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData();
        form.append('file', file);
        return apiSend('PUT', `/api/letter-units/${unitId}/logo`, { body: form });
      },
      onSuccess,
    }),
    remove: useMutation({ mutationFn: () => apiSend('DELETE', `/api/letter-units/${unitId}/logo`), onSuccess }),
  };
}

// ---------------------------------------------------------------- links (programmes and sites)

export function useProgrammeOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['letters', 'programme-options'],
    queryFn: ({ signal }) => apiGet('/api/programmes', ProgrammeListSchema, { params: { limit: 200 }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useSiteOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['letters', 'site-options'],
    queryFn: ({ signal }) => apiGet('/api/sites', SiteListSchema, { params: { limit: 200 }, signal }),
    enabled,
    staleTime: 60_000,
  });
}
