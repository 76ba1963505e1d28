import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegionDetail } from '../../../common/regions.ts';
import { regionPath } from './region-paths.ts';

/** Indonesia › province › regency › … with the current region last (not a link). */
export function RegionBreadcrumbs({ region }: { region: RegionDetail | undefined }) {
  const { t } = useTranslation('regions');
  const trail = [{ code: null, name: t('indonesia') }, ...(region?.ancestors ?? [])];
  return (
    <nav aria-label={t('breadcrumbLabel')}>
      <Breadcrumbs separatorMargin={6}>
        {trail.map((item) => (
          <Anchor key={item.code ?? 'root'} component={Link} to={regionPath(item.code)} size="sm">
            {item.name}
          </Anchor>
        ))}
        {region && (
          <Text size="sm" aria-current="page">
            {region.name}
          </Text>
        )}
      </Breadcrumbs>
    </nav>
  );
}
