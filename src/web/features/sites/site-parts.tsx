// Small pieces shared by the site screens: the status badge and a region's name.
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegion } from '../regions/regions.api.ts';
import type { SiteStatus } from './sites.api.ts';

export const SITE_STATUS_COLORS: Record<SiteStatus, string> = { open: 'orange', closing: 'blue', closed: 'teal', reopened: 'red' };

export function SiteStatusBadge({ status }: { status: SiteStatus }) {
  const { t } = useTranslation('sites');
  return (
    <Badge color={SITE_STATUS_COLORS[status]} variant={status === 'reopened' ? 'filled' : 'light'} radius="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The region's name (the code while it loads or when unknown). */
export function RegionName({ code }: { code: string }) {
  const region = useRegion(code);
  return (
    <Text span inherit>
      {region.data?.name ?? code}
    </Text>
  );
}

/** A place as "village, district, regency" from the region's ancestors. */
export function RegionPath({ code }: { code: string }) {
  const region = useRegion(code);
  if (!region.data) return <Text span inherit>{code}</Text>;
  const names = [region.data.name, ...[...region.data.ancestors].reverse().map((a) => a.name)];
  return (
    <Text span inherit>
      {names.join(', ')}{' '}
      <Text span c="dimmed" ff="monospace" inherit>
        ({code})
      </Text>
    </Text>
  );
}
