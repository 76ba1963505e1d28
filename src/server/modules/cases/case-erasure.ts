// A person's erasure (registry/persons.erasure.ts) shreds the files attached to the notes
// of her cases: they may be ID scans or photos of her. The notes' texts stay (case
// content written by the office, kept with the aid record; see the erasure's header).
import type { ErasureStep } from '../registry/persons.erasure.ts';
import { shredFiles } from '../../platform/files/files.ts';

export const caseNoteFilesErasure: ErasureStep = {
  name: 'caseNoteFiles',
  kinds: ['storedFiles'],
  async shred(tx, personId, now) {
    const rows = await tx
      .selectFrom('case_note_attachment as a')
      .innerJoin('case_note as n', 'n.id', 'a.note_id')
      .innerJoin('rehab_case as c', 'c.id', 'n.case_id')
      .select('a.file_id')
      .where('c.person_id', '=', personId)
      .execute();
    return { count: await shredFiles(tx, rows.map((r) => Number(r.file_id)), now) };
  },
};
