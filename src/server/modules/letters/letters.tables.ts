import type { Generated } from 'kysely';
import type { LetterType } from '../../../common/letters.ts';

export interface LetterUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  region_code: string;
  institution_lines: Generated<string[]>;
  address: Generated<string>;
  phone: Generated<string>;
  logo_file: string | null;
  logo_file_id: number | null;
  place: Generated<string>;
  number_format: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LetterCounterTable {
  unit_id: number;
  year: number;
  last_seq: number;
}

export interface LetterTable {
  id: Generated<number>;
  unit_id: number;
  year: number | null;
  seq: number | null;
  number: string | null;
  type: LetterType;
  letter_date: string;
  subject: string;
  classification: Generated<string>;
  nature: Generated<'biasa' | 'segera' | 'sangat_segera' | 'rahasia'>;
  attachments_count: Generated<number>;
  body: Generated<string>;
  signatory_name: Generated<string>;
  signatory_title: Generated<string>;
  copies_to: Generated<string[]>;
  programme_id: number | null;
  region_codes: Generated<string[]>;
  status: Generated<'draft' | 'issued'>;
  issued_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** The sites a letter concerns (migration 0010), in the order they were given. */
export interface LetterSiteTable {
  letter_id: number;
  site_id: number;
  position: number;
}

export interface LetterRecipientTable {
  id: Generated<number>;
  letter_id: number;
  recipient: string;
  region_code: string | null;
  sent_on: string | null;
  delivered_on: string | null;
  acknowledged_on: string | null;
  response_on: string | null;
  response_summary: string | null;
  response_document_ref: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LetterTemplateTable {
  id: Generated<number>;
  unit_id: number;
  type: LetterType;
  body: string;
  updated_at: Generated<Date>;
}
