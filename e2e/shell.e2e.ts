// The web shell end to end: Indonesian by default, browsing regions, search,
// language switch that persists, sign-in and the phone layout. Signed in as a
// user created with the CLI (MFA switched off for this server; identity.e2e.ts covers MFA).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, signIn, startServer, type TestServer } from './support.ts';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const USER = { username: 'admin1', password: 'teh manis hangat sekali 42' };
const KALTARA_REGENCIES = ['Kabupaten Bulungan', 'Kabupaten Malinau', 'Kabupaten Nunukan', 'Kabupaten Tana Tidung', 'Kota Tarakan'];

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startServer({
    env: { MFA_REQUIRED: 'false' },
    prepare: async (cli) => {
      await cli(['user', 'create', '--username', USER.username, '--role', 'admin', '--region', 'national', '--display-name', 'Admin Satu', '--password-stdin'], USER.password);
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Whether any part of the element is inside the viewport (a collapsed navbar is moved off-screen). */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x + box.width > 0 && box.y + box.height > 0;
}

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => assert.fail(`Uncaught error in the page: ${err.message}`));
  return page;
}

test('desktop: browse, drill down, search and switch language', async () => {
  const page = await newPage(DESKTOP);
  await signIn(page, server.url, USER.username, USER.password);

  await page.waitForURL('**/wilayah/65');
  await visible(page.getByRole('heading', { level: 1, name: 'Kalimantan Utara' }));
  const nav = page.getByRole('navigation', { name: 'Menu utama' });
  await visible(nav.getByRole('link', { name: 'Wilayah' }));
  assert.equal(await nav.getByText('Segera hadir').count(), 0, 'every item of the menu has its screens now');
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  for (const name of KALTARA_REGENCIES) await visible(page.getByRole('link', { name, exact: true }));
  await visible(page.getByRole('cell', { name: '65.71' }));
  await page.screenshot({ path: screenshotPath('desktop-kaltara'), fullPage: true });

  await page.getByRole('link', { name: 'Kabupaten Nunukan', exact: true }).click();
  await page.waitForURL('**/wilayah/65.03');
  await visible(page.getByRole('heading', { level: 1, name: 'Kabupaten Nunukan' }));
  await visible(page.getByRole('link', { name: 'Nunukan Selatan' }));
  await visible(page.getByText('64.05 Kabupaten Nunukan'));
  await page.screenshot({ path: screenshotPath('desktop-nunukan'), fullPage: true });

  await page.getByRole('navigation', { name: 'Jejak wilayah' }).getByRole('link', { name: 'Kalimantan Utara' }).click();
  await page.waitForURL('**/wilayah/65');
  await page.getByLabel('Cari di Kalimantan Utara').fill('tarakan');
  await page.waitForURL('**/wilayah/65?q=tarakan');
  // The search reaches the whole province: Kota Tarakan and its four districts.
  await visible(page.getByRole('link', { name: 'Tarakan Barat' }));
  await visible(page.getByText('5 wilayah'));
  await visible(page.getByRole('link', { name: 'Kota Tarakan' }));
  assert.equal(await page.getByRole('link', { name: 'Kabupaten Bulungan' }).count(), 0);
  await page.screenshot({ path: screenshotPath('desktop-search'), fullPage: true });

  await page.getByRole('button', { name: /^Wilayah kerja: Kalimantan Utara/ }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Kabupaten/Kota' }).click();
  await page.getByRole('option', { name: 'Kota Tarakan' }).click();
  await page.waitForURL('**/wilayah/65.71');
  await visible(page.getByRole('link', { name: 'Tarakan Barat' }));
  await page.screenshot({ path: screenshotPath('desktop-working-region') });
  await page.keyboard.press('Escape');

  // The radio input itself is visually hidden; users click its label.
  await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN', { exact: true }).click();
  await visible(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Regions' }));
  await visible(page.getByLabel('Search in Kota Tarakan'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  await page.reload();
  await visible(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Regions' }));
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.screenshot({ path: screenshotPath('desktop-english'), fullPage: true });
  await page.context().close();
});

test('signed out, every screen leads to sign-in; a wrong password is refused', async () => {
  const page = await newPage(DESKTOP);
  await page.goto(`${server.url}/wilayah/65`);
  await page.waitForURL('**/masuk');
  await visible(page.getByRole('heading', { name: 'Masuk ke Tuntas' }));
  await page.getByLabel(/^Nama pengguna/).fill(USER.username);
  await page.getByLabel(/^Kata sandi/).fill('salah sekali ini');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await visible(page.getByRole('alert').getByText('Nama pengguna atau kata sandi salah.'));
  await page.screenshot({ path: screenshotPath('desktop-sign-in-error'), fullPage: true });
  await page.context().close();
});

test('phone: the navigation opens from the burger menu', async () => {
  const page = await newPage(PHONE);
  await signIn(page, server.url, USER.username, USER.password);
  await page.goto(`${server.url}/wilayah/65`);
  await visible(page.getByRole('heading', { level: 1, name: 'Kalimantan Utara' }));
  // A collapsed navbar is inert, so it is out of the accessibility tree: find it by id.
  const wilayahLink = page.locator('#app-navbar').getByRole('link', { name: 'Wilayah' });
  assert.equal(await onScreen(wilayahLink), false);
  await page.screenshot({ path: screenshotPath('phone-kaltara'), fullPage: true });

  await page.getByRole('button', { name: 'Buka menu' }).click();
  await visible(wilayahLink);
  await page.waitForFunction(() => document.querySelector('#app-navbar')?.getBoundingClientRect().x === 0);
  assert.equal(await onScreen(wilayahLink), true);
  await page.screenshot({ path: screenshotPath('phone-menu') });

  await wilayahLink.click();
  await page.waitForURL('**/wilayah');
  await visible(page.getByRole('heading', { level: 1, name: 'Provinsi di Indonesia' }));
  await page.waitForFunction(() => (document.querySelector('#app-navbar')?.getBoundingClientRect().right ?? 0) <= 0);
  await page.screenshot({ path: screenshotPath('phone-provinces'), fullPage: true });
  await page.context().close();
});
