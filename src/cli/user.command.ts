import os from 'node:os';
import { Command } from 'commander';
import { CreateUserSchema, UserListQuerySchema } from '../common/users.ts';
import { cliContext } from '../server/platform/auth/actor.ts';
import { findUserByUsername } from '../server/platform/auth/identity.repository.ts';
import { AppError } from '../server/platform/errors/app-error.ts';
import { UserService } from '../server/modules/users/users.service.ts';
import { CliError } from './cli-error.ts';
import { printJson, printTable, withDatabase } from './context.ts';
import { ensureRegions } from './jobs.ts';

const ctx = () => cliContext(os.userInfo().username);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Service errors become plain messages for the operator. */
async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.translate('en'), 1);
    throw err;
  }
}

export function userCommand(): Command {
  const user = new Command('user').description('User accounts: create, disable, list');

  user
    .command('create')
    .description('Create a user. Without --password-stdin a strong password is generated, printed once, and must be changed at first sign-in')
    .requiredOption('--username <name>', '3–40 lowercase letters, digits, . _ -')
    .requiredOption('--role <keys>', 'role key(s), comma-separated: admin, ministry_officer, province_officer, regency_officer, case_worker, finance_officer, head_of_office, auditor')
    .requiredOption('--region <code>', "'national', a province (65) or a regency/city (65.03)")
    .option('--display-name <name>', 'full name shown in the app (default: the username)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'print JSON')
    .action(async (opts: { username: string; role: string; region: string; displayName?: string; passwordStdin?: boolean; json?: boolean }) => {
      const parsed = CreateUserSchema.safeParse({
        username: opts.username,
        displayName: opts.displayName ?? opts.username,
        roles: opts.role.split(',').map((r) => r.trim()).filter(Boolean),
        scope: opts.region,
        password: opts.passwordStdin ? await readStdin() : undefined,
      });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('\n'), 2);
      await withDatabase(async (database) => {
        await ensureRegions(database);
        const result = await run(() => new UserService(database.db).create(ctx(), parsed.data));
        if (opts.json) return printJson(result);
        process.stdout.write(`Created ${result.user.username} (${result.user.roles.join(', ')}; ${opts.region}).\n`);
        if (result.generatedPassword)
          process.stdout.write(`Password (shown once; must be changed at first sign-in): ${result.generatedPassword}\n`);
      });
    });

  user
    .command('disable')
    .description('Disable a user; their sessions end at once')
    .argument('<username>')
    .action(async (username: string) => {
      await withDatabase(async (database) => {
        const found = await findUserByUsername(database.db, username);
        if (!found) throw new CliError(`No user named ${username}`, 1);
        await run(() => new UserService(database.db).setStatus(ctx(), found.id, 'disabled'));
        process.stdout.write(`Disabled ${found.username}; their sessions have ended.\n`);
      });
    });

  user
    .command('list')
    .description('List users')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (database) => {
        const { items } = await new UserService(database.db).list(ctx(), UserListQuerySchema.parse({ limit: 200 }));
        const rows = items.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          roles: u.roles,
          scope: u.scope.level === 'national' ? 'national' : u.scope.code,
          status: u.status,
          mfaEnabled: u.mfaEnabled,
          lastLoginAt: u.lastLoginAt,
        }));
        if (opts.json) return printJson(rows);
        printTable(rows.map((r) => ({ ...r, roles: r.roles.join(',') })), ['username', 'displayName', 'roles', 'scope', 'status', 'mfaEnabled']);
      });
    });

  return user;
}
