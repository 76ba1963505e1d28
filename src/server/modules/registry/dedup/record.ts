// What the matcher compares: one person as plain values in memory (decrypted by the
// caller, or read from a spreadsheet by `tuntas dedup`), prepared once.
import { normalizeNik } from '../../../../common/nik-normalize.ts';
import { normalizePhone } from '../../../platform/crypto/blind-index.ts';
import { normalizeName } from './names.ts';

export interface MatchRecord {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  sex?: 'male' | 'female';
  nik?: string;
  /** A region code such as 65.03; derived from a 16-digit NIK when missing. */
  homeRegion?: string;
  phone?: string;
}

export interface Prepared {
  id: string;
  tokens: string[];
  joined: string;
  /** [year, month, day] or null */
  birth: [number, number, number] | null;
  sex: 'male' | 'female' | null;
  nik: string | null;
  region: string | null;
  phone: string | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NIK = /^\d{16}$/;

export function prepare(r: MatchRecord): Prepared {
  const { tokens, joined } = normalizeName(r.name);
  const nik = !r.nik || NIK.test(r.nik) ? r.nik : normalizeNik(r.nik); // most are clean already
  const validNik = nik && NIK.test(nik) ? nik : null;
  const m = r.birthDate ? DATE.exec(r.birthDate) : null;
  const phone = r.phone ? normalizePhone(r.phone) : '';
  return {
    id: r.id,
    tokens,
    joined,
    birth: m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null,
    sex: r.sex ?? null,
    nik: validNik,
    region: r.homeRegion?.slice(0, 5) ?? (validNik ? `${validNik.slice(0, 2)}.${validNik.slice(2, 4)}` : null),
    phone: phone.length >= 8 ? phone : null,
  };
}
