// Browser journey of the registry (issue 5): on the demo's Nunukan site, a Nunukan
// regency officer imports a small list with a bad NIK (sees the error, downloads
// the error report), fixes the file and imports it; puts the site's people on a
// list and evaluates them, and the provincial head of office confirms one person's
// eligibility; the officer runs the duplicate search and merges the woman listed
// twice (Nurhaliza / Hj. Nur Haliza), reveals an identity with a reason after
// re-authenticating, and the head of office finds that reveal, with its reason, in
// the audit log.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, signIn, startServer, type TestServer } from './support.ts';

const OFFICER = { username: 'dinsos.nunukan', password: 'Perahu kayu menyeberang ke Sebatik 7', role: 'regency_officer', region: '65.03', name: 'Petugas Dinsos Nunukan' };
const HEAD = { username: 'kadis.kaltara', password: 'Kapal feri berangkat pagi dari Tarakan 9', role: 'head_of_office', region: '65', name: 'Kepala Dinas Sosial Kaltara' };
const PROGRAMME = 'Kaltara Bebas Lokalisasi 2018';
const REVEAL_REASON = 'Verifikasi bersama daftar Nunukan dengan Kemensos';
const MERGE_REASON = 'Orang yang sama: ejaan nama berbeda, tanggal dan bulan lahir tertukar';

// Three fictional women; row 3 (the second person) has a NIK of 12 digits.
const HEADER = 'nama_lengkap,nama_samaran,jenis_kelamin,nik,tanggal_lahir,telepon,alamat';
const ROW_1 = 'Kartini Fiktif,Melati 01,P,6503025708920101,17/08/1992,080065039101,"Jalan Contoh Nomor 101, Nunukan (demo)"';
const ROW_3 = 'Rukmini Fiktif,Melati 03,P,,21 Mei 1988,,"Jalan Contoh Nomor 103, Nunukan (demo)"';
const badCsv = [HEADER, ROW_1, 'Sulastri Fiktif,Melati 02,P,650302440392,04/03/1992,,"Jalan Contoh Nomor 102, Nunukan (demo)"', ROW_3].join('\r\n');
const fixedCsv = [HEADER, ROW_1, 'Sulastri Fiktif,Melati 02,P,6503024403920102,04/03/1992,,"Jalan Contoh Nomor 102, Nunukan (demo)"', ROW_3].join('\r\n');

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startServer({
    env: { MFA_REQUIRED: 'false' },
    prepare: async (cli) => {
      await cli(['seed', 'demo', '--without-events']);
      for (const u of [OFFICER, HEAD])
        await cli(['user', 'create', '--username', u.username, '--role', u.role, '--region', u.region, '--display-name', u.name, '--password-stdin'], u.password);
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function choose(page: Page, combobox: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => assert.fail(`Uncaught error in the page: ${err.message}`));
  return page;
}

test('import with an error, fix, import; verify eligibility; resolve a duplicate; reveal with a reason and find it in the audit log', async () => {
  const officerContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const headContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const officer = await newPage(officerContext);
  const head = await newPage(headContext);
  let current = officer;
  try {
    await signIn(officer, server.url, OFFICER.username, OFFICER.password);
    await signIn(head, server.url, HEAD.username, HEAD.password);

    current = head;
    await setRules(head);
    current = officer;
    await importList(officer);
    await listAndEvaluate(officer);
    current = head;
    await confirmEligibility(head);
    current = officer;
    const keptCode = await resolveDuplicate(officer);
    await reveal(officer);
    current = head;
    await auditLog(head, keptCode);
  } catch (err) {
    await current.screenshot({ path: screenshotPath('registry-failure'), fullPage: true });
    throw err;
  } finally {
    await officerContext.close();
    await headContext.close();
  }
});

/** The provincial head of office sets the programme's eligibility rules (a regency office may not). */
async function setRules(page: Page): Promise<void> {
  await page.goto(`${server.url}/verval`);
  await page.getByRole('link', { name: PROGRAMME }).first().click();
  await page.getByRole('tab', { name: 'Aturan kelayakan' }).click();
  await page.getByRole('button', { name: 'Tetapkan aturan' }).click();
  await page.getByLabel(/^Batas tanggal pendataan/).fill('2018-05-31');
  await page.getByLabel(/^Pada tanggal/).fill('2018-07-01');
  await page.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
  await visible(page.getByText('Aturan yang berlaku (versi 1)'));
}

async function upload(page: Page, name: string, csv: string): Promise<void> {
  await choose(page, /^Lokalisasi/, /Nunukan/);
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
}

async function importList(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Menu utama' });
  await page.goto(`${server.url}/registri/impor`);
  await visible(page.getByRole('heading', { level: 1, name: 'Impor daftar orang' }));

  // The dry run finds the bad NIK in row 3 and stores nobody.
  await upload(page, 'daftar-nunukan.csv', badCsv);
  await visible(page.getByText('Berkas belum dapat diimpor'));
  const bad = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '3', exact: true }) });
  await visible(bad.getByText('Salah'));
  await visible(bad.getByText(/nik: nik\./));
  await page.screenshot({ path: screenshotPath('registry-1-import-error'), fullPage: true });

  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh laporan kesalahan' }).click()]);
  assert.match(report.suggestedFilename(), /\.xlsx$/);
  const reportPath = await report.path();
  assert.equal(fs.readFileSync(reportPath).subarray(0, 2).toString('latin1'), 'PK', 'the error report is an xlsx (zip) file');

  // Fixed, checked again, imported.
  await nav.getByRole('link', { name: 'Impor daftar' }).click();
  await page.waitForURL(/\/registri\/impor$/);
  await upload(page, 'daftar-nunukan-diperbaiki.csv', fixedCsv);
  await visible(page.getByText('Berkas siap diimpor'));
  await page.getByRole('button', { name: 'Impor 3 orang' }).click();
  await visible(page.getByText('Impor selesai'));
  await visible(page.getByText(/^3 orang masuk registri, kode kasus TNT-6503-\d+ sampai TNT-6503-\d+\.$/));
  await page.screenshot({ path: screenshotPath('registry-2-import-done'), fullPage: true });
}

/** The officer puts everyone registered at the site on a first list and evaluates them against the rules. */
async function listAndEvaluate(page: Page): Promise<void> {
  await page.goto(`${server.url}/verval`);
  await page.getByRole('main').getByRole('link', { name: /Nunukan/ }).first().click();
  await page.getByRole('link', { name: 'Buat daftar pertama' }).click();
  await page.getByLabel(/^Tanggal daftar/).fill('2018-05-14');
  await page.getByRole('button', { name: 'Tambahkan semua yang terdaftar di lokasi ini' }).click();
  await visible(page.getByText('54 orang di versi baru: 54 ditambahkan, 0 dikeluarkan.'));
  await page.getByRole('button', { name: 'Simpan versi 1' }).click();
  await visible(page.getByText('Ini versi pertama: belum ada pembanding.'));

  await page.goto(`${server.url}/verval`);
  await page.getByRole('link', { name: PROGRAMME }).first().click();
  await page.getByRole('tab', { name: 'Tinjauan' }).click();
  await choose(page, 'Lokasi', /Nunukan/);
  await page.getByRole('button', { name: 'Nilai semua di lokasi ini' }).click();
  await visible(page.getByText(/^54 orang dinilai/));
}

/** The head of office reviews the imported Melati 01 and confirms the proposal: eligible. */
async function confirmEligibility(page: Page): Promise<void> {
  await page.goto(`${server.url}/verval`);
  await page.getByRole('link', { name: PROGRAMME }).first().click();
  await page.getByRole('tab', { name: 'Tinjauan' }).click();
  await page.getByRole('searchbox', { name: 'Cari' }).fill('Melati 01');
  await visible(page.getByText('1 orang', { exact: true }));
  await page.getByRole('button', { name: /^Tinjau TNT-6503-/ }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog.getByText(/Hasil aturan \(versi 1\)/));
  await visible(dialog.getByText('Layak').first());
  await dialog.getByRole('button', { name: 'Konfirmasi usulan' }).click();
  await visible(dialog.getByText('Usulan dikonfirmasi'));
  await page.screenshot({ path: screenshotPath('registry-3-eligible'), fullPage: true });
  await page.keyboard.press('Escape');
}

/** Runs the search, opens the Nurhaliza pair, merges keeping the record with the e-KTP; returns its case code. */
async function resolveDuplicate(page: Page): Promise<string> {
  const nav = page.getByRole('navigation', { name: 'Menu utama' });
  await page.goto(`${server.url}/registri`);
  await nav.getByRole('link', { name: 'Calon duplikat' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Calon duplikat' }));
  // The import's commit started a search of its own: the button waits for it to end.
  const run = page.locator('button:not([disabled])', { hasText: 'Jalankan pencarian duplikat' });
  await run.waitFor({ timeout: 60_000 });
  await page.getByText('Semua orang (ulang penuh)').click();
  await run.click();
  await visible(page.getByText(/^Pencarian selesai: \d+ calon duplikat baru ditemukan\.$/));
  await page.screenshot({ path: screenshotPath('registry-4-queue'), fullPage: true });

  const row = page.getByRole('row').filter({ hasText: 'Mawar 50' }).filter({ hasText: 'Mawar 51' });
  await visible(row.getByText('Tanggal dan bulan lahir tertukar'));
  await row.getByRole('link', { name: /^Tinjau pasangan/ }).click();
  await page.waitForURL(/\/registri\/duplikat\/\d+$/);
  const codes = page.getByRole('heading', { level: 2, name: /^TNT-6503-/ });
  await visible(codes);
  const [aCode, bCode] = [await codes.nth(0).innerText(), await codes.nth(1).innerText()];
  await page.getByRole('radio', { name: `Gabungkan, pertahankan ${aCode} (A)` }).check();
  await page.getByRole('textbox', { name: /^Alasan/ }).fill(MERGE_REASON);
  await page.getByRole('button', { name: 'Simpan keputusan' }).click();
  await visible(page.getByText('Keputusan tersimpan.'));
  await visible(page.getByRole('button', { name: 'Buka kembali' }));
  await visible(page.getByText(`“${MERGE_REASON}”`));
  await page.screenshot({ path: screenshotPath('registry-5-merged'), fullPage: true });

  // The merged record says where it went.
  await page.getByRole('link', { name: `Buka halaman orang ${bCode}` }).click();
  await visible(page.getByText('Data ini sudah digabung'));
  await page.getByRole('link', { name: aCode }).click();
  await visible(page.getByRole('heading', { level: 1, name: aCode }));
  return aCode;
}

async function reveal(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tampilkan identitas' });
  await dialog.getByRole('textbox', { name: /^Alasan/ }).fill(REVEAL_REASON);
  await dialog.getByRole('button', { name: 'Tampilkan' }).click();
  const reauth = page.getByRole('dialog', { name: 'Konfirmasi identitas Anda' });
  await reauth.getByLabel(/^Kata sandi/).fill(OFFICER.password);
  await reauth.getByRole('button', { name: 'Konfirmasi' }).click();
  await visible(page.getByText('Nurhaliza Fiktif', { exact: true }));
  await visible(page.getByText(/^Tampil \d+ detik lagi$/));
  await page.screenshot({ path: screenshotPath('registry-6-revealed'), fullPage: true });
}

async function auditLog(page: Page, caseCode: string): Promise<void> {
  await page.goto(`${server.url}/audit?action=person.identity_revealed`);
  await visible(page.getByRole('heading', { level: 1, name: 'Log audit' }));
  const row = page.getByRole('row').filter({ hasText: OFFICER.username });
  await visible(row);
  await row.getByRole('button', { name: /Buka rincian kejadian/ }).click();
  const detail = page.getByRole('dialog', { name: /Kejadian no\./ });
  await visible(detail.getByText(REVEAL_REASON));
  await visible(detail.getByText(caseCode));
  await detail.screenshot({ path: screenshotPath('registry-7-audit') });
}
