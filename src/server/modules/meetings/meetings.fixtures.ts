// Test fixtures of the meetings module: the Kaltara officers, the 18 May 2018 rakor.
import assert from 'node:assert/strict';
import { build } from '../../test/build-app.ts';
import { asUser, signIn, type SignedIn } from '../../test/users.ts';
import { makeSite, multipart } from '../sites/sites.matrix.ts';

type T = Parameters<typeof build>[0];
export type Res = Awaited<ReturnType<Awaited<ReturnType<typeof build>>['app']['inject']>>;

/** Kaltara's provincial officer, Nunukan's (65.03) and Kota Tarakan's (65.71) regency officers; the clock on 18 May 2018. */
export async function setup(t: T) {
  let now = new Date('2018-05-18T02:00:00Z');
  const { app, database } = await build(t, { regions: true, clock: () => now });
  const province = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const nunukan = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const tarakan = await asUser(app, { roles: ['regency_officer'], scope: '65.71' });
  const as = (who: SignedIn, lang = 'id') => {
    const headers = { ...who.headers, 'accept-language': lang };
    return {
      get: (url: string) => app.inject({ method: 'GET', url, headers }),
      post: (url: string, payload: object) => app.inject({ method: 'POST', url, headers, payload }),
      patch: (url: string, payload: object) => app.inject({ method: 'PATCH', url, headers, payload }),
      upload: (url: string, file: { name: string; type: string; bytes: Buffer }) => {
        const body = multipart(file);
        return app.inject({ method: 'POST', url, headers: { ...headers, ...body.headers }, payload: body.payload });
      },
    };
  };
  /** The rakor of Friday 18 May 2018, 09:00 WITA in Nunukan, organised by the provincial Dinsos. */
  const rakor = async (extra: Record<string, unknown> = {}) => {
    const siteId = await makeSite(app, '65.03.02', { name: 'Lokalisasi Km 9' });
    const res = await as(province).post('/api/meetings', {
      type: 'rakor',
      title: 'Rapat Koordinasi Penutupan Lokalisasi di Kabupaten Nunukan',
      startsAt: '2018-05-18T09:00:00+08:00',
      place: 'Kantor Bupati Nunukan',
      organiser: 'Dinas Sosial Provinsi Kalimantan Utara',
      regionCode: '65',
      participants: [
        { institution: 'Dinsos Provinsi Kaltara', representedBy: 'Kepala Dinas' },
        { institution: 'Dinsos Kabupaten Nunukan' },
        { institution: 'Pemkab Nunukan' },
        { institution: 'Polres Nunukan' },
      ],
      regionCodes: ['65.03'],
      siteIds: [siteId],
      agenda: 'Penutupan lokalisasi di Nunukan: sasaran, jadwal, pembinaan eks pekerja',
      ...extra,
    });
    assert.equal(res.statusCode, 200, res.body);
    return { meeting: res.json(), siteId };
  };
  /** Moves the clock and signs the users in again (sessions end after 12 hours). */
  const setNow = async (d: string, ...others: SignedIn[]) => {
    now = new Date(d);
    for (const who of [province, nunukan, tarakan, ...others]) who.headers = (await signIn(app, who.user.username, who.password)).headers;
  };
  return { app, database, province, nunukan, tarakan, as, rakor, setNow };
}

export const fieldsOf = (res: Res) => {
  assert.equal(res.statusCode, 400, res.body);
  return (res.json().error.fields ?? []).map((f: { field: string }) => f.field).sort();
};
