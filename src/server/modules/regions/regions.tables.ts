import type { RegionLevel } from '../../../common/regions.ts';

export interface RegionTable {
  code: string;
  parent_code: string | null;
  level: RegionLevel;
  name: string;
  /** 'YYYY-MM-DD' */
  valid_from: string | null;
  valid_to: string | null;
  successor_code: string | null;
  source: string;
}
