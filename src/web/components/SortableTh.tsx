// A table column header that sorts the (server-side) list when activated.
import { Table, UnstyledButton, Group, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type SortableThProps = {
  children: ReactNode;
  /** 'asc' or 'desc' when the list is sorted by this column, else null. */
  direction: 'asc' | 'desc' | null;
  onSort: () => void;
  w?: number | string;
};

export function SortableTh({ children, direction, onSort, w }: SortableThProps) {
  const Icon = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th scope="col" w={w} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
      <UnstyledButton onClick={onSort}>
        <Group gap={4} wrap="nowrap">
          <Text span size="sm" fw={700}>
            {children}
          </Text>
          <Icon size={14} aria-hidden stroke={1.5} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
