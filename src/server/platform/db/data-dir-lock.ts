// Only one process may open an embedded (PGlite) data directory. The lock file
// holds the owner's pid; a lock left by a killed process is taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Tuntas process (pid ${ownerPid}). ` +
        'An embedded database can be opened by one process only: stop that process first, ' +
        'or run Tuntas against PostgreSQL (DATABASE_URL) to use several processes.',
    );
  }
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DataDirLock {
  release(): void;
}

const LOCK_NAME = 'tuntas.lock';

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_NAME);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return { release: () => releaseIfMine(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readLock(file);
    if (owner && owner.pid !== process.pid && isAlive(owner)) throw new DataDirLockedError(dataDir, owner.pid);
    if (owner && owner.pid === process.pid) throw new DataDirLockedError(dataDir, owner.pid);
    // Stale: its process is gone (e.g. killed with SIGKILL). Take it over.
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined; // unreadable or half-written by a crashed process: stale
  }
}

function isAlive(owner: LockInfo): boolean {
  if (owner.host !== os.hostname()) return true; // another machine: cannot tell, so assume alive
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfMine(file: string): void {
  const owner = readLock(file);
  if (owner?.pid === process.pid) fs.rmSync(file, { force: true });
}
