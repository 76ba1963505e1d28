// Test data for person imports: valid, distinctive rows and multipart bodies.

const HEADER = 'nama_lengkap,nama_samaran,jenis_kelamin,nik,no_kk,tanggal_lahir,telepon,alamat';
/** A valid NIK: a woman born 17-08-19YY in Sebuku (65.03.02); serials never end in 000 (Excel's suspect pattern). */
const yearOf = (n: number) => 91 - Math.floor(n / 9000);
export function nikOf(n: number): string {
  const s = n % 9000;
  return `6503025708${yearOf(n)}${String(s + 1 + Math.floor(s / 999)).padStart(4, '0')}`;
}
export const rowOf = (n: number, name = `Qorina Zephyrine ${n}`) =>
  `${name},Mawar ${n},P,${nikOf(n)},6503021708190${String((n % 999) + 1).padStart(3, '0')},17/08/19${yearOf(n)},08137775${String(n).padStart(4, '0')},Jalan Kenari Ungu ${n}`;
export const csvOf = (rows: string[]) => Buffer.from(`${HEADER}\n${rows.join('\n')}\n`);

/** A multipart body: the fields first, then the file. */
export function uploadBody(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = `----tuntas${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  return {
    payload: Buffer.concat([
      ...parts,
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

