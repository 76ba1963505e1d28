// Field-level validation messages in both languages, from zod issues.
import type { Lang } from './app-error.ts';

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  values?: unknown[];
  format?: string;
  origin?: string;
  keys?: string[];
  input?: unknown;
}

export function fieldName(prefix: string, path: PropertyKey[]): string {
  const parts = path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)));
  return [prefix, ...parts].filter(Boolean).join('.').replace(/\.\[/g, '[');
}

export function issueMessage(issue: Issue, lang: Lang): string {
  const id = lang === 'id';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.includes('received undefined') || issue.input === undefined)
        return id ? 'wajib diisi' : 'is required';
      return id ? `harus bertipe ${issue.expected}` : `must be of type ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string'
        ? id ? `minimal ${issue.minimum} karakter` : `must be at least ${issue.minimum} characters`
        : id ? `minimal ${issue.minimum}` : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? id ? `maksimal ${issue.maximum} karakter` : `must be at most ${issue.maximum} characters`
        : id ? `maksimal ${issue.maximum}` : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return id
        ? `harus salah satu dari: ${(issue.values ?? []).join(', ')}`
        : `must be one of: ${(issue.values ?? []).join(', ')}`;
    case 'invalid_format':
      return id ? `format tidak valid (${issue.format})` : `invalid format (${issue.format})`;
    case 'unrecognized_keys':
      return id
        ? `kolom tidak dikenal: ${(issue.keys ?? []).join(', ')}`
        : `unknown field(s): ${(issue.keys ?? []).join(', ')}`;
    default:
      return issue.message;
  }
}
