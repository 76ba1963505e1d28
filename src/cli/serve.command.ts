import { Command } from 'commander';
import { describeDatabase } from '../server/config.ts';
import { DataDirLockedError } from '../server/platform/db/data-dir-lock.ts';
import { PlaintextFilesError } from '../server/platform/files/legacy-files.ts';
import { startServer } from '../server/server.ts';
import { CliError } from './cli-error.ts';
import { config } from './context.ts';
import { ensureWebBuild } from './web-build.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Run the web server (HOST, PORT, DATA_DIR or DATABASE_URL from the environment)')
    .option('--no-build', 'do not build the web app when no build exists')
    .action(async (opts: { build: boolean }) => runServe(opts));
}

export async function runServe(opts: { build: boolean } = { build: true }): Promise<void> {
  const cfg = config();
  if (cfg.serveWeb && opts.build) await ensureWebBuild();
  let server;
  try {
    server = await startServer(cfg);
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new CliError(err.message, 3);
    if (err instanceof PlaintextFilesError) throw new CliError(err.message, 4);
    throw err;
  }
  const shown = server.url.replace('127.0.0.1', 'localhost');
  const base = cfg.publicUrl?.replace(/\/$/, '') ?? shown;
  const setup = server.setupToken
    ? `No user exists yet. Create the first administrator within ${cfg.setupLinkMinutes} minutes at:\n  ${base}/penyiapan#token=${server.setupToken}\n` +
      '(or: npx tuntas user create --username NAME --role admin --region national, with the server stopped)\n\n'
    : '';
  // One write, so that whoever waits for the banner also gets the setup link.
  process.stdout.write(`\nTuntas is running at ${shown}\nData: ${describeDatabase(cfg)}\nAPI documentation: ${shown}/api/docs\nStop with Ctrl+C.\n\n${setup}`);

  const shutdown = (signal: string) => {
    process.stdout.write(`\n${signal}: closing Tuntas…\n`);
    const force = setTimeout(() => {
      process.stderr.write('Shutdown took longer than 15 s; exiting.\n');
      process.exit(1);
    }, 15_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`Error while closing: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
