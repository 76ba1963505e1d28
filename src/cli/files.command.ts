// `tuntas files seal`: encrypt the uploaded files stored in clear before migration 0023.
import { Command } from 'commander';
import { cliContext } from '../server/platform/auth/actor.ts';
import { KeyWrapper, RecordSealer } from '../server/platform/crypto/envelope.ts';
import { loadKeyProvider } from '../server/platform/crypto/key-provider.ts';
import { MasterKeyError } from '../server/platform/crypto/master-key.ts';
import { sealLegacyFiles } from '../server/platform/files/legacy-files.ts';
import { CliError } from './cli-error.ts';
import { operatorName, positiveInt, printJson, withDatabase } from './context.ts';

export function filesCommand(): Command {
  const cmd = new Command('files').description('The file store: seal (encrypt) files uploaded before encryption at rest');
  cmd
    .command('seal')
    .description(
      'Encrypt every uploaded file still stored in clear (from before this version) under the current master key and erase ' +
        'its plaintext, in resumable batches: run it again after an interruption and it continues. The server refuses to ' +
        'start until none are left. With the embedded database, stop the server first.',
    )
    .option('--batch-size <n>', 'files per transaction (each up to FILE_MAX_BYTES)', positiveInt(1), 10)
    .option('--pause-ms <n>', 'pause between batches (spare a busy database)', positiveInt(0), 0)
    .option('--json', 'print the result as JSON')
    .action(async (opts: { batchSize: number; pauseMs: number; json?: boolean }) => {
      const result = await withDatabase(async (database, cfg) => {
        let sealer;
        try {
          sealer = new RecordSealer(new KeyWrapper(loadKeyProvider(cfg)));
        } catch (err) {
          if (err instanceof MasterKeyError) throw new CliError(err.message, 2);
          throw err;
        }
        return sealLegacyFiles(database.db, sealer, cliContext(operatorName()), {
          batchSize: opts.batchSize,
          pauseMs: opts.pauseMs,
          progress: (done, total) => process.stderr.write(`files ${done}/${total}\n`),
        });
      });
      if (opts.json) printJson(result);
      else
        process.stdout.write(
          `Sealed ${result.sealed} file(s) under master key ${result.keyId}; ${result.remaining} still in clear` +
            `${result.remaining > 0 ? ' (locked by another run? run the command again)' : ''}.\n`,
        );
      if (result.remaining > 0) process.exitCode = 1;
    });
  return cmd;
}
