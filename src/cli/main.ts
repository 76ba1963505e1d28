// `tuntas`: the operators' command line. One file per command group, loaded
// only when it runs (a light command such as `nik check` never loads the database).
import { Command } from 'commander';
import { CliError } from './cli-error.ts';

const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.command.ts')).serveCommand(),
  migrate: async () => (await import('./migrate.command.ts')).migrateCommand(),
  regions: async () => (await import('./regions.command.ts')).regionsCommand(),
  seed: async () => (await import('./seed.command.ts')).seedCommand(),
  user: async () => (await import('./user.command.ts')).userCommand(),
  audit: async () => (await import('./audit.command.ts')).auditCommand(),
  nik: async () => (await import('./nik.command.ts')).nikCommand(),
  keys: async () => (await import('./keys.command.ts')).keysCommand(),
  files: async () => (await import('./files.command.ts')).filesCommand(),
  import: async () => (await import('./import.command.ts')).importCommand(),
  dedup: async () => (await import('./dedup.command.ts')).dedupCommand(),
};

const program = new Command('tuntas')
  .description('Tuntas: closure of lokalisasi and rehabilitation of ex-workers.\nReads DATA_DIR / DATABASE_URL like the server.')
  .showHelpAfterError();

try {
  const named = process.argv[2];
  // Help, or an unknown command (commander explains it): every command, for the list.
  const wanted = named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) program.addCommand(await COMMANDS[name]!());
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CliError) {
    process.stderr.write(`tuntas: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`tuntas: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
