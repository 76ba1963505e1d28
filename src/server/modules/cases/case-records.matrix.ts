// Authorization-matrix rows of a case's records: assessment forms and assessments,
// plans, notes and tasks. Cases as in cases.matrix.ts: Nunukan (own) or
// Bulungan (other), never assigned to the matrix's case worker (so she gets 404).
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { get } from '../../test/matrix.ts';
import { PlanContentSchema } from '../../../common/case-records.ts';
import { PDF, multipart } from '../sites/sites.matrix.ts';
import { SYSTEM } from './cases.test-support.ts';
import { matrixCase } from './cases.matrix.ts';

export const REQUIRED_ANSWERS = { basic_needs: ['food'], education_level: 'sd', can_read: true, threatened: false, wish: 'stay' };

/** A case with a draft assessment. */
async function draft(fx: Fixture, rel: Relation): Promise<{ caseId: number; id: number }> {
  const caseId = await matrixCase(fx, rel);
  const a = await fx.app.services.caseAssessments.start(SYSTEM, caseId, undefined);
  return { caseId, id: a.id };
}

const PLAN = {
  goals: [{ text: 'Usaha menjahit di rumah' }],
  services: [{ component: 'vocational_training', responsible: 'Dinsos Kabupaten', startDate: '2019-01-10' }],
};

/** A case with a draft plan; `submitted`: submitted at the command line. */
async function plan(fx: Fixture, rel: Relation, submitted = false): Promise<string> {
  const caseId = await matrixCase(fx, rel);
  const p = await fx.app.services.casePlans.create(SYSTEM, caseId, PlanContentSchema.parse(PLAN));
  if (submitted) await fx.app.services.casePlans.submit(SYSTEM, caseId, p.id);
  return `/api/cases/${caseId}/plans/${p.id}`;
}

/** A case with a note (and an attachment); the note's URL and the file id. */
async function note(fx: Fixture, rel: Relation, attached = false): Promise<{ url: string; fileId: number }> {
  const caseId = await matrixCase(fx, rel);
  const n = await fx.app.services.caseNotes.add(SYSTEM, caseId, { text: 'Catatan kunjungan', confidential: false });
  const a = attached ? await fx.app.services.caseNotes.attach(SYSTEM, caseId, n.id, { filename: 'surat.pdf', declaredType: 'application/pdf', bytes: PDF }) : n;
  return { url: `/api/cases/${caseId}/notes/${n.id}`, fileId: a.attachments[0]?.fileId ?? 0 };
}

async function task(fx: Fixture, rel: Relation): Promise<string> {
  const caseId = await matrixCase(fx, rel);
  const t = await fx.app.services.caseNotes.addTask(SYSTEM, caseId, { title: 'Kunjungan rumah', dueDate: '2019-03-01' });
  return `/api/cases/${caseId}/tasks/${t.id}`;
}

const caseRow = { allowed: 200, otherRegion: 404, caseload: 404 };

const FORM = {
  key: 'matrix_form',
  title: { id: 'Formulir matriks', en: 'Matrix form' },
  definition: { sections: [{ key: 'needs', title: { id: 'Kebutuhan', en: 'Needs' }, questions: [{ key: 'q1', kind: 'text', label: { id: 'Catatan', en: 'Note' } }] }] },
};

export const rows: MatrixRows = {
  'GET /api/assessment-forms': { request: () => get('/api/assessment-forms'), allowed: 200 },
  'POST /api/assessment-forms': { request: () => ({ method: 'POST', url: '/api/assessment-forms', payload: FORM }), allowed: 200 },
  'GET /api/cases/:id/assessments': {
    request: async (fx, _c, rel) => get(`/api/cases/${(await draft(fx, rel)).caseId}/assessments`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/cases/:id/assessments': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/cases/${await matrixCase(fx, rel)}/assessments`, payload: {} }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'GET /api/cases/:id/assessments/:assessmentId': {
    request: async (fx, _c, rel) => {
      const d = await draft(fx, rel);
      return get(`/api/cases/${d.caseId}/assessments/${d.id}`);
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'PUT /api/cases/:id/assessments/:assessmentId': {
    request: async (fx, _c, rel) => {
      const d = await draft(fx, rel);
      return { method: 'PUT', url: `/api/cases/${d.caseId}/assessments/${d.id}`, payload: { answers: { education_level: 'smp' } } };
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/cases/:id/assessments/:assessmentId/submit': {
    request: async (fx, _c, rel) => {
      const d = await draft(fx, rel);
      return { method: 'POST', url: `/api/cases/${d.caseId}/assessments/${d.id}/submit`, payload: { answers: REQUIRED_ANSWERS } };
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  // ---- plans ----
  'GET /api/cases/:id/plans': { request: async (fx, _c, rel) => get(`/api/cases/${await matrixCase(fx, rel)}/plans`), ...caseRow },
  'POST /api/cases/:id/plans': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/cases/${await matrixCase(fx, rel)}/plans`, payload: PLAN }), ...caseRow },
  'PUT /api/cases/:id/plans/:planId': { request: async (fx, _c, rel) => ({ method: 'PUT', url: await plan(fx, rel), payload: PLAN }), ...caseRow },
  'POST /api/cases/:id/plans/:planId/submit': { request: async (fx, _c, rel) => ({ method: 'POST', url: `${await plan(fx, rel)}/submit` }), ...caseRow },
  'POST /api/cases/:id/plans/:planId/approve': { request: async (fx, _c, rel) => ({ method: 'POST', url: `${await plan(fx, rel, true)}/approve` }), ...caseRow },
  'POST /api/cases/:id/plans/:planId/return': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `${await plan(fx, rel, true)}/return`, payload: { reason: 'Lengkapi jadwal' } }),
    ...caseRow,
  },
  // ---- notes ----
  'GET /api/cases/:id/notes': { request: async (fx, _c, rel) => get(`/api/cases/${await matrixCase(fx, rel)}/notes`), ...caseRow },
  'POST /api/cases/:id/notes': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/cases/${await matrixCase(fx, rel)}/notes`, payload: { text: 'Kunjungan kedua', confidential: true } }),
    ...caseRow,
  },
  'POST /api/cases/:id/notes/:noteId/attachments': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `${(await note(fx, rel)).url}/attachments`, ...multipart({ name: 'surat.pdf', type: 'application/pdf', bytes: PDF }) }),
    ...caseRow,
  },
  'GET /api/cases/:id/notes/:noteId/attachments/:fileId': {
    request: async (fx, _c, rel) => {
      const n = await note(fx, rel, true);
      return get(`${n.url}/attachments/${n.fileId}`);
    },
    ...caseRow,
  },
  // ---- tasks ----
  'GET /api/cases/:id/tasks': { request: async (fx, _c, rel) => get(`/api/cases/${await matrixCase(fx, rel)}/tasks`), ...caseRow },
  'POST /api/cases/:id/tasks': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/cases/${await matrixCase(fx, rel)}/tasks`, payload: { title: 'Antar ke puskesmas', dueDate: '2019-03-01' } }),
    ...caseRow,
  },
  'PUT /api/cases/:id/tasks/:taskId': { request: async (fx, _c, rel) => ({ method: 'PUT', url: await task(fx, rel), payload: { done: true } }), ...caseRow },
};
