// `tuntas keys rotate`: move every wrapped key and secret to the current master key.
import os from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { cliContext } from '../server/platform/auth/actor.ts';
import { loadKeyProvider } from '../server/platform/crypto/key-provider.ts';
import { EnvelopeError } from '../server/platform/crypto/envelope.ts';
import { MasterKeyError } from '../server/platform/crypto/master-key.ts';
import { rotateKeys } from '../server/modules/registry/persons.rotation.ts';
import { CliError } from './cli-error.ts';
import { printJson, withDatabase } from './context.ts';

function operatorName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

const positiveInt = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`must be an integer ≥ ${min}`);
  return n;
};

export function keysCommand(): Command {
  const cmd = new Command('keys').description('Master keys: rotate (re-wrap data keys, blind-index key and TOTP secrets)');
  cmd
    .command('rotate')
    .description(
      'After setting a new MASTER_KEY (and the old one in MASTER_KEY_PREVIOUS): re-wrap every person’s data key, the blind-index ' +
        'key and TOTP secrets under the new key, in resumable batches. Run it again after an interruption; it continues.',
    )
    .option('--reencrypt', 'also give every person a fresh data key and ciphertext')
    .option('--batch-size <n>', 'persons per transaction', positiveInt(1), 500)
    .option('--pause-ms <n>', 'pause between batches (spare a busy database)', positiveInt(0), 0)
    .option('--json', 'print the result as JSON')
    .action(async (opts: { reencrypt?: boolean; batchSize: number; pauseMs: number; json?: boolean }) => {
      const result = await withDatabase(async (database, cfg) => {
        let keys;
        try {
          keys = loadKeyProvider(cfg);
        } catch (err) {
          if (err instanceof MasterKeyError) throw new CliError(err.message, 2);
          throw err;
        }
        process.stderr.write(`Current master key ${keys.current().id}; also configured: ${keys.ids().slice(1).join(', ') || '(none)'}\n`);
        try {
          return await rotateKeys(database.db, keys, cliContext(operatorName()), {
            reencrypt: Boolean(opts.reencrypt),
            batchSize: opts.batchSize,
            pauseMs: opts.pauseMs,
            progress: (done, total) => process.stderr.write(`persons ${done}/${total}\n`),
          });
        } catch (err) {
          if (err instanceof EnvelopeError) throw new CliError(`Cannot open a wrapped key: ${err.message}`, 1);
          throw err;
        }
      });
      if (opts.json) printJson(result);
      else
        process.stdout.write(
          `Rotated to master key ${result.keyId}: ${result.persons} person(s) ${result.reencrypted ? 're-encrypted' : 're-wrapped'}, ` +
            `${result.cryptoKeys} application key(s), ${result.totpSecrets} TOTP secret(s).\n`,
        );
    });
  return cmd;
}
