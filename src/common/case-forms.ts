// Assessment forms as data (versioned; configured without a code change) and the
// case assessments filled in from them. Shared by the server and the web app.
import { z } from 'zod';

const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'huruf kecil, angka atau garis bawah; diawali huruf');
export const LabelSchema = z.object({ id: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
export type Label = z.infer<typeof LabelSchema>;

export const QUESTION_KINDS = ['text', 'number', 'yes_no', 'single_choice', 'multiple_choice'] as const;
export const QuestionKindSchema = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

/** A choice; `score` adds to the assessment's score and `flag` raises a flag when it is chosen. For yes/no: values 'yes' and 'no'. */
export const OptionSchema = z.object({ value: Key, label: LabelSchema, score: z.number().int().min(-100).max(100).optional(), flag: Key.optional() });

export const QuestionSchema = z.object({
  key: Key,
  kind: QuestionKindSchema,
  label: LabelSchema,
  help: LabelSchema.optional(),
  required: z.boolean().default(false),
  options: z.array(OptionSchema).max(40).optional(),
  /** Numbers: raise `code` when the answer is below or above a bound. */
  flag: z.object({ code: Key, below: z.number().optional(), above: z.number().optional() }).optional(),
});
export type Question = z.output<typeof QuestionSchema>;

/** The usual sections (needs, skills and work, education, family, health, safety, return wish, business); others may be added. */
export const SectionSchema = z.object({ key: Key, title: LabelSchema, questions: z.array(QuestionSchema).min(1).max(60) });
export type Section = z.output<typeof SectionSchema>;

export const FormDefinitionSchema = z
  .object({ sections: z.array(SectionSchema).min(1).max(20) })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        const path = ['sections', si, 'questions', qi];
        if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: `pertanyaan ${q.key} muncul dua kali` });
        seen.add(q.key);
        const choice = q.kind === 'single_choice' || q.kind === 'multiple_choice';
        if (choice && (q.options?.length ?? 0) < 2) ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'pilihan memerlukan paling sedikit 2 opsi' });
        if (q.kind === 'yes_no' && q.options?.some((o) => o.value !== 'yes' && o.value !== 'no'))
          ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'opsi ya/tidak hanya yes atau no' });
        if (!choice && q.kind !== 'yes_no' && q.options?.length) ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'opsi hanya untuk pertanyaan pilihan' });
        if (q.flag && q.kind !== 'number') ctx.addIssue({ code: 'custom', path: [...path, 'flag'], message: 'batas penanda hanya untuk angka' });
      }),
    );
  });
export type FormDefinition = z.output<typeof FormDefinitionSchema>;

export const AssessmentFormSchema = z
  .object({
    id: z.number(),
    key: z.string(),
    version: z.number(),
    title: LabelSchema,
    definition: FormDefinitionSchema,
    note: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AssessmentForm' });
export type AssessmentForm = z.output<typeof AssessmentFormSchema>;

export const AssessmentFormsSchema = z.object({ items: z.array(AssessmentFormSchema), actions: z.array(z.enum(['configure'])) });

export const CreateFormVersionSchema = z.object({
  key: Key,
  title: LabelSchema,
  definition: FormDefinitionSchema,
  note: z.string().trim().max(1000).default(''),
});

// ---- assessments ----

export const AnswerSchema = z.union([z.string().max(4000), z.number(), z.boolean(), z.array(z.string().max(40)).max(40), z.null()]);
export const AnswersSchema = z.record(z.string().max(40), AnswerSchema);
export type Answers = z.output<typeof AnswersSchema>;

export const ASSESSMENT_ACTIONS = ['edit', 'submit', 'new_version'] as const;

export const AssessmentSummarySchema = z
  .object({
    id: z.number(),
    caseId: z.number(),
    version: z.number(),
    previousId: z.number().nullable(),
    formId: z.number(),
    formKey: z.string(),
    formVersion: z.number(),
    status: z.enum(['draft', 'submitted']),
    score: z.number().nullable(),
    flags: z.array(z.string()),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedBy: z.string().nullable(),
    submittedAt: z.string().nullable(),
    actions: z.array(z.enum(ASSESSMENT_ACTIONS)),
  })
  .meta({ id: 'AssessmentSummary' });
export type AssessmentSummary = z.output<typeof AssessmentSummarySchema>;

export const AssessmentDetailSchema = AssessmentSummarySchema.extend({ answers: AnswersSchema, form: AssessmentFormSchema }).meta({ id: 'AssessmentDetail' });
export type AssessmentDetail = z.output<typeof AssessmentDetailSchema>;

export const AssessmentListSchema = z.object({ items: z.array(AssessmentSummarySchema), actions: z.array(z.enum(['create'])) });

export const StartAssessmentSchema = z.object({ formId: z.number().int().positive().optional() });
export const SaveAnswersSchema = z.object({ answers: AnswersSchema });
