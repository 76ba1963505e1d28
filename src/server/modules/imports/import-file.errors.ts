import { defineErrors } from '../../platform/errors/app-error.ts';

// Problems with the file as a whole (reading it), as opposed to problems in its rows (RowIssue).
export const importFileError = defineErrors({
  'import.file_unreadable': {
    status: 422,
    id: 'Berkas tidak dapat dibaca sebagai {kind}: {reason}.',
    en: 'The file cannot be read as {kind}: {reason}.',
  },
  'import.csv_row_too_long': {
    status: 422,
    id: 'Baris {row} berkas CSV tidak berakhir (lebih dari 1 MB); mungkin ada tanda kutip (") yang tidak ditutup.',
    en: 'Row {row} of the CSV file does not end (over 1 MB); a quote (") may not be closed.',
  },
  'import.file_too_complex': {
    status: 422,
    id: 'Berkas memuat {what} yang terlalu besar (paling banyak {limit}); simpan ulang sebagai CSV atau bagi berkasnya.',
    en: 'The file holds {what} that is too large (at most {limit}); save it again as CSV or split it.',
  },
});
