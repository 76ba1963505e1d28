import { Anchor, Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatNumber } from '../../../common/format.ts';
import type { Region } from '../../../common/regions.ts';
import { regionPath } from './region-paths.ts';

/** Regions as rows; a click anywhere on a row opens it (the name is the keyboard link). */
export function RegionTable({ regions, caption }: { regions: Region[]; caption: string }) {
  const { t } = useTranslation('regions');
  const navigate = useNavigate();

  return (
    <Table.ScrollContainer minWidth={320} type="native">
      <Table highlightOnHover verticalSpacing="sm" tabularNums aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={{ base: 90, sm: 130 }}>
              {t('table.code')}
            </Table.Th>
            <Table.Th scope="col">{t('table.name')}</Table.Th>
            {/* Siblings share a level; on phones the column only costs width. */}
            <Table.Th scope="col" w={170} visibleFrom="sm">
              {t('table.level')}
            </Table.Th>
            <Table.Th scope="col" w={{ base: 90, sm: 160 }} ta="right">
              {t('table.children')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {regions.map((region) => (
            <Table.Tr key={region.code} onClick={() => void navigate(regionPath(region.code))} style={{ cursor: 'pointer' }}>
              <Table.Td ff="monospace">{region.code}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={regionPath(region.code)} fw={500} onClick={(event) => event.stopPropagation()}>
                  {region.name}
                </Anchor>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Badge variant="light" color="gray" radius="sm">
                  {t(`level.${region.level}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{region.childCount === undefined ? '–' : formatNumber(region.childCount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
