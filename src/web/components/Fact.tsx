// One labelled value of a record's facts, inside a <dl>: the label small and dimmed above.
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** `preWrap`: keep the value's line breaks (descriptions, notes). */
export function Fact({ label, children, preWrap = false }: { label: string; children: ReactNode; preWrap?: boolean }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" style={preWrap ? { whiteSpace: 'pre-wrap' } : undefined}>
        {children}
      </Text>
    </div>
  );
}
