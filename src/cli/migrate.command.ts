import { Command } from 'commander';
import { migrate, migrationLabel, migrationStatus } from '../server/platform/db/migrate.ts';
import { printJson, withDatabase } from './context.ts';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations (each in its own transaction)')
    .option('--status', 'only show which migrations are applied and pending')
    .option('--json', 'print JSON')
    .action(async (opts: { status?: boolean; json?: boolean }) => {
      await withDatabase(
        async (database) => {
          const applied = opts.status ? [] : await migrate(database.db);
          const status = await migrationStatus(database.db);
          const result = {
            database: database.description,
            appliedNow: applied.map(migrationLabel),
            applied: status.applied.length,
            pending: status.pending.map(migrationLabel),
          };
          if (opts.json) return printJson(result);
          process.stdout.write(
            `${result.database}\n` +
              (opts.status ? '' : `Applied now: ${result.appliedNow.length ? result.appliedNow.join(', ') : 'nothing (up to date)'}\n`) +
              `Applied in total: ${result.applied}; pending: ${result.pending.length ? result.pending.join(', ') : 'none'}\n`,
          );
        },
        { migrate: false },
      );
    });
}
