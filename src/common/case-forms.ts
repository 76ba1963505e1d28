// Assessment forms as data (versioned; configured without a code change) and the
// case assessments filled in from them. Shared by the server and the web app.
import { z } from 'zod';

// Custom messages carry both languages (the error handler passes them on as written).
const KEY_MESSAGE = 'huruf kecil, angka atau garis bawah, diawali huruf / lower-case letters, digits or underscores, starting with a letter';
const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, KEY_MESSAGE);
/** A form's key: at least two characters (as the table's check). */
const FormKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, `${KEY_MESSAGE} (2–40)`);
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
    const sectionKeys = d.sections.map((s) => s.key);
    d.sections.forEach((s, si) => {
      if (sectionKeys.indexOf(s.key) !== si) ctx.addIssue({ code: 'custom', path: ['sections', si, 'key'], message: `kunci ${s.key} dipakai dua kali / key ${s.key} is used twice` });
      s.questions.forEach((q, qi) => {
        const path = ['sections', si, 'questions', qi];
        if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: `kunci ${q.key} dipakai dua kali / key ${q.key} is used twice` });
        seen.add(q.key);
        const choice = q.kind === 'single_choice' || q.kind === 'multiple_choice';
        if (choice && (q.options?.length ?? 0) < 2) ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'pilihan memerlukan paling sedikit 2 opsi / a choice needs at least 2 options' });
        const values = (q.options ?? []).map((o) => o.value);
        values.forEach((v, oi) => {
          if (values.indexOf(v) !== oi) ctx.addIssue({ code: 'custom', path: [...path, 'options', oi, 'value'], message: `nilai ${v} dipakai dua kali / value ${v} is used twice` });
        });
        if (q.kind === 'yes_no' && q.options?.some((o) => o.value !== 'yes' && o.value !== 'no'))
          ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'opsi ya/tidak hanya yes atau no / yes/no options are yes or no only' });
        if (!choice && q.kind !== 'yes_no' && q.options?.length) ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'opsi hanya untuk pertanyaan pilihan / options are for choice questions only' });
        if (q.flag && q.kind !== 'number') ctx.addIssue({ code: 'custom', path: [...path, 'flag'], message: 'batas penanda hanya untuk angka / flag bounds are for numbers only' });
        if (q.flag && q.flag.below !== undefined && q.flag.above !== undefined && q.flag.below > q.flag.above)
          ctx.addIssue({ code: 'custom', path: [...path, 'flag', 'below'], message: 'batas bawah melebihi batas atas / the lower bound exceeds the upper one' });
      });
    });
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
  key: FormKey,
  /** The version this one was copied from: refused (409) when a newer one was saved meanwhile. */
  basedOnVersion: z.number().int().positive().optional(),
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

// ---- scoring (the server on submission; the form editor's preview) ----

export const emptyAnswer = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export function questionsOf(def: FormDefinition): Question[] {
  return def.sections.flatMap((s) => s.questions);
}

/** The score (sum of the chosen options' scores) and the flags raised. */
export function scoreAnswers(def: FormDefinition, answers: Answers): { score: number; flags: string[] } {
  let score = 0;
  const flags = new Set<string>();
  for (const q of questionsOf(def)) {
    const v = answers[q.key];
    if (emptyAnswer(v)) continue;
    const chosen = q.kind === 'yes_no' ? [v === true ? 'yes' : 'no'] : q.kind === 'single_choice' ? [v as string] : q.kind === 'multiple_choice' ? (v as string[]) : [];
    for (const o of q.options ?? [])
      if (chosen.includes(o.value)) {
        score += o.score ?? 0;
        if (o.flag) flags.add(o.flag);
      }
    if (q.kind === 'number' && q.flag && typeof v === 'number') {
      if ((q.flag.below !== undefined && v < q.flag.below) || (q.flag.above !== undefined && v > q.flag.above)) flags.add(q.flag.code);
    }
  }
  return { score, flags: [...flags].sort() };
}
