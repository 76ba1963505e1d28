// Indonesian names in one comparable form. Two writings of the same name should
// meet here: old and new spelling (Soeharto/Suharto, Djoko/Joko, Tjahja/Cahya,
// Sjarifah/Syarifah, Njoman/Nyoman, Chadijah/Khadijah), doubled letters (Annisa/Anisa),
// titles and honorifics (Hj., Ibu, Ny., S.Pd), a father's name after binti/bin, and
// the many short forms of Muhammad. Spacing (Nurhaliza/Nur Haliza) is handled by
// comparing the joined form as well as the tokens.

/** Words that are not part of a person's own name. */
const HONORIFICS = new Set([
  'hj', 'h', 'hajah', 'hajjah', 'haji', 'ibu', 'bu', 'ny', 'nyonya', 'nyonyah', 'bapak', 'pak', 'bpk', 'sdri', 'sdr', 'saudari', 'saudara',
  'nona', 'nn', 'dra', 'drs', 'dr', 'ir', 'spd', 'pd', 'se', 'st', 'amd', 'skm', 'mbak', 'mba', 'teh', 'neng', 'almh', 'alm', 'alias', 'als',
]);
/** After these, the rest is a parent's name. */
const PARENT_MARKERS = new Set(['binti', 'bin', 'binte', 'bt', 'bte']);
const MUHAMMAD = new Set(['muhammad', 'muhamad', 'muhammed', 'mohammad', 'mohamad', 'mohammed', 'mochammad', 'mochamad', 'mukhammad', 'moh', 'moch', 'mohd', 'muh', 'mhd', 'md']);

/**
 * Old (Van Ophuijsen / Soewandi) spellings to the current ones. Old "j" is today's
 * "y" (Jusuf/Yusuf) and old "dj" today's "j" (Djoko/Joko): since a name's spelling
 * era is unknown, j and y are folded into one letter after dj/tj are resolved, so
 * Djojo, Joyo and Yoyo meet. Order matters.
 */
const SPELLING: [string, string][] = [
  ['oe', 'u'],
  ['tj', 'c'],
  ['dj', 'j'],
  ['j', 'y'],
  ['ch', 'kh'],
  ['dh', 'd'],
  ['ph', 'f'],
  ['th', 't'],
];

function canonicalToken(token: string): string {
  if (MUHAMMAD.has(token)) return 'muhamad';
  let t = token;
  for (const [from, to] of SPELLING) if (t.includes(from)) t = t.replaceAll(from, to);
  // Doubled letters: Annisa/Anisa, Saadah/Sadah, Muhammad/Muhamad.
  return t.replace(/(.)\1+/g, '$1');
}

// A million names hold a few tens of thousands of distinct words: each is folded once.
const folded = new Map<string, string>();
function canonicalCached(token: string): string {
  let c = folded.get(token);
  if (c === undefined) {
    if (folded.size >= 100_000) folded.clear();
    folded.set(token, (c = canonicalToken(token)));
  }
  return c;
}

/** Honorifics as they look after spelling and doubling are folded (Hadjjah → hayah, NNy → ny). */
const CANONICAL_HONORIFICS = new Set([...HONORIFICS].map(canonicalToken));

export interface NormalizedName {
  /** Canonical tokens, honorifics and the parent's name removed. */
  tokens: string[];
  /** The tokens joined without spaces: "nurhaliza" for both Nurhaliza and Nur Haliza. */
  joined: string;
}

const NON_ASCII = /[^ -~]/; // anything outside printable ASCII (tabs and the like fall to the slow path, harmlessly)

export function normalizeName(name: string): NormalizedName {
  let lower = name.toLowerCase();
  if (NON_ASCII.test(lower)) lower = lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  // Apostrophes join (Ma'ruf = Maruf); every other non-letter separates.
  const raw = lower.replace(/['\u2019`]/g, '').split(/[^a-z]+/).filter(Boolean);
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (PARENT_MARKERS.has(t) && tokens.length > 0) break;
    const canonical = canonicalCached(t);
    if (HONORIFICS.has(t) || CANONICAL_HONORIFICS.has(canonical)) continue;
    // A lone "m" first is Muhammad's most common abbreviation; other single letters are
    // initials or pieces of degrees (S.Pd → s, pd): too little to compare.
    if (t.length === 1) {
      if (t === 'm' && tokens.length === 0 && raw.length > i + 1) tokens.push('muhamad');
      continue;
    }
    tokens.push(canonical);
  }
  return { tokens, joined: tokens.join('') };
}

/** A consonant skeleton (first letter kept), for blocking that tolerates vowel changes. */
export function skeleton(s: string): string {
  return s.length === 0 ? '' : s[0] + s.slice(1).replace(/[aeiouy]/g, '');
}
