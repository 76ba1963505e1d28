/** The regions screen of a code; null is the list of provinces. */
export function regionPath(code: string | null): string {
  return code ? `/wilayah/${code}` : '/wilayah';
}
