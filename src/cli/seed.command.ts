import { Command } from 'commander';
import { NotADemoDatabaseError, seedDemo } from '../server/modules/demo/demo.seed.ts';
import { CliError } from './cli-error.ts';
import { printJson, withDatabase } from './context.ts';
import { ensureRegions } from './jobs.ts';

export function seedCommand(): Command {
  const seed = new Command('seed').description('Load example data');
  seed
    .command('demo')
    .description('Load the labelled demo dataset (refuses a database that holds real data)')
    .option('--as-of <year>', 'the Kaltara scenario as of May 2018 (default) or with the later events of 2019', '2018')
    .option('--without-events', 'leave the rakor of 18 May 2018 and the instruction letter for trainees to record')
    .option('--without-schemes', 'with --as-of 2019: leave the 2018 aid schemes and their budget allocations for trainees to configure (bank accounts stay)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean; asOf: string; withoutEvents?: boolean; withoutSchemes?: boolean }) => {
      if (opts.asOf !== '2018' && opts.asOf !== '2019') throw new CliError(`--as-of must be 2018 or 2019, not "${opts.asOf}"`, 2);
      const asOf = opts.asOf === '2019' ? 2019 : 2018;
      await withDatabase(async (database, cfg) => {
        // Regions first: they are reference data, and demo records hang on them.
        let result;
        try {
          result = await seedDemo(database.db, cfg, () => ensureRegions(database), {
            asOf,
            withoutEvents: opts.withoutEvents === true,
            withoutSchemes: opts.withoutSchemes === true,
          });
        } catch (err) {
          if (err instanceof NotADemoDatabaseError) throw new CliError(err.message, 4);
          throw err;
        }
        if (opts.json) printJson({ dataset: 'demo', ...result });
        else process.stdout.write(`Demo data (Kaltara, as of ${asOf}) loaded into ${database.description}. Every screen shows the DEMO label.\n`);
      });
    });
  return seed;
}
