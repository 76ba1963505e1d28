// Kysely types of migrations/0018_training.sql.
import type { Generated } from 'kysely';

export interface TrainingCourseTable {
  id: Generated<number>;
  code: string;
  name_id: string;
  name_en: string;
  description: Generated<string>;
  provider: Generated<string>;
  min_attendance_pct: Generated<number>;
  /** numeric(4,1): drivers answer a string. */
  hours_per_day: Generated<number | string>;
  region_code: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TrainingRunTable {
  id: Generated<number>;
  course_id: number;
  region_code: string;
  title: string;
  starts_on: string;
  ends_on: string;
  location: string;
  trainer: Generated<string>;
  capacity: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TrainingMeetingTable {
  id: Generated<number>;
  run_id: number;
  meeting_date: string;
  hours: number | string;
  topic: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface TrainingEnrolmentTable {
  id: Generated<number>;
  run_id: number;
  case_id: number;
  regency_code: string;
  status: Generated<'enrolled' | 'withdrawn'>;
  withdrawn_at: Date | null;
  withdraw_reason: string | null;
  withdrawn_by: number | null;
  certificate_number: string | null;
  certificate_issued_at: Date | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TrainingAttendanceTable {
  enrolment_id: number;
  meeting_id: number;
  status: 'present' | 'absent' | 'excused';
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}
