// One typed error for the whole server. Each module declares its codes with
// defineErrors(); the error handler turns an AppError into HTTP + a translated message.

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

export interface ErrorDefinition {
  status: number;
  /** Message templates; `{name}` is replaced by the param of that name. */
  id: string;
  en: string;
}

/** Text that depends on the reader's language. */
export type Localized = { id: string; en: string };

export interface FieldError {
  field: string;
  message: string | Localized;
}

type Params = Record<string, string | number | Localized>;

const registry = new Map<string, ErrorDefinition>();

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly params: Params = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
  }

  get status(): number {
    return registry.get(this.code)?.status ?? 500;
  }

  translate(lang: Lang): string {
    const def = registry.get(this.code);
    if (!def) return translateCode('internal', lang);
    return interpolate(def[lang], this.params, lang);
  }
}

/** Declares a module's error codes; returns a typed factory for them. */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(defs: T) {
  for (const [code, def] of Object.entries(defs)) {
    const existing = registry.get(code);
    if (existing && existing !== def) throw new Error(`Error code declared twice: ${code}`);
    registry.set(code, def);
  }
  return (code: keyof T & string, params?: Params, fields?: FieldError[]) =>
    new AppError(code, params, fields);
}

export function translateCode(code: string, lang: Lang, params: Params = {}): string {
  const def = registry.get(code);
  return def ? interpolate(def[lang], params, lang) : code;
}

export function isKnownCode(code: string): boolean {
  return registry.has(code);
}

function interpolate(template: string, params: Params, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? localize(params[k]!, lang) : m));
}

export function localize(value: string | number | Localized, lang: Lang): string {
  return typeof value === 'object' ? value[lang] : String(value);
}
