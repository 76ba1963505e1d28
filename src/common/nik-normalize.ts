// NIK normalisation alone, without the validator's schemas: what the seal and score
// workers need (their bundles stay small, so each worker thread stays light).

export const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g;

/** The NIK without separators: spaces (also non-breaking), dots, dashes, a leading apostrophe typed in Excel. */
export function normalizeNik(input: string): string {
  return input.replace(INVISIBLE, '').trim().replace(/^['\u2018\u2019`]/, '').replace(SEPARATORS, '');
}
