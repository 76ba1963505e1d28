import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, useDisplayLanguage } from '../i18n.ts';

/** ID | EN; each option is announced by its full name, in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = useDisplayLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={language}
      onChange={(next) => void i18n.changeLanguage(next)}
      data={LANGUAGES.map((code) => ({
        value: code,
        label: (
          <span lang={code}>
            <span aria-hidden>{code.toUpperCase()}</span>
            <VisuallyHidden>{t(`language.names.${code}`)}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
