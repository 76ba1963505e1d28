// `tuntas user create | list | disable`, run as operators run them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findUserByUsername } from '../server/platform/auth/identity.repository.ts';
import { verifyPassword } from '../server/platform/auth/passwords.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { preparedData } from '../server/test/prepared-data.ts';
import { tuntas } from '../server/test/processes.ts';

const STRONG = 'perahu-lumut-jingga-sembilan';
const createArgs = (username: string, role = 'regency_officer', region = '65.03') => ['user', 'create', '--username', username, '--role', role, '--region', region];

interface ListedUser {
  username: string;
  roles: string[];
  scope: string;
  status: string;
}
async function listUsers(env: Record<string, string>): Promise<ListedUser[]> {
  const res = await tuntas(['user', 'list', '--json'], env);
  assert.equal(res.code, 0, res.stderr);
  return JSON.parse(res.stdout) as ListedUser[];
}

test('user create prints a generated password once; it is the user’s password and must be changed', async (t) => {
  const { env, options } = await preparedData(t);
  const res = await tuntas(createArgs('rina.kayan'), env);
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /^Created rina\.kayan \(regency_officer; 65\.03\)\.$/m);
  const passwords = res.stdout.match(/[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}/g) ?? [];
  assert.equal(passwords.length, 1, res.stdout);
  assert.match(res.stdout, /shown once; must be changed at first sign-in/);

  const database = await openDatabase(options);
  try {
    const user = await findUserByUsername(database.db, 'rina.kayan');
    assert.ok(user);
    assert.equal(user.password_must_change, true);
    assert.ok(await verifyPassword(user.password_hash, passwords[0]!));
    assert.ok(!user.password_hash.includes(passwords[0]!));
  } finally {
    await database.close();
  }
});

test('user create --password-stdin takes the password from standard input and prints none', async (t) => {
  const { env, options } = await preparedData(t);
  const res = await tuntas([...createArgs('budi.sesayap'), '--password-stdin'], env, `${STRONG}\n`);
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /Created budi\.sesayap/);
  assert.doesNotMatch(res.stdout, /Password/);
  assert.ok(!res.stdout.includes(STRONG) && !res.stderr.includes(STRONG));

  const database = await openDatabase(options);
  try {
    const user = (await findUserByUsername(database.db, 'budi.sesayap'))!;
    assert.equal(user.password_must_change, false);
    assert.ok(await verifyPassword(user.password_hash, STRONG), 'the trailing newline is not part of the password');
  } finally {
    await database.close();
  }
});

test('user create --password-stdin refuses a weak password with a non-zero exit and a clear message', async (t) => {
  const { env } = await preparedData(t);
  const weak = await tuntas([...createArgs('budi.sesayap'), '--password-stdin'], env, 'kalimantan2018\n');
  assert.notEqual(weak.code, 0);
  assert.match(weak.stderr, /The password is too easy to guess/);
  assert.match(weak.stderr, /password/);
  const short = await tuntas([...createArgs('budi.sesayap'), '--password-stdin'], env, 'pendek\n');
  assert.notEqual(short.code, 0);
  assert.match(short.stderr, /password/);
  assert.deepEqual(await listUsers(env), [], 'no user was created');
});

test('user list --json prints the users with roles, region and status', async (t) => {
  const { env } = await preparedData(t);
  assert.equal((await tuntas(createArgs('rina.kayan'), env)).code, 0);
  assert.equal((await tuntas(createArgs('admin.pusat', 'admin,auditor', 'national'), env)).code, 0);
  const users = await listUsers(env);
  assert.deepEqual(
    users.map((u) => ({ username: u.username, roles: u.roles, scope: u.scope, status: u.status })),
    [
      { username: 'admin.pusat', roles: ['admin', 'auditor'], scope: 'national', status: 'active' },
      { username: 'rina.kayan', roles: ['regency_officer'], scope: '65.03', status: 'active' },
    ],
  );
});

test('user disable disables the user; list shows them disabled', async (t) => {
  const { env } = await preparedData(t);
  assert.equal((await tuntas(createArgs('rina.kayan'), env)).code, 0);
  const res = await tuntas(['user', 'disable', 'rina.kayan'], env);
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /Disabled rina\.kayan/);
  assert.equal((await listUsers(env)).find((u) => u.username === 'rina.kayan')?.status, 'disabled');

  const unknown = await tuntas(['user', 'disable', 'nobody.here'], env);
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /No user named nobody\.here/);
});

test('user create with an unknown role exits non-zero naming the role', async (t) => {
  const { env } = await preparedData(t);
  const res = await tuntas(createArgs('rina.kayan', 'regency_officer,wizard'), env);
  assert.notEqual(res.code, 0);
  assert.match(res.stderr, /Unknown role: wizard/);
  const region = await tuntas(createArgs('rina.kayan', 'regency_officer', '99'), env);
  assert.notEqual(region.code, 0);
  assert.match(region.stderr, /Region 99 does not exist/);
  assert.deepEqual(await listUsers(env), []);
});
