// Browser journey of lists and verification: the Nunukan list of the demo in two
// versions (a drop with its reason), the programme's rules, evaluation of the site,
// one decision, and the funnel.
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, signIn, startServer, type TestServer } from './support.ts';

const OFFICER = { username: 'dinsos.kaltara', password: 'Pantai-Tanjung-Harapan-2018!' };

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

async function visible(page: Page, text: string | RegExp): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch (err) {
    await page.screenshot({ path: screenshotPath('verval-failed'), fullPage: true });
    throw err;
  }
}

test('verval: list versions with a drop and its reason, rules, evaluation, a decision, the funnel', async () => {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await signIn(page, server.url, OFFICER.username, OFFICER.password);

  await page.goto(`${server.url}/verval`);
  await page.getByRole('link', { name: /Nunukan/ }).first().click();
  await page.getByRole('link', { name: 'Buat daftar pertama' }).click();
  await page.getByLabel(/^Tanggal daftar/).fill('2018-05-14');
  await page.getByRole('button', { name: 'Tambahkan semua yang terdaftar di lokasi ini' }).click();
  await visible(page, '51 orang di versi baru: 51 ditambahkan, 0 dikeluarkan.');
  await page.screenshot({ path: screenshotPath('verval-1-new-list'), fullPage: true });
  await page.getByRole('button', { name: 'Simpan versi 1' }).click();
  await visible(page, 'Ini versi pertama: belum ada pembanding.');

  await page.getByRole('link', { name: 'Buat versi baru' }).click();
  await page.getByLabel(/^Tanggal daftar/).fill('2018-06-20');
  await page.getByRole('checkbox', { name: /^Keluarkan TNT-/ }).first().check();
  await page.getByRole('button', { name: 'Simpan versi 2' }).click();
  await visible(page, 'Tuliskan alasan (paling sedikit 3 karakter)');
  await page.getByRole('textbox', { name: /^Alasan mengeluarkan/ }).fill('Tidak memiliki e-KTP');
  await page.getByRole('button', { name: 'Simpan versi 2' }).click();
  await visible(page, 'Dibanding versi 1: 0 ditambahkan, 1 dikeluarkan, 50 tetap.');
  await visible(page, 'Tidak memiliki e-KTP');
  await page.screenshot({ path: screenshotPath('verval-2-diff'), fullPage: true });

  await page.goto(`${server.url}/verval`);
  await page.getByRole('link', { name: 'Kaltara Bebas Lokalisasi 2018' }).first().click();
  await page.getByRole('tab', { name: 'Aturan kelayakan' }).click();
  await page.getByRole('button', { name: 'Tetapkan aturan' }).click();
  await page.getByLabel(/^Batas tanggal pendataan/).fill('2018-05-31');
  await page.getByLabel(/^Pada tanggal/).fill('2018-07-01');
  await page.screenshot({ path: screenshotPath('verval-3-rules-form'), fullPage: true });
  await page.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
  await visible(page, 'Aturan yang berlaku (versi 1)');
  await page.screenshot({ path: screenshotPath('verval-4-rules'), fullPage: true });

  await page.getByRole('tab', { name: 'Tinjauan' }).click();
  await page.getByRole('combobox', { name: 'Lokasi' }).click();
  await page.getByRole('option', { name: /Nunukan/ }).first().click();
  await page.getByRole('button', { name: 'Nilai semua di lokasi ini' }).click();
  await visible(page, /51 orang dinilai/);
  await page.screenshot({ path: screenshotPath('verval-5-review'), fullPage: true });

  await page.getByRole('button', { name: /^Tinjau TNT-/ }).first().click();
  await visible(page, /Hasil aturan \(versi 1\)/);
  await page.getByRole('button', { name: 'e-KTP terlihat' }).click();
  await page.getByRole('button', { name: 'Konfirmasi usulan' }).or(page.getByRole('button', { name: 'Putuskan berbeda dari aturan' })).first().waitFor();
  await page.screenshot({ path: screenshotPath('verval-6-modal'), fullPage: true });
  const confirm = page.getByRole('button', { name: 'Konfirmasi usulan' });
  if (!(await confirm.isVisible())) await page.getByRole('radio', { name: 'Layak' }).check({ force: true });
  await page.getByRole('button', { name: /Konfirmasi usulan|Putuskan berbeda/ }).click();
  await visible(page, 'Usulan dikonfirmasi');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Corong' }).click();
  await visible(page, /51 terdaftar → 1 terverifikasi → 1 layak/);
  await page.screenshot({ path: screenshotPath('verval-7-funnel'), fullPage: true });
});
