// Helpers of the letter screens: today's WIB date (letters are dated by it). Number
// previews use the server's own formatter, src/common/letter-number.ts.
const WIB_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Western Indonesia Time as 'YYYY-MM-DD' (the date letters are dated by). */
export function todayWib(): string {
  return WIB_DATE.format(new Date());
}
