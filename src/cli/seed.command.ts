import { Command } from 'commander';
import { NotADemoDatabaseError, seedDemo } from '../server/modules/demo/demo.seed.ts';
import { CliError, printJson, withDatabase } from './context.ts';
import { ensureRegions } from './jobs.ts';

export function seedCommand(): Command {
  const seed = new Command('seed').description('Load example data');
  seed
    .command('demo')
    .description('Load the labelled demo dataset (refuses a database that holds real data)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (database) => {
        // Regions first: they are reference data, and demo records hang on them.
        let result;
        try {
          result = await seedDemo(database.db, () => ensureRegions(database));
        } catch (err) {
          if (err instanceof NotADemoDatabaseError) throw new CliError(err.message, 4);
          throw err;
        }
        if (opts.json) printJson({ dataset: 'demo', ...result });
        else process.stdout.write(`Demo data loaded into ${database.description}. Every screen shows the DEMO label.\n`);
      });
    });
  return seed;
}
