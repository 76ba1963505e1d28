// Header control showing the working region; opens the region picker.
import { Button, Popover, Text } from '@mantine/core';
import { IconChevronDown, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { RegionPicker } from './RegionPicker.tsx';
import { useRegion, useRegionsReady } from './regions.api.ts';
import classes from './WorkingRegionButton.module.css';
import { useWorkingRegion } from './working-region.tsx';

export function WorkingRegionButton() {
  const { t } = useTranslation('regions');
  const { code, setCode } = useWorkingRegion();
  const { ready } = useRegionsReady();
  const region = useRegion(code, { enabled: ready });
  const location = useLocation();
  const navigate = useNavigate();
  const name = region.data?.name ?? code;

  const choose = (next: string) => {
    setCode(next);
    // On the regions screen, follow the choice so the two never disagree.
    if (location.pathname.startsWith('/wilayah')) void navigate(`/wilayah/${next}`);
  };

  return (
    <Popover width={320} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconMapPin size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden className={classes.chevron} />}
          aria-label={t('workingRegion.button', { name })}
          maw={260}
          px={{ base: 'xs', xs: 'md' }}
        >
          {/* Phones show only the icon; the accessible name still says the region. */}
          <Text span truncate="end" size="sm" visibleFrom="xs">
            {name}
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm" mb="xs">
          {t('workingRegion.title')}
        </Text>
        <Text size="xs" c="dimmed" mb="sm">
          {t('workingRegion.help')}
        </Text>
        <RegionPicker value={code} onChange={choose} />
      </Popover.Dropdown>
    </Popover>
  );
}
