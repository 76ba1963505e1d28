// Answers against a form definition: type checks (always) and required answers (on
// submission). Pure; messages name the question key, never an answer. The score and
// flags (scoreAnswers) live in common/case-forms.ts: the form editor's preview shows them.
import { emptyAnswer as empty, questionsOf, type Answers, type FormDefinition, type Question } from '../../../common/case-forms.ts';
import type { FieldError } from '../../platform/errors/app-error.ts';

export { scoreAnswers } from '../../../common/case-forms.ts';

function typeProblem(q: Question, v: unknown): { id: string; en: string } | null {
  const values = new Set((q.options ?? []).map((o) => o.value));
  switch (q.kind) {
    case 'text':
      return typeof v === 'string' ? null : { id: 'harus teks', en: 'must be text' };
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : { id: 'harus angka', en: 'must be a number' };
    case 'yes_no':
      return typeof v === 'boolean' ? null : { id: 'harus ya atau tidak', en: 'must be yes or no' };
    case 'single_choice':
      return typeof v === 'string' && values.has(v) ? null : { id: 'pilih salah satu opsi', en: 'choose one of the options' };
    case 'multiple_choice':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && values.has(x)) && new Set(v).size === v.length
        ? null
        : { id: 'pilih dari opsi yang tersedia', en: 'choose from the options' };
  }
}

/** Field errors of the answers; `submitting` also requires the required ones. */
export function checkAnswers(def: FormDefinition, answers: Answers, submitting: boolean): FieldError[] {
  const questions = new Map(questionsOf(def).map((q) => [q.key, q]));
  const errors: FieldError[] = [];
  for (const key of Object.keys(answers))
    if (!questions.has(key)) errors.push({ field: `body.answers.${key}`, message: { id: 'pertanyaan tidak ada di formulir', en: 'not a question of the form' } });
  for (const q of questions.values()) {
    const v = answers[q.key];
    if (empty(v)) {
      if (submitting && q.required) errors.push({ field: `body.answers.${q.key}`, message: { id: 'wajib diisi', en: 'required' } });
      continue;
    }
    const problem = typeProblem(q, v);
    if (problem) errors.push({ field: `body.answers.${q.key}`, message: problem });
  }
  return errors;
}
