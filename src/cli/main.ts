// `tuntas`: the operators' command line. One file per command group.
import { Command } from 'commander';
import { CliError } from './context.ts';
import { migrateCommand } from './migrate.command.ts';
import { regionsCommand } from './regions.command.ts';
import { seedCommand } from './seed.command.ts';
import { serveCommand } from './serve.command.ts';
import { userCommand } from './user.command.ts';
import { auditCommand } from './audit.command.ts';

const program = new Command('tuntas')
  .description('Tuntas: closure of lokalisasi and rehabilitation of ex-workers.\nReads DATA_DIR / DATABASE_URL like the server.')
  .showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(regionsCommand());
program.addCommand(seedCommand());
program.addCommand(userCommand());
program.addCommand(auditCommand());

try {
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
