import { Command, Option } from 'commander';
import { REGION_LEVELS, RegionListQuerySchema } from '../common/regions.ts';
import { CliError } from './cli-error.ts';
import { printJson, printTable, withDatabase } from './context.ts';
import { cliServices, ensureRegions, runJobNow } from './jobs.ts';

export function regionsCommand(): Command {
  const regions = new Command('regions').description('Region codes (Kemendagri): list, search, load');

  regions
    .command('list', { isDefault: true })
    .description('List regions: children of --parent, or a search by name (--q)')
    .option('--parent <code>', 'children of this region, e.g. 65')
    .option('--q <text>', 'search by name or code prefix')
    .addOption(new Option('--level <level>', 'only this level').choices(REGION_LEVELS))
    .option('--include-former', 'include former (historical) codes')
    .option('--limit <n>', 'at most this many', '1000')
    .option('--json', 'print a JSON array of {code, name, level}')
    .action(async (opts: { parent?: string; q?: string; level?: string; includeFormer?: boolean; limit: string; json?: boolean }) => {
      const parsed = RegionListQuerySchema.safeParse({
        parent: opts.parent,
        q: opts.q,
        level: opts.level,
        includeFormer: opts.includeFormer ? 'true' : undefined,
        limit: opts.limit,
      });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'), 2);
      await withDatabase(async (database) => {
        await ensureRegions(database);
        const { items } = await cliServices(database).regions.list(parsed.data);
        const rows = items.map((r) => ({ code: r.code, name: r.name, level: r.level, ...(r.validTo ? { validTo: r.validTo, successorCode: r.successorCode } : {}) }));
        if (opts.json) printJson(rows);
        else printTable(rows, ['code', 'name', 'level']);
      });
    });

  regions
    .command('import')
    .description('Load (or refresh) provinces, regencies/cities and districts from the official list')
    .option('--villages', 'also load the 83,000+ villages')
    .action(async (opts: { villages?: boolean }) => {
      await withDatabase(async (database) => {
        const { jobs, regions } = cliServices(database);
        const jobId = await regions.startImport(Boolean(opts.villages));
        await runJobNow(jobs, jobId, 'Loading regions');
        const { counts } = await regions.summary();
        process.stdout.write(
          `Regions loaded: ${counts.province} provinces, ${counts.regency} regencies/cities, ${counts.district} districts, ${counts.village} villages, ${counts.former} former codes.\n`,
        );
      });
    });

  return regions;
}
