// Browser journey of rehabilitation case management on the demo data as of 2019 (the
// Nunukan cohort decided eligible), with a Dinsos Nunukan officer, a case worker and a
// head of office made with the command line:
// the officer opens a case for an eligible woman who has none yet and assigns it; the
// worker assesses her and drafts a plan; the head approves it; she is enrolled in a
// course run whose meeting days have passed and attends four of five (80 %: completed);
// her return home is planned, departed and arrived (entered after the fact, dates in the
// past, as the product allows); the 3-month follow-up visit is recorded; the head finds
// the case's reads and changes in the audit log.
// A second test: a provincial officer makes a new version of the assessment form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, signIn, startServer, type TestServer } from './support.ts';

const DESKTOP = { width: 1366, height: 900 };
const PASSWORD = 'sungai sebuku mengalir tenang 19';
type User = { username: string; role: string; region: string; name: string };
const OFFICER: User = { username: 'dinsos.nunukan', role: 'regency_officer', region: '65.03', name: 'Dinsos Nunukan (uji)' };
const WORKER: User = { username: 'pendamping.nunukan', role: 'case_worker', region: '65.03', name: 'Pendamping Nunukan (uji)' };
const HEAD: User = { username: 'kepala.nunukan', role: 'head_of_office', region: '65.03', name: 'Kepala Dinsos Nunukan (uji)' };
const CONFIGURER: User = { username: 'dinsos.kaltara', role: 'province_officer', region: '65', name: 'Dinsos Provinsi Kaltara (uji)' };
const RUN = 'Angkatan uji menjahit';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

before(async () => {
  server = await startServer({
    env: { MFA_REQUIRED: 'false' },
    prepare: async (cli) => {
      await cli(['seed', 'demo', '--as-of', '2019']);
      for (const u of [OFFICER, WORKER, HEAD, CONFIGURER])
        await cli(['user', 'create', '--username', u.username, '--role', u.role, '--region', u.region, '--display-name', u.name, '--password-stdin'], PASSWORD);
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

/** A calendar date (WIB, as the server counts days) `days` from today. */
const day = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function choose(scope: Page | Locator, combobox: string | RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: combobox }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option }).first().click();
}

async function signedIn(user: User): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => assert.fail(`Uncaught error in the page (${user.username}): ${err.message}`));
  await signIn(page, server.url, user.username, PASSWORD);
  return page;
}

/** The case's status as the header shows it. */
async function status(page: Page, expected: string): Promise<void> {
  const badge = page.getByTestId('case-status');
  await page.waitForFunction((text) => document.querySelector('[data-testid="case-status"]')?.textContent === text, expected, { timeout: 15_000 });
  assert.equal(await badge.textContent(), expected);
}

async function tab(page: Page, name: string, segment: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.waitForURL(new RegExp(`/kasus/\\d+/${segment}$`));
}

test('a case from opening to the 3-month follow-up: assessment, approved plan, training completed, return home, visit; audited', async () => {
  const pages: Page[] = [];
  try {
    await journey(pages);
  } catch (err) {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: screenshotPath(`cases-failure-${i}`), fullPage: true }).catch(() => {});
    throw err;
  }
});

async function journey(pages: Page[]): Promise<void> {
  // 1. The officer opens a case for the first eligible woman without one, and assigns it.
  const officer = await signedIn(OFFICER);
  pages.push(officer);
  await officer.goto(`${server.url}/kasus`);
  await officer.getByRole('link', { name: 'Buka kasus' }).click();
  await officer.waitForURL('**/kasus/buka');
  const openButton = officer.getByRole('button', { name: /^Buka kasus untuk TNT-6503-/ }).first();
  await visible(openButton);
  const code = (await openButton.getAttribute('aria-label'))!.replace('Buka kasus untuk ', '');
  await openButton.click();
  await officer.waitForURL(/\/kasus\/\d+$/);
  const caseUrl = officer.url();
  await visible(officer.getByRole('heading', { level: 1, name: code }));
  await status(officer, 'Penerimaan');
  await choose(officer, 'Pendamping', WORKER.name);
  await choose(officer, 'Penyelia', HEAD.name);
  await officer.getByRole('button', { name: 'Simpan penugasan' }).click();
  await visible(officer.getByRole('cell', { name: 'Ditugaskan' }));
  await visible(officer.locator('dd', { hasText: WORKER.name }));
  await officer.screenshot({ path: screenshotPath('cases-1-opened'), fullPage: true });
  // She is no longer among those without a case.
  await officer.goto(`${server.url}/kasus/buka`);
  await visible(officer.getByRole('button', { name: /^Buka kasus untuk / }));
  assert.equal(await officer.getByRole('button', { name: `Buka kasus untuk ${code}` }).count(), 0);

  // 2. The officer opens a sewing course run whose five meeting days have passed.
  await officer.goto(`${server.url}/pelatihan`);
  await officer.getByRole('button', { name: 'Buka angkatan' }).click();
  const runDialog = officer.getByRole('dialog');
  await choose(runDialog, 'Kursus', 'Menjahit');
  await runDialog.getByRole('button', { name: 'Simpan' }).click();
  // The server's message stands beside the field it names.
  await visible(runDialog.getByText('minimal 2 karakter'));
  await runDialog.getByLabel(/^Angkatan/).fill(RUN);
  await runDialog.getByLabel(/^Mulai/).fill(day(-140));
  await runDialog.getByLabel(/^Selesai/).fill(day(2));
  await runDialog.getByLabel(/^Tempat/).fill('Balai Dinsos Nunukan (uji)');
  await runDialog.getByRole('button', { name: 'Simpan' }).click();
  await officer.waitForURL(/\/pelatihan\/angkatan\/\d+$/);
  for (let i = 0; i < 5; i++) {
    await officer.getByLabel('Tanggal', { exact: true }).fill(day(-138 + i));
    await officer.getByRole('button', { name: 'Tambah hari' }).click();
    await visible(officer.getByRole('heading', { name: `Hari pertemuan (${i + 1})` }));
  }

  // 3. The worker assesses her: the required answers are asked for, then scored and locked.
  const worker = await signedIn(WORKER);
  pages.push(worker);
  await worker.goto(`${server.url}/kasus`);
  await worker.getByRole('checkbox', { name: 'Kasus saya' }).check();
  await worker.getByRole('link', { name: code }).click();
  await worker.getByRole('button', { name: 'Pindah ke Asesmen' }).click();
  await status(worker, 'Asesmen');
  await tab(worker, 'Asesmen', 'asesmen');
  await worker.getByRole('button', { name: 'Mulai asesmen' }).click();
  await worker.getByRole('button', { name: 'Ajukan', exact: true }).click();
  await visible(worker.getByText('wajib diisi'));
  await worker.getByRole('checkbox', { name: 'Tempat tinggal' }).check();
  await choose(worker, /^Pendidikan terakhir/, 'SD');
  await worker.getByRole('radiogroup', { name: 'Dapat membaca dan menulis' }).getByText('Tidak').click();
  await worker.getByRole('radiogroup', { name: /^Ada ancaman dari pihak lain/ }).getByText('Tidak').click();
  await choose(worker, /^Keinginan setelah penutupan/, 'Pulang ke daerah asal');
  await worker.getByLabel('Gagasan usaha').fill('Warung kelontong di kampung halaman (uji)');
  await worker.getByRole('button', { name: 'Ajukan', exact: true }).click();
  // shelter 2 + primary school 1 + cannot read 2 = 5
  await visible(worker.getByText('Skor: 5'));
  await visible(worker.getByText('Perlu tempat tinggal'));
  await visible(worker.getByText(/sudah diajukan dan dikunci/));
  await worker.screenshot({ path: screenshotPath('cases-2-assessment'), fullPage: true });

  // 4. A plan with two ATENSI services, submitted for approval.
  await worker.getByRole('button', { name: 'Pindah ke Rencana' }).click();
  await status(worker, 'Rencana');
  await tab(worker, 'Rencana', 'rencana');
  await worker.getByRole('button', { name: 'Susun rencana' }).click();
  await worker.getByRole('button', { name: 'Tambah tujuan' }).click();
  await worker.getByLabel('Tujuan', { exact: true }).fill('Pulang ke daerah asal dan membuka warung');
  await worker.getByLabel('Target').fill(day(180));
  await worker.getByRole('button', { name: 'Tambah layanan' }).click();
  await worker.getByRole('textbox', { name: 'Uraian' }).nth(0).fill('Pelatihan menjahit angkatan uji');
  await worker.getByRole('textbox', { name: 'Penanggung jawab' }).nth(0).fill('Dinas Sosial Kabupaten Nunukan');
  await worker.getByRole('button', { name: 'Tambah layanan' }).click();
  await worker.getByRole('combobox', { name: 'Komponen' }).nth(1).click();
  await worker.getByRole('option', { name: 'Dukungan keluarga' }).click();
  await worker.getByRole('textbox', { name: 'Uraian' }).nth(1).fill('Pertemuan dengan keluarga sebelum pulang');
  await worker.getByRole('textbox', { name: 'Penanggung jawab' }).nth(1).fill('Pendamping');
  await worker.getByRole('button', { name: 'Simpan', exact: true }).click();
  await visible(worker.getByText('Rencana versi 1'));
  await worker.getByRole('button', { name: 'Ajukan untuk persetujuan' }).click();
  await visible(worker.getByText('Diajukan', { exact: true }));

  // 5. The head of office approves it.
  const head = await signedIn(HEAD);
  pages.push(head);
  await head.goto(`${caseUrl}/rencana`);
  await visible(head.getByText('Diajukan', { exact: true }));
  await head.getByRole('button', { name: 'Setujui' }).click();
  await visible(head.getByText('Disetujui', { exact: true }));
  await head.screenshot({ path: screenshotPath('cases-3-plan-approved'), fullPage: true });

  // 6. Services: enrolled in the run, four of five days attended — completed (≥ 80 %).
  await worker.goto(caseUrl);
  await worker.getByRole('button', { name: 'Pindah ke Layanan' }).click();
  await status(worker, 'Layanan');
  await tab(worker, 'Pelatihan', 'pelatihan');
  await choose(worker, 'Angkatan', new RegExp(RUN));
  await worker.getByRole('button', { name: 'Daftarkan' }).click();
  await visible(worker.getByRole('cell', { name: 'Berjalan' }));
  await worker.getByRole('link', { name: RUN }).click();
  await worker.waitForURL(/\/pelatihan\/angkatan\/\d+$/);
  const runUrl = worker.url();
  for (let i = 0; i < 5; i++) {
    await worker.getByRole('link', { name: 'Catat kehadiran' }).nth(i).click();
    await worker.waitForURL(/\/pelatihan\/pertemuan\/\d+$/);
    const mark = worker.getByRole('radiogroup', { name: `Kehadiran ${code}` });
    await mark.getByText(i < 4 ? 'Hadir' : 'Tidak hadir', { exact: true }).click();
    await worker.getByRole('button', { name: /^Simpan \(1 peserta\)/ }).click();
    await visible(worker.getByText('Tersimpan.'));
    await worker.goto(runUrl);
  }
  await worker.goto(`${caseUrl}/pelatihan`);
  await visible(worker.getByRole('cell', { name: /4 dari 5 hari \(80%\)/ }));
  await visible(worker.getByRole('cell', { name: 'Lulus' }));
  await worker.screenshot({ path: screenshotPath('cases-4-training'), fullPage: true });

  // 7. Return home to East Java (another province: the regional budget pays), departed and arrived.
  await tab(worker, 'Pemulangan', 'pemulangan');
  await worker.getByRole('button', { name: 'Rencanakan pemulangan' }).click();
  const homeDialog = worker.getByRole('dialog');
  await homeDialog.getByLabel('Kode kecamatan asal').fill('35.78.01');
  assert.equal(await homeDialog.getByRole('combobox', { name: 'Penanggung biaya' }).inputValue(), 'APBD (jarak jauh)', 'the rule follows the declared home');
  await homeDialog.getByLabel(/^Tanggal rencana berangkat/).fill(day(-120));
  await choose(homeDialog, 'Moda transportasi', 'Kapal laut');
  await homeDialog.getByLabel('Biaya (Rp)').fill('950000');
  await homeDialog.getByRole('button', { name: 'Simpan' }).click();
  await homeDialog.waitFor({ state: 'hidden' });
  await visible(worker.getByText('Direncanakan'));
  await visible(worker.getByText(/Penanggung biaya: APBD \(jarak jauh\)/));
  for (const [step, date, after] of [
    ['Konfirmasi berangkat', day(-120), 'Berangkat'],
    ['Konfirmasi tiba', day(-117), 'Tiba'],
  ] as const) {
    await worker.getByRole('button', { name: step }).click();
    const dialog = worker.getByRole('dialog');
    await dialog.getByLabel(/^Tanggal/).fill(date);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(worker.getByText(after, { exact: true }));
  }

  // 8. Follow-up: the visits were scheduled on arrival; the 3-month visit is recorded.
  await worker.getByRole('button', { name: 'Pindah ke Tindak lanjut' }).click();
  await status(worker, 'Tindak lanjut');
  await tab(worker, 'Tindak lanjut', 'tindak-lanjut');
  const threeMonths = worker.getByRole('row', { name: /Kunjungan bulan ke-3/ });
  await visible(threeMonths.getByText('Terlambat'));
  await threeMonths.getByRole('button', { name: 'Catat hasil' }).click();
  const visit = worker.getByRole('dialog');
  await visit.getByLabel(/^Tanggal kunjungan/).fill(day(-20));
  await choose(visit, /^Hasil/, 'Usaha berjalan');
  await visit.getByRole('button', { name: 'Simpan' }).click();
  await visit.waitFor({ state: 'hidden' });
  await visible(threeMonths.getByText('Usaha berjalan'));
  await visible(threeMonths.getByText('Selesai'));
  assert.equal(await threeMonths.getByRole('button', { name: 'Catat hasil' }).count(), 0, 'a recorded visit is done');
  await worker.screenshot({ path: screenshotPath('cases-5-follow-up'), fullPage: true });

  // 9. The head of office finds the case's reads and changes in the audit log.
  await head.goto(caseUrl);
  await status(head, 'Tindak lanjut');
  await head.getByRole('link', { name: 'Log audit kasus ini' }).click();
  await head.waitForURL(/\/audit\?entityType=case&entityId=\d+/);
  for (const action of ['case.viewed', 'case.status_changed', 'case.follow_ups_viewed', 'case.return_home_viewed', 'case.training_viewed'])
    await visible(head.getByText(action, { exact: true }));
  await head.goto(`${head.url()}&action=case_assessment.`);
  for (const action of ['case_assessment.started', 'case_assessment.submitted', 'case_assessment.viewed']) await visible(head.getByText(action, { exact: true }));
  await head.screenshot({ path: screenshotPath('cases-6-audit'), fullPage: true });
}

test('assessment form editor: a provincial officer adds a question, sees the server’s message at its field, previews and saves version 2', async () => {
  const page = await signedIn(CONFIGURER);
  try {
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Formulir asesmen' }).click();
    await page.waitForURL('**/admin/formulir-asesmen');
    await page.getByRole('link', { name: 'Versi 1' }).click();
    await visible(page.getByRole('cell', { name: /Dapat membaca dan menulis/ }));
    await page.getByRole('link', { name: 'Buat versi baru dari versi ini' }).click();
    await page.waitForURL('**/admin/formulir-asesmen/atensi/versi-baru');

    const needs = page.getByRole('group', { name: 'Bagian 1', exact: true });
    await needs.getByRole('button', { name: 'Tambah pertanyaan' }).click();
    const q = page.getByRole('group', { name: 'Pertanyaan 1.3' });
    await q.getByLabel('Teks pertanyaan (Indonesia)').fill('Memiliki telepon genggam');
    await choose(q, 'Jenis jawaban', 'Ya/tidak');
    await q.getByRole('checkbox', { name: 'Wajib diisi' }).check();
    await q.getByLabel('Pertanyaan 1.3, Tidak: Skor').fill('2');
    await q.getByLabel('Pertanyaan 1.3, Tidak: Penanda').fill('no_phone');
    assert.equal(await q.getByLabel('Kunci').inputValue(), 'memiliki_telepon_genggam', 'a new key is made from the text');
    await page.getByRole('button', { name: 'Simpan sebagai versi 2' }).click();
    // The English text is missing: the server says so at that field.
    await visible(q.getByText('minimal 1 karakter'));
    await q.getByLabel('Teks pertanyaan (Inggris)').fill('Has a mobile phone');
    await q.getByRole('button', { name: 'Naikkan Pertanyaan 1.3' }).click();

    await page.getByRole('tab', { name: 'Pratinjau' }).click();
    await page.getByRole('radiogroup', { name: 'Memiliki telepon genggam' }).getByText('Tidak').click();
    await visible(page.getByTestId('preview-result').getByText('Skor: 2'));
    await visible(page.getByTestId('preview-result').getByText('no_phone'));
    await page.screenshot({ path: screenshotPath('cases-7-form-preview'), fullPage: true });

    await page.getByLabel(/^Catatan perubahan/).fill('Pertanyaan telepon genggam');
    await page.getByRole('button', { name: 'Simpan sebagai versi 2' }).click();
    await page.waitForURL(/\/admin\/formulir-asesmen\/\d+$/);
    await visible(page.getByText('Versi 2'));
    await visible(page.getByText('Terbaru'));
    // The new question comes second in its section.
    const rows = page.getByRole('table').first().getByRole('row');
    assert.match(await rows.nth(2).innerText(), /Memiliki telepon genggam/);
    await page.goto(`${server.url}/admin/formulir-asesmen`);
    await visible(page.getByRole('cell', { name: 'Pertanyaan telepon genggam' }));
  } catch (err) {
    await page.screenshot({ path: screenshotPath('cases-editor-failure'), fullPage: true });
    throw err;
  }
});
