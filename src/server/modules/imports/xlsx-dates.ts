// Workbooks in Excel's 1904 date system (old Mac Excel; <workbookPr date1904="1"/>)
// count date serials from 1904-01-01, 1,462 days after the 1900 system's origin.
// Dates in common/dates-id.ts are 1900-system serials, so the reader moves those
// cells into it. Only cells formatted as dates are dates: their style's number
// format, from xl/styles.xml, is a built-in date format or a custom one with d or y.

/** Days between the two systems' day 0. */
export const DATE1904_OFFSET = 1462;

export function usesDate1904(workbookXml: string | undefined): boolean {
  return /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml ?? '');
}

// Built-in number formats that show dates: 14–22 (date and time), 27–36 and 50–58 (East Asian dates), 45–47 (times with minutes: not dates).
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code that shows a date: d or y outside quoted text, escapes and [colour/condition] sections. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare);
}

/** The cell style indexes (the `s` of a cell) whose number format is a date. */
export function dateStyles(stylesXml: string | undefined): Set<number> {
  const styles = new Set<number>();
  if (!stylesXml) return styles;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = /\snumFmtId\s*=\s*["'](\d+)/.exec(m[0])?.[1];
    const code = /\sformatCode\s*=\s*"([^"]*)"|\sformatCode\s*=\s*'([^']*)'/.exec(m[0]);
    if (id && code) custom.set(Number(id), (code[1] ?? code[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(/\snumFmtId\s*=\s*["'](\d+)/.exec(m[0])?.[1] ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATES.has(id)) styles.add(index);
    index++;
  }
  return styles;
}
