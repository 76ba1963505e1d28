// Live NIK feedback for forms: POST /api/nik/validate (the server's rules, nothing
// stored or logged) once the value looks complete, with the stated sex and birth date.
import { Alert, List, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateMedium } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { useNikCheck } from './registry.api.ts';

type NikFeedbackProps = { nik: string; sex: 'male' | 'female' | null; birthDate: string };

export function NikFeedback({ nik, sex, birthDate }: NikFeedbackProps) {
  const { t } = useTranslation('registry');
  const language = useDisplayLanguage();
  const check = useNikCheck();
  const [key] = useDebouncedValue(JSON.stringify({ nik: nik.trim(), sex, birthDate }), 400);
  const value = JSON.parse(key) as { nik: string; sex: 'male' | 'female' | null; birthDate: string };
  // Ask once there is something like a NIK: 16 digits, or something Excel made of one.
  const ready = value.nik.replace(/[\s.-]/g, '').length >= 15 || /e\+?\d/i.test(value.nik);

  useEffect(() => {
    if (!ready) {
      check.reset();
      return;
    }
    check.mutate({ nik: value.nik, ...(value.sex ? { sex: value.sex } : {}), ...(/^\d{4}-\d{2}-\d{2}$/.test(value.birthDate) ? { birthDate: value.birthDate } : {}) });
  }, [key]);

  if (!ready) return null;
  if (check.isPending)
    return (
      <Text size="sm" c="dimmed" aria-live="polite">
        <Loader size={12} mr={6} />
        {t('form.nikChecking')}
      </Text>
    );
  const r = check.data;
  if (!r) return null;
  const warnings = r.warnings.map((w) => <List.Item key={w.code}>{w.message}</List.Item>);
  return (
    <div aria-live="polite">
      {r.valid ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} p="xs">
          <Text size="sm">
            {t('form.nikValid', {
              sex: r.sex ? t(`sex.${r.sex}`) : '—',
              date: r.birthDate ? formatDateMedium(r.birthDate, language) : '—',
              region: r.regionCode ?? '—',
            })}
          </Text>
          {warnings.length > 0 && (
            <List size="sm" mt={4}>
              {warnings}
            </List>
          )}
        </Alert>
      ) : (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs" title={t('form.nikInvalid')}>
          <List size="sm">
            {r.errors.map((e) => (
              <List.Item key={e.code}>{e.message}</List.Item>
            ))}
            {warnings}
          </List>
        </Alert>
      )}
    </div>
  );
}
