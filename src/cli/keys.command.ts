// `tuntas keys rotate`: move every wrapped key and secret to the current master key.
import { Command } from 'commander';
import { cliContext } from '../server/platform/auth/actor.ts';
import { loadKeyProvider } from '../server/platform/crypto/key-provider.ts';
import { EnvelopeError } from '../server/platform/crypto/envelope.ts';
import { KeyRotationError } from '../server/platform/crypto/key-rotation.ts';
import { MasterKeyError } from '../server/platform/crypto/master-key.ts';
import { rotateKeys } from '../server/modules/keys/keys.rotation.ts';
import { CliError } from './cli-error.ts';
import { operatorName, positiveInt, printJson, withDatabase } from './context.ts';

export function keysCommand(): Command {
  const cmd = new Command('keys').description('Master keys: rotate (move every sealed datum to the current master key)');
  cmd
    .command('rotate')
    .description(
      'After setting a new MASTER_KEY (and the old one in MASTER_KEY_PREVIOUS): move every sealed datum (identities, bank accounts, ' +
        'case records, referral snapshots, visit notes, import uploads, the blind-index key, TOTP secrets) to the new key, in ' +
        'resumable batches. Staged rows of unfinished imports are discarded and staged again at commit. Run it again after an ' +
        'interruption; it continues. Refuses a database with a sealed-looking column that no module declares.',
    )
    .option('--reencrypt', 'also give every record a fresh data key and ciphertext')
    .option('--batch-size <n>', 'rows per transaction', positiveInt(1), 500)
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
            progress: (kind, done, total) => process.stderr.write(`${kind} ${done}/${total}\n`),
            notice: (message) => process.stderr.write(`${message}\n`),
          });
        } catch (err) {
          if (err instanceof EnvelopeError) throw new CliError(`Cannot open a wrapped key: ${err.message}`, 1);
          // A forgotten module or a key not configured: refused before anything changed.
          if (err instanceof KeyRotationError) throw new CliError(err.message, err.code === 'unsettled' ? 1 : 2);
          throw err;
        }
      });
      if (opts.json) printJson(result);
      else {
        const { keyId, reencrypted, ...counts } = result;
        const moved = Object.entries(counts).map(([kind, n]) => `${kind} ${String(n)}`);
        process.stdout.write(`Rotated to master key ${keyId} (${reencrypted ? 're-encrypted' : 're-wrapped'}): ${moved.join(', ')}.\n`);
      }
    });
  return cmd;
}
