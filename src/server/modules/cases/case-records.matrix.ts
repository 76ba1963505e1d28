// Authorization-matrix rows of a case's records: assessment forms and assessments
// (plans, notes and tasks follow). Cases as in cases.matrix.ts: Nunukan (own) or
// Bulungan (other), never assigned to the matrix's case worker (so she gets 404).
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { get } from '../../test/matrix.ts';
import { SYSTEM } from './cases.test-support.ts';
import { matrixCase } from './cases.matrix.ts';

export const REQUIRED_ANSWERS = { basic_needs: ['food'], education_level: 'sd', can_read: true, threatened: false, wish: 'stay' };

/** A case with a draft assessment. */
async function draft(fx: Fixture, rel: Relation): Promise<{ caseId: number; id: number }> {
  const caseId = await matrixCase(fx, rel);
  const a = await fx.app.services.caseAssessments.start(SYSTEM, caseId, undefined);
  return { caseId, id: a.id };
}

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
};
