// Payments end to end, on the demo as of 2019 without schemes (the Nunukan cohort decided,
// bank accounts recorded): a Kemensos finance officer configures the 2018 scheme, generates
// the eligible cohort's entitlements, sets the APBN budget and prepares a batch; the head of
// Kaltara's Dinsos approves it (another person, re-authenticated with password and TOTP); the
// finance officer downloads the bank files (neutral narrative), marks the batch sent, imports
// the bank's result with one failure and one amount that differs, and prints a receipt.
// Finance roles need MFA: each user enrols on first sign-in, and codes are computed here.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { formatRupiah } from '../src/common/format.ts';
import { launchBrowser, screenshotPath, startServer, type TestServer } from './support.ts';

const DESKTOP = { width: 1366, height: 900 };
const FINANCE = { username: 'keuangan.kemensos', displayName: 'Keuangan Kemensos', password: 'anggaran bantuan tiba di nunukan 7', region: 'national' };
const HEAD = { username: 'kepala.dinsos.kaltara', displayName: 'Kepala Dinsos Kaltara', password: 'perahu motor menyeberang ke tarakan 5', region: '65' };
const SCHEME = 'Paket bantuan Kemensos 2018';
const COMPONENTS = [
  { code: 'UEP', name: 'Bantuan usaha ekonomi produktif', amount: 3_000_000 },
  { code: 'JADUP', name: 'Jaminan hidup', amount: 2_250_000 },
  { code: 'TRANSPORT_LOKAL', name: 'Transport lokal', amount: 250_000 },
];
/** The demo: 30 eligible, 4 without an account, 1 account in another name (held): 25 × 3 payments. */
const PAYMENTS = 75;
/** Words a bank statement must not show: the programme, the site, the women's past (bank codes such as BPD_KALTARA are the bank's). */
const PROGRAMME_WORDS = /lokalisasi|rehabilitasi|tuna susila|\bpsk\b|pekerja seks|penutupan|pemulangan|bebas|nunukan|dinsos|kemensos/i;

let server: TestServer;
/** Uncaught errors in the pages: the test fails with them. */
const pageErrors: string[] = [];
let browser: Browser;

before(async () => {
  server = await startServer({
    prepare: async (cli) => {
      await cli(['seed', 'demo', '--as-of', '2019', '--without-schemes']);
      for (const u of [['finance_officer', FINANCE], ['head_of_office', HEAD]] as const)
        await cli(['user', 'create', '--username', u[1].username, '--role', u[0], '--region', u[1].region, '--display-name', u[1].displayName, '--password-stdin'], u[1].password);
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function visible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** A TOTP code for a time step the server has not accepted yet for this secret (it takes each step once, ±1 step). */
const lastStep = new Map<string, number>();
async function totp(secret: string): Promise<string> {
  const generator = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now, (lastStep.get(secret) ?? -1) + 1);
    if (step <= now + 1) {
      lastStep.set(secret, step);
      return generator.generate({ timestamp: step * 30_000 });
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

type User = { page: Page; context: BrowserContext; secret: string; password: string };

/** First sign-in of a finance role: password, then MFA enrolment (the secret read from the screen). */
async function signInAndEnrol(who: typeof FINANCE): Promise<User> {
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${who.username}: ${err.message}`));
  // React reports a render error on the console; an answered 401/403 (before sign-in, re-authentication) is expected.
  page.on('console', (m) => void (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && pageErrors.push(`${who.username} console: ${m.text()}`)));
  await page.goto(`${server.url}/masuk`);
  await page.getByLabel(/^Nama pengguna/).fill(who.username);
  await page.getByLabel(/^Kata sandi/).fill(who.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL('**/masuk/aktifkan-mfa');
  const secretBox = page.locator('[aria-label="Kunci rahasia"]');
  await visible(secretBox);
  const secret = (await secretBox.innerText()).replace(/\s+/g, '');
  await page.getByLabel('Kode 6 angka').fill(await totp(secret));
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  await page.getByLabel('Saya sudah menyimpan kode pemulihan di tempat aman').check();
  await page.getByRole('button', { name: 'Lanjutkan' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
  return { page, context, secret, password: who.password };
}

/** The re-authentication dialog the API client opens on 403 auth.reauth_required. */
async function reauthenticate(user: User): Promise<void> {
  const dialog = user.page.getByRole('dialog', { name: 'Konfirmasi identitas Anda' });
  await visible(dialog);
  await dialog.getByLabel(/^Kata sandi/).fill(user.password);
  await dialog.getByLabel(/^Kode 6 angka/).fill(await totp(user.secret));
  await dialog.getByRole('button', { name: 'Konfirmasi' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function choose(scope: Page | Locator, page: Page, combobox: string | RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Clicks and returns the downloaded file's bytes. */
async function download(page: Page, click: () => Promise<void>, afterClick?: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click().then(() => afterClick?.())]);
  const where = await file.path();
  assert.ok(where, 'the file was downloaded');
  return readFile(where);
}

test('payments: 2018 scheme, entitlements, budget, a batch prepared and approved by two people, bank files, the bank’s result, a receipt', async () => {
  let current: Page | null = null;
  try {
    const finance = await signInAndEnrol(FINANCE);
    current = finance.page;
    await configureAndPrepare(finance);
    const batchUrl = finance.page.url();

    const head = await signInAndEnrol(HEAD);
    current = head.page;
    await approve(head, batchUrl);
    await head.context.close();

    current = finance.page;
    await exportReconcileAndPrint(finance, batchUrl);
    await finance.context.close();
  } catch (err) {
    if (current) await current.screenshot({ path: screenshotPath('payments-failure'), fullPage: true }).catch(() => {});
    if (pageErrors.length) console.error(`In the page:\n${pageErrors.join('\n')}`);
    throw err;
  }
  assert.deepEqual(pageErrors, [], 'no uncaught error in the pages');
});

async function configureAndPrepare({ page }: User): Promise<void> {
  // 1. The 2018 scheme: three components from the national budget.
  await page.goto(`${server.url}/bantuan/skema`);
  await visible(page.getByText('Belum ada skema bantuan.'));
  await page.getByRole('button', { name: 'Skema baru' }).click();
  const editor = page.getByRole('dialog', { name: 'Skema baru' });
  await choose(editor, page, /^Program/, 'Kaltara Bebas Lokalisasi 2018');
  await editor.getByLabel(/^Tahun/).fill('2018');
  await editor.getByLabel(/^Nama skema/).fill(SCHEME);
  for (const [i, c] of COMPONENTS.entries()) {
    if (i > 0) await editor.getByRole('button', { name: 'Tambah komponen' }).click();
    await editor.getByRole('textbox', { name: 'Kode' }).nth(i).fill(c.code);
    await editor.getByRole('textbox', { name: 'Komponen' }).nth(i).fill(c.name);
    await editor.getByRole('textbox', { name: 'Besaran' }).nth(i).fill(String(c.amount));
  }
  await page.screenshot({ path: screenshotPath('payments-1-scheme'), fullPage: true });
  await editor.getByRole('button', { name: 'Simpan' }).click();
  await editor.waitFor({ state: 'hidden' });
  await visible(page.getByText('Rp 5.500.000 per orang', { exact: false }));
  for (const c of COMPONENTS) await visible(page.getByRole('cell', { name: formatRupiah(c.amount), exact: true }));

  // 2. Entitlements for the eligible Nunukan cohort.
  await page.getByRole('button', { name: 'Buat hak bantuan' }).click();
  await visible(page.getByRole('status').filter({ hasText: '30 orang layak: 90 hak dibuat' }));

  // 3. The APBN allocations (national budget: a national scope sets them).
  await page.goto(`${server.url}/anggaran`);
  await page.getByLabel(/^Tahun/).fill('2018');
  for (const c of COMPONENTS) {
    await page.getByRole('button', { name: 'Alokasi baru' }).click();
    const modal = page.getByRole('dialog', { name: 'Alokasi baru' });
    await choose(modal, page, /^Komponen/, new RegExp(`: ${c.code} — `));
    await modal.getByRole('textbox', { name: /^Pagu/ }).fill(String(c.amount * 37));
    await modal.getByRole('button', { name: 'Simpan' }).click();
    await modal.waitFor({ state: 'hidden' });
  }
  await visible(page.getByRole('cell', { name: 'Rp 111.000.000' }));
  await page.screenshot({ path: screenshotPath('payments-2-budget'), fullPage: true });

  // 4. A batch of the Nunukan cohort's due entitlements; who has no account is listed.
  await page.goto(`${server.url}/pembayaran`);
  await choose(page, page, 'Skema bantuan', `${SCHEME} · 2018`);
  await page.getByLabel(/^Kode wilayah/).fill('65.03');
  await visible(page.getByText(`Hak siap dibayar: ${PAYMENTS} · Rp 137.500.000`));
  await visible(page.getByText('Belum punya rekening bank (12)', { exact: false }));
  await visible(page.getByText('3 hak ditahan untuk ditinjau', { exact: false }));
  await page.screenshot({ path: screenshotPath('payments-3-prepare'), fullPage: true });
  await page.getByRole('button', { name: 'Siapkan batch' }).click();
  await page.waitForURL(/\/pembayaran\/\d+$/);
  await visible(page.getByRole('heading', { name: /^Batch PB-2018-\d{6}$/ }));
  assert.equal(await page.getByRole('button', { name: 'Setujui batch' }).count(), 0, 'the preparer may not approve');
}

async function approve(head: User, batchUrl: string): Promise<void> {
  const { page } = head;
  // The demo's cases show on the case list (opened in 2019).
  await page.goto(`${server.url}/kasus`);
  await visible(page.getByText('TNT-6503-000009', { exact: true }));
  await page.goto(batchUrl);
  await page.getByRole('button', { name: 'Setujui batch' }).click();
  const confirm = page.getByRole('dialog', { name: 'Setujui batch' });
  await confirm.getByRole('button', { name: 'Setujui batch' }).click();
  await reauthenticate(head);
  await confirm.waitFor({ state: 'hidden' });
  await visible(page.getByText('Disetujui', { exact: true }));
  await visible(page.getByText(`${HEAD.displayName} ·`, { exact: false }));
  await page.screenshot({ path: screenshotPath('payments-4-approved'), fullPage: true });
}

async function exportReconcileAndPrint(finance: User, batchUrl: string): Promise<void> {
  const { page } = finance;
  await page.goto(batchUrl);
  const reference = ((await page.getByRole('heading', { name: /^Batch PB-/ }).innerText()).match(/PB-2018-\d{6}/) ?? [''])[0];

  // 5. One bank file per bank (the first asks for re-authentication); rows and a neutral narrative.
  const rows: { reference: string; amount: number }[] = [];
  const banks = await page.getByRole('button', { name: /^Unduh berkas bank · / }).allInnerTexts();
  assert.deepEqual(banks.map((b) => b.split('·')[1]!.trim()).sort(), ['BPD_KALTARA', 'BRI']);
  for (const [i, bank] of ['BRI', 'BPD_KALTARA'].entries()) {
    const button = page.getByRole('button', { name: `Unduh berkas bank · ${bank}` });
    const csv = (await download(page, () => button.click(), i === 0 ? () => reauthenticate(finance) : undefined)).toString('utf8');
    const [header, ...lines] = csv.trim().split(/\r\n/);
    const sep = bank === 'BRI' ? ';' : ',';
    const cols = header!.split(sep);
    const at = (name: string) => cols.indexOf(name);
    const [ref, amount, narrative] = bank === 'BRI' ? [at('REF'), at('NOMINAL'), at('KETERANGAN')] : [at('reference'), at('amount'), at('narrative')];
    assert.ok(ref >= 0 && amount >= 0 && narrative >= 0, `${bank} header: ${header}`);
    for (const line of lines) {
      const cells = line.split(sep);
      assert.match(cells[ref]!, new RegExp(`^${reference}-\\d{4}$`));
      assert.ok([3_000_000, 2_250_000, 250_000].includes(Number(cells[amount])), line);
      assert.equal(cells[narrative], `BANTUAN SOSIAL ${reference}`);
      rows.push({ reference: cells[ref]!, amount: Number(cells[amount]) });
    }
    assert.doesNotMatch(csv, PROGRAMME_WORDS, `${bank}: the file names no programme, site or past`);
  }
  assert.equal(rows.length, PAYMENTS, 'every payment in one of the files');
  assert.equal(new Set(rows.map((r) => r.reference)).size, PAYMENTS);

  // 6. Handed to the bank.
  await page.getByRole('button', { name: 'Tandai terkirim ke bank' }).click();
  const sent = page.getByRole('dialog', { name: 'Tandai terkirim ke bank' });
  await sent.getByRole('button', { name: 'Tandai terkirim ke bank' }).click();
  await sent.waitFor({ state: 'hidden' });
  await visible(page.getByText('Terkirim', { exact: true }));

  // 7. The bank's result: one transfer failed, one reported with another amount, the rest paid.
  rows.sort((a, b) => a.reference.localeCompare(b.reference));
  const [failed, differs] = [rows[0]!, rows[1]!];
  const result = [
    'reference,amount,status',
    ...rows.map((r) => (r === failed ? `${r.reference},${r.amount},gagal` : r === differs ? `${r.reference},${r.amount - 50_000},berhasil` : `${r.reference},${r.amount},berhasil`)),
  ].join('\n');
  await page.locator('input[type="file"]').setInputFiles({ name: 'hasil-bank.csv', mimeType: 'text/csv', buffer: Buffer.from(result) });
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await visible(page.getByText(`${PAYMENTS - 2} dibayar, 1 gagal, 0 dikembalikan, 1 ketidakcocokan.`));
  const mismatches = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Ketidakcocokan hasil bank' }) });
  const mismatch = mismatches.getByRole('row').filter({ hasText: differs.reference });
  await visible(mismatch.getByText('Jumlah berbeda'));
  await visible(mismatch.getByRole('cell', { name: formatRupiah(differs.amount - 50_000), exact: true }));
  const payments = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Pembayaran', exact: true }) });
  const statusOf = (ref: string) => payments.getByRole('row').filter({ hasText: ref });
  await visible(statusOf(failed.reference).getByText('Gagal'));
  await visible(statusOf(differs.reference).getByText('Terkirim'));
  await visible(statusOf(rows[2]!.reference).getByText('Dibayar'));
  await page.screenshot({ path: screenshotPath('payments-5-reconciled'), fullPage: true });

  // 8. A receipt (kuitansi) for a paid payment: a PDF.
  const pdf = await download(page, () => statusOf(rows[2]!.reference).getByRole('button', { name: 'Kuitansi', exact: true }).click());
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
}
