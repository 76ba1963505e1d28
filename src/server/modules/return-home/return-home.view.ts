// A return-home row as the API answers it (pseudonymous: case code and regions).
import type { ReturnHome } from '../../../common/return-home.ts';
import type { ReturnHomeRow } from './return-home.repository.ts';

export const dateOf = (d: string | Date | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export function returnHomeView(r: ReturnHomeRow, actions: ReturnHome['actions']): ReturnHome {
    return {
      id: r.id,
      caseId: r.case_id,
      caseCode: r.case_code,
      regencyCode: r.regency_code,
      homeRegion: { code: r.home_region_code, name: r.home_region_name ?? null },
      homeRegency: { code: r.home_regency_code ?? r.home_region_code.slice(0, 5), name: r.home_regency_name ?? null },
      homeRegionSource: r.home_region_source,
      plannedDate: dateOf(r.planned_date)!,
      route: r.route,
      transportMode: r.transport_mode,
      costRupiah: Number(r.cost_rupiah),
      payer: r.payer,
      proposedPayer: r.proposed_payer,
      payerReason: r.payer_reason,
      status: r.status,
      departedOn: dateOf(r.departed_on),
      departureNote: r.departure_note,
      departureConfirmedBy: r.departure_confirmed_by_name ?? null,
      arrivedOn: dateOf(r.arrived_on),
      arrivedAt: r.arrived_at ? new Date(r.arrived_at).toISOString() : null,
      arrivalNote: r.arrival_note,
      arrivalConfirmedBy: r.arrival_confirmed_by_name ?? null,
      cancelReason: r.cancel_reason,
      letter: r.letter_id === null ? null : { id: Number(r.letter_id), number: r.letter_number ?? null, status: r.letter_status ?? 'draft' },
      version: r.version,
      createdAt: new Date(r.created_at).toISOString(),
      actions,
    };
  }
