import type { Generated } from 'kysely';

/** `date` columns come back as 'YYYY-MM-DD' (see platform/db). */
type DateColumn = string;

export type MeetingTypeColumn = 'rakor' | 'technical' | 'socialisation' | 'monitoring' | 'other';
export type ActionItemStatusColumn = 'open' | 'in_progress' | 'done' | 'cancelled';

export interface MeetingTable {
  id: Generated<number>;
  type: MeetingTypeColumn;
  title: string;
  starts_at: Date | string;
  ends_at: Date | string | null;
  place: Generated<string>;
  organiser: Generated<string>;
  region_code: string;
  programme_id: number | null;
  agenda: Generated<string>;
  minutes: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MeetingParticipantTable {
  id: Generated<number>;
  meeting_id: number;
  institution: string;
  represented_by: Generated<string>;
  sort: number;
}

export interface MeetingRegionTable {
  meeting_id: number;
  region_code: string;
}

export interface MeetingSiteTable {
  meeting_id: number;
  site_id: number;
}

export interface MeetingAttachmentTable {
  id: Generated<number>;
  meeting_id: number;
  file_id: number;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface MeetingDecisionTable {
  id: Generated<number>;
  meeting_id: number;
  text: string;
  sort: number;
  created_at: Generated<Date>;
}

export interface ActionItemTable {
  id: Generated<number>;
  meeting_id: number;
  decision_id: number | null;
  title: string;
  owner_kind: 'institution' | 'user';
  owner_institution: string | null;
  owner_user_id: number | null;
  due_date: DateColumn;
  status: Generated<ActionItemStatusColumn>;
  done_at: Date | null;
  region_code: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
