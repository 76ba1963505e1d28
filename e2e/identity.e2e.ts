// Accounts end to end: the first administrator from the printed setup link with MFA
// enrolment, a regency officer created by the administrator, and that officer's first
// sign-in (forced password change, then MFA enrolment). TOTP codes are computed here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as OTPAuth from 'otpauth';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startServer, type TestServer } from './support.ts';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const ADMIN = { username: 'admin1', displayName: 'Admin Pertama', password: 'kopi tubruk di pagi hari 7' };
const OFFICER = { username: 'petugas.nunukan', displayName: 'Petugas Nunukan', newPassword: 'perahu kecil menyeberang sungai 9' };

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
}

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => assert.fail(`Uncaught error in the page: ${err.message}`));
  return page;
}

/** A TOTP code not used before for this secret (the server refuses a code twice): waits for the next period if needed. */
const usedCodes = new Map<string, Set<string>>();
async function totp(secret: string): Promise<string> {
  const generator = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  const used = usedCodes.get(secret) ?? new Set<string>();
  usedCodes.set(secret, used);
  for (;;) {
    const code = generator.generate();
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Enrolment screen: reads the secret, confirms a code, stores the recovery codes. Returns the secret. */
async function enrolMfa(page: Page, shot: string): Promise<string> {
  await page.waitForURL('**/masuk/aktifkan-mfa');
  const secretBox = page.locator('[aria-label="Kunci rahasia"]');
  await visible(secretBox);
  await visible(page.getByRole('img', { name: /Kode QR/ }));
  const secret = (await secretBox.innerText()).replace(/\s+/g, '');
  assert.match(secret, /^[A-Z2-7]+=*$/);
  await page.screenshot({ path: screenshotPath(`${shot}-enrol`), fullPage: true });

  await page.getByLabel('Kode 6 angka').fill(await totp(secret));
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  await visible(page.getByText('Verifikasi dua langkah aktif'));
  const codes = await page.locator('[aria-label="Kode pemulihan"] li').allInnerTexts();
  assert.ok(codes.length >= 5, `expected recovery codes, got ${codes.length}`);
  await page.screenshot({ path: screenshotPath(`${shot}-recovery-codes`), fullPage: true });
  const proceed = page.getByRole('button', { name: 'Lanjutkan' });
  assert.equal(await proceed.isDisabled(), true);
  await page.getByLabel('Saya sudah menyimpan kode pemulihan di tempat aman').check();
  await proceed.click();
  return secret;
}

async function signOutFromMenu(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: `Menu pengguna: ${displayName}` }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await page.waitForURL('**/masuk');
  await visible(page.getByRole('heading', { name: 'Masuk ke Tuntas' }));
}

test('identity: first admin, a regency officer, first sign-in with password change and MFA', async () => {
  const link = /https?:\/\/\S+\/penyiapan#token=([\w-]+)/.exec(server.output());
  assert.ok(link, `the server should print a setup link:\n${server.output()}`);
  const token = link[1];

  // Before setup, the app sends visitors to sign-in.
  const page = await newPage(DESKTOP);
  await page.goto(server.url);
  await page.waitForURL('**/masuk');
  await visible(page.getByRole('heading', { name: 'Masuk ke Tuntas' }));
  await page.screenshot({ path: screenshotPath('desktop-sign-in'), fullPage: true });

  // First administrator from the setup link.
  await page.goto(`${server.url}/penyiapan#token=${token}`);
  await visible(page.getByRole('heading', { name: 'Penyiapan Tuntas' }));
  assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
  await page.getByLabel(/^Nama pengguna/).fill(ADMIN.username);
  await page.getByLabel('Nama lengkap').fill(ADMIN.displayName);
  await page.getByLabel(/^Kata sandi baru/).fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi baru').fill(ADMIN.password);
  await page.screenshot({ path: screenshotPath('desktop-setup'), fullPage: true });
  await page.getByRole('button', { name: 'Buat administrator' }).click();
  const adminSecret = await enrolMfa(page, 'desktop-admin');
  await page.waitForURL('**/wilayah/65');
  await visible(page.getByRole('heading', { level: 1, name: 'Kalimantan Utara' }));
  await visible(page.getByRole('button', { name: `Menu pengguna: ${ADMIN.displayName}` }));

  // The setup link is spent.
  const statusPage = await newPage(DESKTOP);
  await statusPage.goto(`${server.url}/penyiapan#token=${token}`);
  await visible(statusPage.getByText('Tuntas sudah disiapkan'));
  await statusPage.context().close();

  // Create a regency officer for Kabupaten Nunukan.
  const nav = page.getByRole('navigation', { name: 'Menu utama' });
  await nav.getByText('Admin', { exact: true }).click();
  await nav.getByRole('link', { name: 'Pengguna' }).click();
  await page.waitForURL('**/admin/pengguna');
  await visible(page.getByRole('cell', { name: /Admin Pertama/ }));
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await dialog.getByLabel(/^Nama pengguna/).fill(OFFICER.username);
  await dialog.getByLabel('Nama lengkap').fill(OFFICER.displayName);
  await dialog.getByRole('combobox', { name: 'Peran' }).click();
  await page.getByRole('option', { name: 'Petugas Dinsos Kabupaten/Kota' }).click();
  await page.keyboard.press('Escape');
  await dialog.getByText('Provinsi / kabupaten/kota', { exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Provinsi' }).click();
  await page.getByRole('option', { name: 'Kalimantan Utara' }).click();
  await dialog.getByRole('combobox', { name: 'Kabupaten/Kota' }).click();
  await page.getByRole('option', { name: 'Kabupaten Nunukan' }).click();
  await page.screenshot({ path: screenshotPath('desktop-user-create') });
  await dialog.getByRole('button', { name: 'Tambah pengguna' }).click();

  const passwordDialog = page.getByRole('dialog', { name: 'Kata sandi awal' });
  const passwordBox = passwordDialog.locator('[aria-label="Kata sandi awal"]');
  await visible(passwordBox);
  const initialPassword = (await passwordBox.innerText()).trim();
  assert.ok(initialPassword.length >= 12);
  await visible(passwordDialog.getByText(OFFICER.username));
  await page.waitForTimeout(400); // the modal's fade-in
  await page.screenshot({ path: screenshotPath('desktop-user-password') });
  await passwordDialog.getByRole('button', { name: 'Selesai' }).click();
  await visible(page.getByRole('cell', { name: /Petugas Nunukan/ }));
  await visible(page.getByText('Wajib ganti sandi'));
  await page.screenshot({ path: screenshotPath('desktop-users'), fullPage: true });

  // The audit log has recorded it.
  await nav.getByText('Audit', { exact: true }).click();
  await nav.getByRole('link', { name: 'Log audit' }).click();
  await page.waitForURL('**/audit');
  await visible(page.getByRole('heading', { level: 1, name: 'Log audit' }));
  await visible(page.getByText('Utuh'));
  await page.screenshot({ path: screenshotPath('desktop-audit'), fullPage: true });
  await page.getByRole('button', { name: /Buka rincian kejadian/ }).first().click();
  await visible(page.getByRole('dialog', { name: /Kejadian no\./ }));
  await page.screenshot({ path: screenshotPath('desktop-audit-detail') });
  await page.keyboard.press('Escape');

  await page.goto(`${server.url}/akun`);
  await visible(page.getByRole('heading', { level: 1, name: 'Akun saya' }));
  await visible(page.getByText('Sesi ini'));
  await page.screenshot({ path: screenshotPath('desktop-account'), fullPage: true });
  void adminSecret;

  await signOutFromMenu(page, ADMIN.displayName);
  // Signed out: a protected address goes back to sign-in.
  await page.goto(`${server.url}/admin/pengguna`);
  await page.waitForURL('**/masuk');
  await page.context().close();

  // The officer's first sign-in, on a phone: new password, then MFA enrolment.
  const phone = await newPage(PHONE);
  await phone.goto(`${server.url}/masuk`);
  await phone.getByLabel(/^Nama pengguna/).fill(OFFICER.username);
  await phone.getByLabel(/^Kata sandi( \*)?$/).fill(initialPassword);
  await phone.screenshot({ path: screenshotPath('phone-sign-in'), fullPage: true });
  await phone.getByRole('button', { name: 'Masuk' }).click();
  await phone.waitForURL('**/masuk/ganti-kata-sandi');
  await phone.getByLabel('Kata sandi saat ini').fill(initialPassword);
  await phone.getByLabel(/^Kata sandi baru/).fill(OFFICER.newPassword);
  await phone.getByLabel('Ulangi kata sandi baru').fill(OFFICER.newPassword);
  await phone.screenshot({ path: screenshotPath('phone-password-change'), fullPage: true });
  await phone.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await enrolMfa(phone, 'phone-officer');
  await phone.waitForURL('**/wilayah/**');
  // A regency officer sees regions but neither administration nor the audit log.
  await phone.getByRole('button', { name: 'Buka menu' }).click();
  const phoneNav = phone.locator('#app-navbar');
  await visible(phoneNav.getByRole('link', { name: 'Wilayah' }));
  assert.equal(await phoneNav.getByText('Admin', { exact: true }).count(), 0);
  assert.equal(await phoneNav.getByText('Audit', { exact: true }).count(), 0);
  await phone.screenshot({ path: screenshotPath('phone-officer-menu') });
  await phoneNav.getByRole('button', { name: 'Keluar' }).click();
  await phone.waitForURL('**/masuk');

  // Signing in again now asks for the code.
  await phone.getByLabel(/^Nama pengguna/).fill(OFFICER.username);
  await phone.getByLabel(/^Kata sandi( \*)?$/).fill(OFFICER.newPassword);
  await phone.getByRole('button', { name: 'Masuk' }).click();
  await phone.waitForURL('**/masuk/verifikasi');
  await visible(phone.getByRole('heading', { name: 'Verifikasi dua langkah' }));
  await phone.screenshot({ path: screenshotPath('phone-mfa'), fullPage: true });
  await phone.context().close();
});
