// Browser-test support: a real Tuntas server on a fresh data directory, and
// Debian's Chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { copyPreparedDataDir } from '../src/server/test/prepared-data.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOT_DIR = path.join(ROOT, 'e2e', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const STARTUP_TIMEOUT_MS = 120_000;

export type TestServer = {
  url: string;
  stop: () => Promise<void>;
  /** Everything the server printed so far (the first-admin setup link, for one). */
  output: () => string;
};

export type ServerOptions = {
  /** Extra environment for the server and `prepare` (e.g. MFA_REQUIRED=false). */
  env?: Record<string, string>;
  /** Runs on the fresh data directory before the server starts (create users with the CLI). */
  prepare?: (cli: (args: string[], stdin?: string) => Promise<string>) => Promise<void>;
};

/** Runs `tuntas <args>` on a data directory and resolves with its output; rejects on failure. */
function runCli(env: NodeJS.ProcessEnv, args: string[], stdin?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tuntas.mjs', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`tuntas ${args.join(' ')} exited with ${code}:\n${output}`))));
    child.stdin.end(stdin ?? '');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json().catch(() => null) };
}

function provincesLoaded(body: unknown): boolean {
  const counts = (body as { counts?: { province?: number } } | null)?.counts;
  return (counts?.province ?? 0) > 0;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Tuntas exited with code ${child.exitCode}:\n${output()}`);
    try {
      const ready = await getJson(`${url}/api/ready`);
      if (ready.status === 200) {
        const summary = await getJson(`${url}/api/regions/summary`);
        if (provincesLoaded(summary.body)) return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Tuntas was not ready with regions loaded within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** Starts `tuntas serve` on a fresh data directory (migrated, regions loaded); the web build must exist. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web/index.html is missing: run "npm run build" before the browser tests.');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuntas-e2e-'));
  // Migrated, with the regions: what a first start would make, without waiting for it.
  await copyPreparedDataDir(dataDir);
  const port = await freePort();
  const env = { ...process.env, ...options.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  if (options.prepare) {
    try {
      await options.prepare((args, stdin) => runCli(env, args, stdin));
    } catch (err) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw err;
    }
  }
  const child = spawn(process.execPath, ['bin/tuntas.mjs', 'serve', '--no-build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop, output: () => output };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium".`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

/** Signs in on /masuk with a username and password (no MFA step). */
export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/masuk`);
  await page.getByLabel(/^Nama pengguna/).fill(username);
  await page.getByLabel(/^Kata sandi/).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((target) => !target.pathname.startsWith('/masuk'));
}
