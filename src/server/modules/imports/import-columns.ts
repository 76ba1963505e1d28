// The columns of a person import: one spec shared by the header mapping, the
// validator, the template and the documentation. Headers are matched after
// normalising (lower case, letters and digits only, a bracketed hint or a trailing
// `*` dropped), so "No. KK", "no_kk" and "NO KK (16 angka)" are the same column.

export const IMPORT_COLUMN_KEYS = ['fullName', 'alias', 'sex', 'nik', 'kk', 'birthDate', 'phone', 'address'] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMN_KEYS)[number];

export interface ImportColumn {
  key: ImportColumnKey;
  /** The header the template writes, per language. */
  header: { id: string; en: string };
  /** Other headers offices use for it, normalised (see normalizeHeader). */
  aliases: string[];
  required: boolean;
  /** An identity field: encrypted, never in a log, a report or an error message. */
  identity: boolean;
  /** Most characters a value may have (after trimming). */
  maxLength: number;
  /** What to type, for the template's notes (id/en). */
  hint: { id: string; en: string };
}

export const IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'fullName',
    header: { id: 'nama_lengkap', en: 'full_name' },
    aliases: ['nama', 'namalengkap', 'namasesuaiktp', 'namaktp', 'name', 'fullname'],
    required: true,
    identity: true,
    maxLength: 200,
    hint: { id: 'Nama sesuai KTP, 2–200 huruf', en: 'Name as on the ID card, 2–200 characters' },
  },
  {
    key: 'alias',
    header: { id: 'nama_samaran', en: 'alias' },
    aliases: ['namasamaran', 'samaran', 'namapanggilan', 'panggilan', 'alias', 'nickname'],
    required: false,
    identity: false,
    maxLength: 80,
    hint: { id: 'Nama panggilan yang boleh tampil di daftar (boleh kosong), paling banyak 80 huruf', en: 'A name that may appear in lists (optional), at most 80 characters' },
  },
  {
    key: 'sex',
    header: { id: 'jenis_kelamin', en: 'sex' },
    aliases: ['jeniskelamin', 'kelamin', 'jk', 'lp', 'pl', 'sex', 'gender'],
    required: true,
    identity: false,
    maxLength: 20,
    hint: { id: 'P (perempuan) atau L (laki-laki); juga Perempuan/Laki-laki, F/M', en: 'P (female) or L (male); also Perempuan/Laki-laki, F/M, female/male' },
  },
  {
    key: 'nik',
    header: { id: 'nik', en: 'nik' },
    aliases: ['nik', 'noktp', 'nomorktp', 'nikktp', 'nomorindukkependudukan', 'noinduk', 'nomornik', 'nonik'],
    required: false,
    identity: true,
    maxLength: 64,
    hint: { id: '16 angka, ditulis sebagai Teks (bukan angka)', en: '16 digits, typed as Text (not a number)' },
  },
  {
    key: 'kk',
    header: { id: 'no_kk', en: 'kk_number' },
    aliases: ['nokk', 'kk', 'nomorkk', 'nomorkartukeluarga', 'nokartukeluarga', 'kartukeluarga', 'kknumber', 'familycardnumber'],
    required: false,
    identity: true,
    maxLength: 64,
    hint: { id: 'Nomor Kartu Keluarga, 16 angka, ditulis sebagai Teks', en: 'Family card (KK) number, 16 digits, typed as Text' },
  },
  {
    key: 'birthDate',
    header: { id: 'tanggal_lahir', en: 'birth_date' },
    aliases: ['tanggallahir', 'tgllahir', 'tgllhr', 'tanggallhr', 'lahir', 'birthdate', 'dateofbirth', 'dob'],
    required: false,
    identity: true,
    maxLength: 40,
    hint: {
      id: 'Tanggal/bulan/tahun dengan tahun 4 angka: 18/05/1990, 18-05-1990, 18 Mei 1990, 1990-05-18, atau sel tanggal Excel',
      en: 'Day/month/year with a four-digit year: 18/05/1990, 18-05-1990, 18 Mei 1990, 1990-05-18, or an Excel date cell',
    },
  },
  {
    key: 'phone',
    header: { id: 'telepon', en: 'phone' },
    aliases: ['telepon', 'telp', 'tlp', 'notelp', 'notlp', 'notelepon', 'nomortelepon', 'nohp', 'nomorhp', 'hp', 'handphone', 'nowa', 'wa', 'whatsapp', 'nohpwa', 'phone', 'phonenumber', 'mobile'],
    required: false,
    identity: true,
    maxLength: 32,
    hint: { id: 'Nomor HP, mis. 0812 3456 7890 atau +62 812 3456 7890, ditulis sebagai Teks', en: 'Mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890, typed as Text' },
  },
  {
    key: 'address',
    header: { id: 'alamat', en: 'address' },
    aliases: ['alamat', 'alamatlengkap', 'alamatdomisili', 'domisili', 'address'],
    required: false,
    identity: true,
    maxLength: 500,
    hint: { id: 'Alamat tinggal sekarang (boleh kosong), paling banyak 500 huruf', en: 'Current address (optional), at most 500 characters' },
  },
];

export const IMPORT_COLUMN: Record<ImportColumnKey, ImportColumn> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c])) as Record<ImportColumnKey, ImportColumn>;

/** Numbering columns lists often start with; ignored without a warning. */
export const IGNORED_HEADERS = new Set(['no', 'nomor', 'nourut', 'nomorurut', 'urut']);

/** A header as compared: lower case, letters and digits only; "(…)" hints and a required `*` dropped. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const BY_NAME = new Map<string, ImportColumnKey>();
for (const c of IMPORT_COLUMNS)
  for (const name of [c.header.id, c.header.en, ...c.aliases]) {
    const n = normalizeHeader(name);
    const other = BY_NAME.get(n);
    if (other && other !== c.key) throw new Error(`import header ${n} names both ${other} and ${c.key}`);
    BY_NAME.set(n, c.key);
  }

/** The column a header names, if any. */
export function columnForHeader(header: string): ImportColumnKey | undefined {
  return BY_NAME.get(normalizeHeader(header));
}

/**
 * The template's example row: obviously fake (the name says to delete it), and consistent
 * (the NIK agrees with the sex and birth date), so it shows a row that passes. An import
 * refuses it (row.template_example), in case it was left in.
 */
export const TEMPLATE_EXAMPLE: Record<'id' | 'en', Record<ImportColumnKey, string>> = {
  id: {
    fullName: 'CONTOH Siti Fiktif (hapus baris ini)',
    alias: 'Contoh',
    sex: 'P',
    nik: '6503024101909999',
    kk: '6503021201189999',
    birthDate: '01/01/1990',
    phone: '0812-0000-0000',
    address: 'Jl. Contoh No. 1, Nunukan',
  },
  en: {
    fullName: 'EXAMPLE Siti Fiktif (delete this row)',
    alias: 'Example',
    sex: 'P',
    nik: '6503024101909999',
    kk: '6503021201189999',
    birthDate: '01/01/1990',
    phone: '0812-0000-0000',
    address: 'Jl. Contoh No. 1, Nunukan',
  },
};
