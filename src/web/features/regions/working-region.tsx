// The "working region": the area the user is working on, chosen in the header and
// remembered in localStorage. Later modules filter their lists by it.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { RegionCodeSchema } from '../../../common/regions.ts';
import { readStored, writeStored } from '../../lib/storage.ts';

/** Kalimantan Utara, where the programme starts. */
export const DEFAULT_WORKING_REGION = '65';
const STORAGE_KEY = 'workingRegion';

type WorkingRegion = { code: string; setCode: (code: string) => void };

const WorkingRegionContext = createContext<WorkingRegion | null>(null);

function initialCode(): string {
  const parsed = RegionCodeSchema.safeParse(readStored(STORAGE_KEY));
  return parsed.success ? parsed.data : DEFAULT_WORKING_REGION;
}

export function WorkingRegionProvider({ children }: { children: ReactNode }) {
  const [code, setState] = useState(initialCode);
  const setCode = useCallback((next: string) => {
    setState(next);
    writeStored(STORAGE_KEY, next);
  }, []);
  const value = useMemo(() => ({ code, setCode }), [code, setCode]);
  return <WorkingRegionContext value={value}>{children}</WorkingRegionContext>;
}

export function useWorkingRegion(): WorkingRegion {
  const value = useContext(WorkingRegionContext);
  if (!value) throw new Error('useWorkingRegion must be used inside WorkingRegionProvider');
  return value;
}
