import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scope } from '../../../common/auth.ts';
import { useRegion, useRegionsReady } from '../regions/regions.api.ts';

/** "Nasional", or the region's name and code. */
export function ScopeText({ scope, size = 'sm' }: { scope: Scope; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('admin');
  const { ready } = useRegionsReady();
  const code = scope.level === 'national' ? undefined : scope.code;
  const knownName = scope.level === 'national' ? undefined : scope.name;
  const region = useRegion(knownName ? undefined : code, { enabled: ready });
  if (scope.level === 'national') return <Text size={size}>{t('scope.national')}</Text>;
  const name = knownName ?? region.data?.name;
  return (
    <Text size={size}>
      {name ?? scope.code}
      {name && (
        <Text span c="dimmed" ff="monospace" size="xs" ml={6}>
          {scope.code}
        </Text>
      )}
    </Text>
  );
}
