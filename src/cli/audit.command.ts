import os from 'node:os';
import { Command } from 'commander';
import { cliContext, type Context } from '../server/platform/auth/actor.ts';
import type { KnownPoint } from '../server/platform/audit/verify.ts';
import { AuditService } from '../server/modules/audit/audit.service.ts';
import { CliError } from './cli-error.ts';
import { printJson, withDatabase } from './context.ts';

const REASONS: Record<string, string> = {
  gap: 'the event is missing (deleted)',
  prev_hash_mismatch: 'it does not link to the event before it (deleted, inserted or reordered events)',
  hash_mismatch: 'its content no longer matches its hash (edited)',
  head_mismatch: 'the chain head does not match the last event',
  checkpoint_mismatch: 'it does not match a checkpoint taken earlier (rewritten or cut off)',
};

/** The operator, by OS account name: CLI actions are audited as `cli:<name>`. */
function operator(): Context {
  let name = 'unknown';
  try {
    name = os.userInfo().username;
  } catch {
    // no passwd entry (some containers): still audited, as cli:unknown
  }
  return cliContext(name);
}

function parsePoint(value: string, previous: KnownPoint[] = []): KnownPoint[] {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!m) throw new CliError(`--checkpoint must look like <seq>:<64 hex digits>, not "${value}"`, 2);
  return [...previous, { seq: Number(m[1]), hash: m[2]! }];
}

export function auditCommand(): Command {
  const cmd = new Command('audit').description('The tamper-evident audit log: verify the hash chain, take checkpoints');

  cmd
    .command('verify')
    .description('Recompute the hash chain; exit 0 when intact, 1 naming the first broken event')
    .option('--checkpoint <seq:hash>', 'also check a checkpoint kept outside the system (repeatable)', parsePoint)
    .option('--json', 'print JSON')
    .action(async (opts: { checkpoint?: KnownPoint[]; json?: boolean }) => {
      const result = await withDatabase((database) => new AuditService(database.db).verify(operator(), opts.checkpoint ?? []));
      if (opts.json) printJson(result);
      else if (result.ok) process.stdout.write(`Audit log intact: ${result.count} events, last hash ${result.lastHash ?? '(none)'}.\n`);
      if (result.firstBroken) {
        const { seq, reason } = result.firstBroken;
        const message = `Audit log BROKEN at event ${seq} (${reason}): ${REASONS[reason] ?? reason}. ${result.count} events before it verified.`;
        if (!opts.json) throw new CliError(message, 1);
        process.stderr.write(`tuntas: ${message}\n`);
        process.exitCode = 1;
      }
    });

  cmd
    .command('checkpoint')
    .description('Record the latest hash and count; keep the output outside the system')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const cp = await withDatabase((database) => new AuditService(database.db).checkpoint(operator()));
      if (opts.json) printJson(cp);
      else process.stdout.write(`Checkpoint at ${cp.at}: ${cp.count} events, event ${cp.seq} has hash ${cp.hash}\nVerify against it later with: tuntas audit verify --checkpoint ${cp.seq}:${cp.hash}\n`);
    });

  return cmd;
}
