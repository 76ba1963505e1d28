// Historical context of a code: the codes it used to have, or what replaced it.
import { Alert, Anchor, List } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateMedium } from '../../../common/format.ts';
import type { RegionDetail } from '../../../common/regions.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { regionPath } from './region-paths.ts';

export function RegionNotes({ region }: { region: RegionDetail }) {
  const { t } = useTranslation('regions');
  const language = useDisplayLanguage();
  const date = (value: string | null) => (value ? formatDateMedium(value, language) : t('former.unknownDate'));

  return (
    <>
      {region.validTo && (
        <Alert color="yellow" icon={<IconHistory aria-hidden />} title={t('former.retiredTitle')}>
          {region.successorCode ? (
            <Trans
              t={t}
              i18nKey="former.retiredWithSuccessor"
              values={{ date: date(region.validTo), code: region.successorCode }}
              components={{ successor: <Anchor component={Link} to={regionPath(region.successorCode)} inherit /> }}
            />
          ) : (
            t('former.retired', { date: date(region.validTo) })
          )}
        </Alert>
      )}
      {region.formerCodes.length > 0 && (
        <Alert color="blue" icon={<IconHistory aria-hidden />} title={t('former.title')}>
          {t('former.help')}
          <List size="sm" mt={4}>
            {region.formerCodes.map((former) => (
              <List.Item key={former.code}>
                {t('former.item', { code: former.code, name: former.name, date: date(former.validTo) })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}
