// A case's rehabilitation plans (versioned, approved by a supervisor), notes
// (confidential ones shown only to the case's worker and supervisor) and tasks.
import { z } from 'zod';

const DateSchema = z.iso.date();

/** The ATENSI components a plan's services are chosen from. */
export const ATENSI_COMPONENTS = [
  'living_support',
  'care',
  'family_support',
  'therapy',
  'vocational_training',
  'entrepreneurship_training',
  'social_assistance',
  'accessibility',
] as const;
export const AtensiComponentSchema = z.enum(ATENSI_COMPONENTS);
export type AtensiComponent = z.infer<typeof AtensiComponentSchema>;

export const SERVICE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;

export const PlanGoalSchema = z.object({ text: z.string().trim().min(2).max(1000), targetDate: DateSchema.nullable().default(null) });
export const PlanServiceSchema = z
  .object({
    component: AtensiComponentSchema,
    description: z.string().trim().max(1000).default(''),
    responsible: z.string().trim().min(2).max(200),
    startDate: DateSchema,
    endDate: DateSchema.nullable().default(null),
    status: z.enum(SERVICE_STATUSES).default('planned'),
  })
  .refine((s) => s.endDate === null || s.endDate >= s.startDate, { message: 'tanggal selesai sebelum tanggal mulai', path: ['endDate'] });

export const PlanContentSchema = z.object({
  goals: z.array(PlanGoalSchema).max(20),
  services: z.array(PlanServiceSchema).max(40),
  note: z.string().trim().max(2000).default(''),
});
export type PlanContent = z.output<typeof PlanContentSchema>;

export const PLAN_ACTIONS = ['edit', 'submit', 'approve', 'return', 'new_version'] as const;

export const PlanSchema = PlanContentSchema.extend({
  id: z.number(),
  caseId: z.number(),
  version: z.number(),
  previousId: z.number().nullable(),
  status: z.enum(PLAN_STATUSES),
  returnReason: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  actions: z.array(z.enum(PLAN_ACTIONS)),
}).meta({ id: 'CasePlan' });
export type Plan = z.output<typeof PlanSchema>;

export const PlanListSchema = z.object({ items: z.array(PlanSchema), actions: z.array(z.enum(['create'])) });

// ---- notes ----

export const NoteAttachmentSchema = z.object({
  fileId: z.number(),
  /** Null once erased. */
  name: z.string().nullable(),
  sizeBytes: z.number(),
  contentType: z.string(),
  /** Shredded with the person's identity (a data-subject deletion request): no longer downloadable. */
  erased: z.boolean(),
});

export const NoteSchema = z
  .object({
    id: z.number(),
    caseId: z.number(),
    confidential: z.boolean(),
    /** Null when the note is confidential and the caller is not the case's worker, supervisor or the author. */
    text: z.string().nullable(),
    hidden: z.boolean(),
    author: z.string().nullable(),
    createdAt: z.string(),
    attachments: z.array(NoteAttachmentSchema),
    actions: z.array(z.enum(['attach'])),
  })
  .meta({ id: 'CaseNote' });
export type Note = z.output<typeof NoteSchema>;

export const NoteListSchema = z.object({ items: z.array(NoteSchema), actions: z.array(z.enum(['add'])) });
export const CreateNoteSchema = z.object({ text: z.string().trim().min(1).max(10_000), confidential: z.boolean().default(false) });

// ---- tasks ----

export const TaskSchema = z
  .object({
    id: z.number(),
    caseId: z.number(),
    title: z.string(),
    dueDate: z.string(),
    done: z.boolean(),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
    overdue: z.boolean(),
    createdBy: z.string().nullable(),
    actions: z.array(z.enum(['update'])),
  })
  .meta({ id: 'CaseTask' });
export type Task = z.output<typeof TaskSchema>;

export const TaskListSchema = z.object({ items: z.array(TaskSchema), actions: z.array(z.enum(['add'])) });
export const CreateTaskSchema = z.object({ title: z.string().trim().min(2).max(300), dueDate: DateSchema });
export const UpdateTaskSchema = z.object({ title: z.string().trim().min(2).max(300).optional(), dueDate: DateSchema.optional(), done: z.boolean().optional() });
