// `tuntas import persons FILE --site CODE`: imports a person list (xlsx/csv) from
// this machine — validated, encrypted, all or nothing. Rows with errors → nothing is
// imported, the error report (row, column, problem; no values) is written next to
// the file and the exit code is 1.
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { LAWFUL_BASES, type LawfulBasis } from '../common/persons.ts';
import { cliContext } from '../server/platform/auth/actor.ts';
import { systemClock } from '../server/platform/auth/clock.ts';
import { loadKeyProvider } from '../server/platform/crypto/key-provider.ts';
import { MasterKeyError } from '../server/platform/crypto/master-key.ts';
import { AppError, translateCode } from '../server/platform/errors/app-error.ts';
import { runLocalImport } from '../server/modules/imports/import-local.ts';
import { CliError } from './cli-error.ts';
import { operatorName, printJson, withDatabase } from './context.ts';
import { ensureRegions } from './jobs.ts';

interface Opts {
  site: string;
  dryRun?: boolean;
  lawfulBasis: LawfulBasis;
  json?: boolean;
  errors?: string;
  lang: 'id' | 'en';
}

/** report.xlsx beside the file: daftar.csv → daftar.errors.xlsx */
const reportPathFor = (file: string) => path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.errors.xlsx`);

export function importCommand(): Command {
  const cmd = new Command('import').description('Import data from files: persons (xlsx/csv)');
  cmd
    .command('persons')
    .description(
      'Import a person list (.xlsx or .csv, the template’s columns) into a site: every row validated, identities encrypted, ' +
        'all rows or none. With errors nothing is imported and the error report is written next to the file.',
    )
    .argument('<file>', 'the .xlsx or .csv file')
    .requiredOption('--site <code>', 'the site’s code, e.g. LOK-6503-001')
    .option('--dry-run', 'only check the file: counts and error report, nothing stored')
    .addOption(new Option('--lawful-basis <basis>', 'the lawful basis of processing').choices(LAWFUL_BASES).default('public_task'))
    .option('--errors <path>', 'where to write the error report (default: FILE.errors.xlsx beside the file)')
    .addOption(new Option('--lang <lang>', 'language of messages and the report').choices(['id', 'en']).default('id'))
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: Opts) => {
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`No such file: ${file}`, 2);
      let started = 0;
      let stagedAt: number | undefined;
      const result = await withDatabase(async (database, cfg) => {
        let keys;
        try {
          keys = loadKeyProvider(cfg);
        } catch (err) {
          if (err instanceof MasterKeyError) throw new CliError(err.message, 2);
          throw err;
        }
        await ensureRegions(database);
        let lastLine = 0;
        started = performance.now();
        try {
          return await runLocalImport(database, keys, {
            file: path.resolve(file),
            siteCode: opts.site,
            dryRun: Boolean(opts.dryRun),
            lawfulBasis: opts.lawfulBasis,
            ctx: cliContext(operatorName()),
            workers: cfg.importWorkers,
            clock: systemClock,
            progress: (done, total, message) => {
              if (message === 'committing') stagedAt ??= performance.now();
              if (Date.now() - lastLine < 250 && message !== 'committing') return;
              lastLine = Date.now();
              const line = `${message}: ${done}${total ? `/${total}` : ''} rows`;
              process.stderr.write(process.stderr.isTTY ? `\r${line}   ` : `${line}\n`);
            },
          });
        } catch (err) {
          if (err instanceof AppError) throw new CliError(translateCode(err.code, opts.lang, err.params), err.status === 404 || err.status === 415 ? 2 : 1);
          throw err;
        } finally {
          if (process.stderr.isTTY) process.stderr.write('\n');
        }
      });
      const { imp, tally, status } = result;
      const seconds = (performance.now() - started) / 1000;
      let reportPath: string | null = null;
      if (tally && tally.issues.length > 0) {
        reportPath = path.resolve(opts.errors ?? reportPathFor(file));
        const { errorReport } = await import('../server/modules/imports/error-report.ts');
        fs.writeFileSync(reportPath, await errorReport(tally.issues, opts.lang));
      }
      const summary = {
        importId: imp.id,
        status,
        dryRun: Boolean(opts.dryRun),
        totalRows: imp.total_rows,
        validRows: imp.valid_rows,
        errorRows: imp.error_rows,
        errors: imp.error_count,
        warnings: imp.warning_count,
        committed: imp.committed_rows ?? 0,
        firstCaseCode: imp.first_case_code,
        lastCaseCode: imp.last_case_code,
        errorReport: reportPath,
        failure: imp.failure,
        // what the run took: reading, validating, sealing and staging; then the commit
        seconds: Number(seconds.toFixed(2)),
        stagingSeconds: stagedAt === undefined ? null : Number(((stagedAt - started) / 1000).toFixed(2)),
        peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024),
      };
      if (opts.json) printJson(summary);
      else {
        const lines = [
          `Import ${imp.id} (${imp.original_name}): ${status}`,
          `  rows: ${summary.totalRows ?? 0}, valid: ${summary.validRows ?? 0}, with errors: ${summary.errorRows ?? 0} (${summary.errors ?? 0} errors, ${summary.warnings ?? 0} warnings)`,
        ];
        if (status === 'committed') lines.push(`  imported: ${summary.committed} persons, case codes ${summary.firstCaseCode} … ${summary.lastCaseCode}`);
        if (status === 'invalid') lines.push('  nothing was imported: correct the rows named in the error report and run the command again');
        if (reportPath) lines.push(`  error report: ${reportPath}`);
        lines.push(`  took ${summary.seconds} s, peak memory ${summary.peakMemoryMb} MB`);
        if (imp.failure) lines.push(`  failure: ${imp.failure}`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      if (status !== 'committed' && status !== 'validated') process.exitCode = 1;
    });
  return cmd;
}
