// Jaro-Winkler similarity (0…1): the usual measure for short personal names,
// forgiving transpositions and rewarding a shared beginning. It reads the packed
// names of table.ts in place (no strings): letters are compared without case, since
// upper case only marks where a token begins.

const FOLD = 0x20; // 'A' | 0x20 === 'a'
const TOKEN_FLOOR = 0.85;
// Scratch space, reused: a name has at most MAX_NAME (120) letters and 60 tokens.
const matchedA = new Uint8Array(128);
const matchedB = new Uint8Array(128);
const tokensA = new Uint32Array(64);
const tokensB = new Uint32Array(64);

/** Whether text[a0, a1) and text[b0, b1) hold the same letters. */
export function sameLetters(s: Uint8Array, a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let i = 0; i < a1 - a0; i++) if ((s[a0 + i]! | FOLD) !== (s[b0 + i]! | FOLD)) return false;
  return true;
}

export function jaroWinkler(s: Uint8Array, a0: number, a1: number, b0: number, b1: number): number {
  const la = a1 - a0;
  const lb = b1 - b0;
  if (la === 0 || lb === 0) return 0;
  if (sameLetters(s, a0, a1, b0, b1)) return 1;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = s[a0 + i]! | FOLD;
    const hi = Math.min(lb - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++)
      if (matchedB[j] === 0 && (s[b0 + j]! | FOLD) === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[j] === 0) j++;
    if ((s[a0 + i]! | FOLD) !== (s[b0 + j]! | FOLD)) transpositions++;
    j++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && (s[a0 + prefix]! | FOLD) === (s[b0 + prefix]! | FOLD)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Where each token of text[from, to) starts (an upper-case letter), then `to`; returns the count. */
function tokenStarts(s: Uint8Array, from: number, to: number, out: Uint32Array): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s[i]! < 0x61) out[n++] = i;
  out[n] = to;
  return n;
}

/**
 * Names compared token by token: each token of the shorter name against its best
 * match in the longer, averaged, and lowered a little for every token the longer
 * name has beyond it ("Nining" is not quite "Nining Sukmawati"). A token that comes
 * nowhere near any of the other name's counts as nothing: two different names share
 * enough letters for Jaro-Winkler to give ~0.6, which let "Mega Sahara Hayati" pass
 * for "Mega Hayati Handayani".
 */
export function tokenSimilarity(s: Uint8Array, a0: number, a1: number, b0: number, b1: number): number {
  const na = tokenStarts(s, a0, a1, tokensA);
  const nb = tokenStarts(s, b0, b1, tokensB);
  const [short, ns, long, nl] = na <= nb ? [tokensA, na, tokensB, nb] : [tokensB, nb, tokensA, na];
  if (ns === 0) return 0;
  let sum = 0;
  for (let x = 0; x < ns; x++) {
    let best = 0;
    for (let y = 0; y < nl && best < 1; y++) best = Math.max(best, jaroWinkler(s, short[x]!, short[x + 1]!, long[y]!, long[y + 1]!));
    sum += best < TOKEN_FLOOR ? 0 : best;
  }
  return (sum / ns) * Math.max(0, 1 - 0.15 * (nl - ns));
}
