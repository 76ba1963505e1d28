// localStorage that never throws (private mode, disabled storage).
const PREFIX = 'tuntas.';

export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // Not persisted; the choice still applies for this visit.
  }
}
