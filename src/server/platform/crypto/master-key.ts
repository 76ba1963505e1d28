// The master key protects secrets at rest (TOTP secrets now; data keys of the
// personal registry later). From MASTER_KEY, MASTER_KEY_FILE, or — embedded
// database only — a key file created beside the data on first start.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';

export interface MasterKey {
  /** Short fingerprint stored with every ciphertext, for rotation. */
  id: string;
  key: Buffer;
}

export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

export function masterKeyFrom(base64: string): MasterKey {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new MasterKeyError('The master key must be 32 bytes, base64-encoded.');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

export function loadMasterKey(config: Config): MasterKey {
  if (config.masterKey) return masterKeyFrom(config.masterKey);
  if (config.masterKeyFile) {
    if (!fs.existsSync(config.masterKeyFile)) throw new MasterKeyError(`MASTER_KEY_FILE ${config.masterKeyFile} does not exist.`);
    return masterKeyFrom(fs.readFileSync(config.masterKeyFile, 'utf8'));
  }
  if (config.databaseUrl) {
    throw new MasterKeyError(
      'With DATABASE_URL, set MASTER_KEY or MASTER_KEY_FILE (32 random bytes, base64: `openssl rand -base64 32`). ' +
        'Keep it apart from the database and its backups.',
    );
  }
  const file = path.join(config.dataDir, 'master.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return masterKeyFrom(fs.readFileSync(file, 'utf8'));
}
