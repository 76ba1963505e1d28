import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAbout } from '../../features/system/about.api.ts';

/** Shown on every screen when the database holds demo data, so nobody mistakes it for real cases. */
export function DemoBadge() {
  const { t } = useTranslation();
  const about = useAbout();
  if (about.data?.dataset !== 'demo') return null;
  return (
    <Tooltip label={t('demo.help')}>
      <Badge color="yellow.4" autoContrast variant="filled" radius="sm" tabIndex={0} style={{ flexShrink: 0 }}>
        {t('demo.badge')}
      </Badge>
    </Tooltip>
  );
}
