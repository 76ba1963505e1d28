import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, describeDatabase, loadConfig } from './config.ts';

test('defaults: 127.0.0.1:3000, ./data, embedded database', () => {
  const c = loadConfig({});
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.port, 3000);
  assert.equal(c.dataDir, path.resolve('data'));
  assert.equal(c.databaseUrl, undefined);
  assert.ok(Object.isFrozen(c));
});

test('a bad value is reported with the variable’s name', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' }),
    (err: Error) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /PORT="eighty"/);
      assert.match(err.message, /DATABASE_URL="mysql:\/\/x": must start with postgres:\/\//);
      return true;
    },
  );
  assert.throws(() => loadConfig({ TRUST_PROXY: 'maybe' }), /TRUST_PROXY="maybe"/);
});

test('empty variables count as unset', () => {
  assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).port, 3000);
});

test('the database description never shows the password', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://tuntas:s3cret@db.local:5432/tuntas' });
  assert.equal(describeDatabase(c), 'PostgreSQL postgres://tuntas:***@db.local:5432/tuntas');
});
