// Passwords: argon2id with OWASP's parameters (19 MiB, 2 iterations, 1 lane),
// at least 12 characters, and a strength check that knows Indonesian words.
// No composition rules and no forced rotation (NIST SP 800-63B).
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as id from '@zxcvbn-ts/language-id';

const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 12;
const MIN_SCORE = 3;

const zxcvbn = new ZxcvbnFactory({
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary, ...id.dictionary },
});

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing reveals nothing. */
let dummyHash: Promise<string> | undefined;
export function verifyAgainstDummy(password: string): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}

export interface StrengthResult {
  ok: boolean;
  hint: { id: string; en: string };
}

/** Rejects short, common and guessable passwords (and ones built from the user's own names). */
export async function checkPasswordStrength(password: string, userInputs: string[] = []): Promise<StrengthResult> {
  if (password.length < MIN_PASSWORD_LENGTH)
    return {
      ok: false,
      hint: { id: `Gunakan minimal ${MIN_PASSWORD_LENGTH} karakter.`, en: `Use at least ${MIN_PASSWORD_LENGTH} characters.` },
    };
  const result = await zxcvbn.checkAsync(password, userInputs.filter(Boolean));
  if (result.score >= MIN_SCORE) return { ok: true, hint: { id: '', en: '' } };
  return {
    ok: false,
    hint: {
      id: 'Hindari kata umum, nama, tanggal dan pola papan ketik; frasa beberapa kata yang tidak umum lebih kuat.',
      en: 'Avoid common words, names, dates and keyboard patterns; a phrase of several uncommon words is stronger.',
    },
  };
}

/** A strong random password for accounts created by an administrator (must be changed at first sign-in). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}
