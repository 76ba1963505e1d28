// The closure programme end to end, on the article's Kaltara (demo data without
// the events): a provincial officer records the rakor of Friday 18 May 2018 with
// its decision and action item, issues the governor's instruction letter to the
// five regency/city governments and downloads its PDF, records the closure of
// Nunukan's site, and sees the dashboard change.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, signIn, startServer, type TestServer } from './support.ts';

const DESKTOP = { width: 1366, height: 900 };
const OFFICER = { username: 'dinsos.kaltara', password: 'angin laut utara membawa kabar 8' };
const GOVERNMENTS = ['Bupati Bulungan', 'Bupati Malinau', 'Bupati Nunukan', 'Bupati Tana Tidung', 'Wali Kota Tarakan'];

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startServer({
    env: { MFA_REQUIRED: 'false' },
    prepare: async (cli) => {
      await cli(['seed', 'demo', '--without-events']);
      await cli(
        ['user', 'create', '--username', OFFICER.username, '--role', 'province_officer', '--region', '65', '--display-name', 'Dinsos Provinsi Kaltara', '--password-stdin'],
        OFFICER.password,
      );
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function choose(page: Page, combobox: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The figure on a dashboard card, e.g. "2 / 5" under "Lokasi ditutup". */
async function card(page: Page, title: string): Promise<string> {
  const region = page.getByRole('region', { name: title });
  await visible(region);
  return (await region.innerText()).replace(/\s+/g, ' ');
}

test('rakor, decision and action item; instruction letter with PDF; Nunukan closed; the dashboard follows', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (err) => assert.fail(`Uncaught error in the page: ${err.message}`));
  try {
    await journey(page);
  } catch (err) {
    await page.screenshot({ path: screenshotPath('closure-failure'), fullPage: true });
    throw err;
  } finally {
    await context.close();
  }
});

async function journey(page: Page): Promise<void> {
  await signIn(page, server.url, OFFICER.username, OFFICER.password);

  // Home is the provincial programme's dashboard.
  await page.waitForURL('**/program/*/dasbor');
  await visible(page.getByRole('heading', { name: 'Dasbor program' }));
  await visible(page.getByText('Kaltara Bebas Lokalisasi 2018'));
  const nav = page.getByRole('navigation', { name: 'Menu utama' });
  assert.equal(await nav.getByRole('link', { name: 'Dasbor' }).getAttribute('data-active'), 'true');
  assert.equal(await nav.getByRole('link', { name: 'Program' }).getAttribute('data-active'), null, 'only the dashboard is current');
  const sitesBefore = await card(page, 'Lokasi ditutup');
  assert.match(sitesBefore, /2\s*\/\s*5/, `two of five sites closed before: ${sitesBefore}`);
  const dashboardUrl = page.url();

  // 1. The rakor of Friday 18 May 2018 in Nunukan.
  await page.goto(`${server.url}/rapat`);
  await page.getByRole('link', { name: 'Rapat baru' }).or(page.getByRole('button', { name: 'Rapat baru' })).first().click();
  await choose(page, 'Jenis rapat', 'Rapat koordinasi (rakor)');
  await page.getByLabel(/^Judul/).fill('Rapat koordinasi penutupan lokalisasi Nunukan');
  await page.getByLabel(/^Tanggal dan jam mulai/).fill('2018-05-18T09:00');
  await page.getByLabel(/^Tempat/).fill('Kantor Bupati Nunukan');
  await page.getByLabel(/^Penyelenggara/).fill('Dinas Sosial Provinsi Kalimantan Utara');
  await page.getByLabel(/^Instansi peserta 1/).fill('Dinas Sosial Kabupaten Nunukan');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await page.waitForURL(/\/rapat\/\d+$/);
  await visible(page.getByRole('heading', { name: /Rapat koordinasi penutupan lokalisasi Nunukan/ }));

  await page.getByLabel(/^Keputusan/).fill('Rapat teknis digelar untuk menyusun langkah konkret penutupan.');
  await page.getByRole('button', { name: 'Tambah keputusan' }).click();
  await visible(page.getByText('Rapat teknis digelar untuk menyusun langkah konkret penutupan.'));
  await page.getByLabel(/^Tindak lanjut/).fill('Menyelenggarakan rapat teknis');
  await page.getByLabel(/^Penanggung jawab/).fill('Dinas Sosial Kabupaten Nunukan');
  await page.getByLabel(/^Batas waktu/).fill('2018-06-01');
  await page.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
  await visible(page.getByRole('cell', { name: 'Menyelenggarakan rapat teknis' }));
  await page.screenshot({ path: screenshotPath('closure-rakor'), fullPage: true });

  // 2. The governor's instruction letter to the five governments.
  await page.goto(`${server.url}/surat`);
  await page.getByRole('link', { name: 'Surat baru' }).or(page.getByRole('button', { name: 'Surat baru' })).first().click();
  await page.waitForURL('**/surat/baru');
  await choose(page, 'Jenis surat', /Instruksi Gubernur/i);
  await page.getByLabel(/^Perihal/).fill('Penutupan lokalisasi di kabupaten/kota se-Kalimantan Utara');
  await page.getByLabel(/^Tanggal surat/).fill('2018-05-21');
  await page.getByLabel(/^Isi surat/).fill('Bupati/Wali Kota diinstruksikan menyiapkan penutupan lokalisasi di wilayah masing-masing pada 2018.');
  await page.getByLabel(/^Nama penanda tangan/).fill('Nama Gubernur (demo)');
  await page.getByLabel(/^Jabatan penanda tangan/).fill('Gubernur Kalimantan Utara');
  for (const [i, name] of GOVERNMENTS.entries()) {
    const field = page.getByLabel(`Penerima ${i + 1}`, { exact: true });
    if ((await field.count()) === 0) await page.getByRole('button', { name: 'Tambah penerima' }).click();
    await field.fill(name);
  }
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await page.waitForURL(/\/surat\/\d+$/);
  await page.getByRole('button', { name: 'Terbitkan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Terbitkan' }).click();
  const number = page.getByTestId('letter-number');
  await visible(number);
  assert.equal((await number.innerText()).trim(), '1/DINSOS-KALTARA/V/2018', 'the first number of the unit in May 2018 (no classification given)');
  for (const name of GOVERNMENTS) await visible(page.getByRole('cell', { name }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh PDF' }).or(page.getByRole('button', { name: 'Unduh PDF' })).first().click()]);
  const pdfPath = await download.path();
  assert.ok(pdfPath, 'the PDF was downloaded');
  const { readFile } = await import('node:fs/promises');
  assert.equal((await readFile(pdfPath)).subarray(0, 5).toString(), '%PDF-');
  await page.screenshot({ path: screenshotPath('closure-letter'), fullPage: true });

  // 3. Nunukan's site is closed.
  await page.goto(`${server.url}/lokasi`);
  await page.getByRole('link', { name: /Lokalisasi Nunukan/ }).first().click();
  await page.waitForURL(/\/lokasi\/\d+$/);
  await page.getByRole('button', { name: 'Catat penutupan' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Nomor SK/).fill('188.45/123/2019');
  await dialog.getByLabel(/^Tanggal SK/).fill('2019-01-10');
  await dialog.getByLabel(/^Tanggal penutupan/).fill('2019-01-10');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await visible(page.getByText('188.45/123/2019'));

  // 4. The dashboard follows.
  await page.goto(dashboardUrl);
  await visible(page.getByRole('heading', { name: 'Dasbor program' }));
  const sitesAfter = await card(page, 'Lokasi ditutup');
  assert.match(sitesAfter, /3\s*\/\s*5/, `three of five sites closed after: ${sitesAfter}`);
  await page.screenshot({ path: screenshotPath('closure-dashboard'), fullPage: true });
}
