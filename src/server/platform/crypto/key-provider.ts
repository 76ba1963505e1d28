// Where master keys come from. A KeyProvider names the key new wrappings use
// (`current`) and finds any key by the id stored beside a ciphertext (`byId`), so
// data sealed under a previous master key stays readable until `tuntas keys
// rotate` has re-wrapped it.
//
// The built-in provider is a key ring read from configuration (MASTER_KEY or
// MASTER_KEY_FILE, plus MASTER_KEY_PREVIOUS / MASTER_KEY_PREVIOUS_FILE during a
// rotation). A KMS or vault plugs in by implementing the same interface: at start,
// ask the KMS/vault to decrypt the master key(s) (e.g. a key file encrypted with a
// KMS key, or a Vault KV secret) and hand them back as MasterKey values. Wrapping a
// data key per record stays local (XChaCha20-Poly1305, microseconds), so an import of a
// million rows never makes a million KMS calls; the KMS protects the master key.
import fs from 'node:fs';
import type { Config } from '../../config.ts';
import { loadMasterKey, masterKeyFrom, MasterKeyError, type MasterKey } from './master-key.ts';

export interface KeyProvider {
  /** The key every new wrapping uses. */
  current(): MasterKey;
  /** A current or previous key by its id; undefined when this provider does not hold it. */
  byId(id: string): MasterKey | undefined;
  /** Ids of every key held, current first. */
  ids(): string[];
}

export function isKeyProvider(value: MasterKey | KeyProvider): value is KeyProvider {
  return typeof (value as KeyProvider).current === 'function';
}

/** A fixed set of keys: the current one and any previous ones still being rotated away from. */
export function keyRing(current: MasterKey, previous: readonly MasterKey[] = []): KeyProvider {
  const byId = new Map<string, MasterKey>();
  for (const k of [current, ...previous]) if (!byId.has(k.id)) byId.set(k.id, k);
  return { current: () => current, byId: (id) => byId.get(id), ids: () => [...byId.keys()] };
}

/** The configured key ring: MASTER_KEY(_FILE) is current; MASTER_KEY_PREVIOUS(_FILE) lists older keys. */
export function loadKeyProvider(config: Config): KeyProvider {
  const previous = [...config.masterKeyPrevious];
  if (config.masterKeyPreviousFile) {
    if (!fs.existsSync(config.masterKeyPreviousFile)) throw new MasterKeyError(`MASTER_KEY_PREVIOUS_FILE ${config.masterKeyPreviousFile} does not exist.`);
    previous.push(
      ...fs
        .readFileSync(config.masterKeyPreviousFile, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#')),
    );
  }
  return keyRing(loadMasterKey(config), previous.map(masterKeyFrom));
}
