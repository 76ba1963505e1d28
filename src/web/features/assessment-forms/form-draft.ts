// The editor's working copy of an assessment form: a new version starts as a copy of the
// latest. Items carried over keep their keys (answers follow keys from one version of an
// assessment to the next); new items take a key made from their Indonesian label until
// the user types one. Pure functions; the server checks the result field by field.
import type { AssessmentForm, FormDefinition, Label, QuestionKind } from '../../../common/case-forms.ts';

export interface DraftOption {
  uid: string;
  value: string;
  label: Label;
  score: number | null;
  flag: string;
  /** From the copied version: its value stays. */
  locked: boolean;
  keyEdited: boolean;
}

/** Score and flag of a yes/no answer (stored as options 'yes'/'no' only when one is set). */
export interface YesNoRule {
  score: number | null;
  flag: string;
  label: Label;
}

export interface DraftQuestion {
  uid: string;
  key: string;
  kind: QuestionKind;
  label: Label;
  help: Label;
  required: boolean;
  /** Choices (single and multiple). */
  options: DraftOption[];
  yesNo: { yes: YesNoRule; no: YesNoRule };
  /** Numbers: raise `code` below or above a bound. */
  bound: { code: string; below: number | null; above: number | null };
  locked: boolean;
  /** The kind in the copied version (earlier answers have that type). */
  lockedKind: QuestionKind | null;
  keyEdited: boolean;
}

export interface DraftSection {
  uid: string;
  key: string;
  title: Label;
  questions: DraftQuestion[];
  locked: boolean;
  keyEdited: boolean;
}

export interface DraftForm {
  key: string;
  basedOnVersion: number;
  title: Label;
  note: string;
  sections: DraftSection[];
}

let counter = 0;
const uid = () => `d${++counter}`;
const label = (id = '', en = ''): Label => ({ id, en });

export const isChoice = (kind: QuestionKind) => kind === 'single_choice' || kind === 'multiple_choice';

const YES = label('Ya', 'Yes');
const NO = label('Tidak', 'No');

export function newOption(): DraftOption {
  return { uid: uid(), value: '', label: label(), score: null, flag: '', locked: false, keyEdited: false };
}

export function newQuestion(kind: QuestionKind = 'text'): DraftQuestion {
  return {
    uid: uid(),
    key: '',
    kind,
    label: label(),
    help: label(),
    required: false,
    options: isChoice(kind) ? [newOption(), newOption()] : [],
    yesNo: { yes: { score: null, flag: '', label: YES }, no: { score: null, flag: '', label: NO } },
    bound: { code: '', below: null, above: null },
    locked: false,
    lockedKind: null,
    keyEdited: false,
  };
}

export function newSection(): DraftSection {
  return { uid: uid(), key: '', title: label(), questions: [newQuestion()], locked: false, keyEdited: false };
}

/** The working copy of a saved version. */
export function toDraft(form: AssessmentForm): DraftForm {
  return {
    key: form.key,
    basedOnVersion: form.version,
    title: { ...form.title },
    note: '',
    sections: form.definition.sections.map((s) => ({
      uid: uid(),
      key: s.key,
      title: { ...s.title },
      locked: true,
      keyEdited: true,
      questions: s.questions.map((q) => {
        const yn = (value: 'yes' | 'no', fallback: Label): YesNoRule => {
          const o = q.kind === 'yes_no' ? q.options?.find((x) => x.value === value) : undefined;
          return { score: o?.score ?? null, flag: o?.flag ?? '', label: o ? { ...o.label } : fallback };
        };
        return {
          uid: uid(),
          key: q.key,
          kind: q.kind,
          label: { ...q.label },
          help: q.help ? { ...q.help } : label(),
          required: q.required,
          options: isChoice(q.kind)
            ? (q.options ?? []).map((o) => ({ uid: uid(), value: o.value, label: { ...o.label }, score: o.score ?? null, flag: o.flag ?? '', locked: true, keyEdited: true }))
            : [],
          yesNo: { yes: yn('yes', YES), no: yn('no', NO) },
          bound: { code: q.flag?.code ?? '', below: q.flag?.below ?? null, above: q.flag?.above ?? null },
          locked: true,
          lockedKind: q.kind,
          keyEdited: true,
        };
      }),
    })),
  };
}

const scoreAndFlag = (score: number | null, flag: string) => ({ ...(score !== null ? { score } : {}), ...(flag.trim() ? { flag: flag.trim() } : {}) });

/** The definition to save (and to preview): only what the question's kind uses. */
export function toDefinition(d: DraftForm): FormDefinition {
  return {
    sections: d.sections.map((s) => ({
      key: s.key.trim(),
      title: s.title,
      questions: s.questions.map((q) => {
        const yesNo = (['yes', 'no'] as const)
          .filter((v) => q.yesNo[v].score !== null || q.yesNo[v].flag.trim())
          .map((v) => ({ value: v, label: q.yesNo[v].label, ...scoreAndFlag(q.yesNo[v].score, q.yesNo[v].flag) }));
        const options = isChoice(q.kind) ? q.options.map((o) => ({ value: o.value.trim(), label: o.label, ...scoreAndFlag(o.score, o.flag) })) : q.kind === 'yes_no' ? yesNo : [];
        const bound = q.kind === 'number' && (q.bound.code.trim() || q.bound.below !== null || q.bound.above !== null);
        return {
          key: q.key.trim(),
          kind: q.kind,
          label: q.label,
          ...(q.help.id.trim() || q.help.en.trim() ? { help: q.help } : {}),
          required: q.required,
          ...(options.length ? { options } : {}),
          ...(bound ? { flag: { code: q.bound.code.trim(), ...(q.bound.below !== null ? { below: q.bound.below } : {}), ...(q.bound.above !== null ? { above: q.bound.above } : {}) } } : {}),
        };
      }),
    })),
  };
}

/** A key from a label: "Memiliki telepon genggam?" → memiliki_telepon_genggam (unique among `taken`). */
export function keyFrom(text: string, taken: Set<string>): string {
  const base =
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 36)
      .replace(/_+$/, '') || '';
  if (!base) return '';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** Moves the item at `i` one place up (-1) or down (+1). */
export function moved<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

export const without = <T>(list: T[], i: number): T[] => list.filter((_, j) => j !== i);
export const replaced = <T>(list: T[], i: number, item: T): T[] => list.map((x, j) => (j === i ? item : x));

/** Every question key of the form but one (for unique keys). */
export function questionKeys(d: DraftForm, except?: DraftQuestion): Set<string> {
  return new Set(d.sections.flatMap((s) => s.questions.filter((q) => q !== except).map((q) => q.key)));
}

/** A question after a change: a new question's key follows its label until typed; a new kind gets what it needs. */
export function changedQuestion(d: DraftForm, q: DraftQuestion, patch: Partial<DraftQuestion>): DraftQuestion {
  const next = { ...q, ...patch };
  if (patch.key !== undefined) next.keyEdited = true;
  else if (patch.label && !q.locked && !q.keyEdited) next.key = keyFrom(patch.label.id, questionKeys(d, q));
  if (patch.kind && isChoice(patch.kind) && next.options.length < 2) next.options = [...next.options, ...Array.from({ length: 2 - next.options.length }, newOption)];
  return next;
}

/** A section after a change: a new section's key follows its title until typed. */
export function changedSection(d: DraftForm, s: DraftSection, patch: Partial<DraftSection>): DraftSection {
  const next = { ...s, ...patch };
  if (patch.key !== undefined) next.keyEdited = true;
  else if (patch.title && !s.locked && !s.keyEdited) next.key = keyFrom(patch.title.id, new Set(d.sections.filter((x) => x !== s).map((x) => x.key)));
  return next;
}

/** An option after a change: a new option's value follows its label until typed. */
export function changedOption(q: DraftQuestion, o: DraftOption, patch: Partial<DraftOption>): DraftOption {
  const next = { ...o, ...patch };
  if (patch.value !== undefined) next.keyEdited = true;
  else if (patch.label && !o.locked && !o.keyEdited) next.value = keyFrom(patch.label.id, new Set(q.options.filter((x) => x !== o).map((x) => x.value)));
  return next;
}
