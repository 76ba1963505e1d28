// i18next with Bahasa Indonesia as the default; the choice persists and sets <html lang>.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import authEn from '../locales/en/auth.json' with { type: 'json' };
import commonEn from '../locales/en/common.json' with { type: 'json' };
import regionsEn from '../locales/en/regions.json' with { type: 'json' };
import authId from '../locales/id/auth.json' with { type: 'json' };
import commonId from '../locales/id/common.json' with { type: 'json' };
import regionsId from '../locales/id/regions.json' with { type: 'json' };
import { readStored, writeStored } from '../lib/storage.ts';
import type { DisplayLanguage } from '../../common/format.ts';

export const LANGUAGES: readonly DisplayLanguage[] = ['id', 'en'];
export const DEFAULT_LANGUAGE: DisplayLanguage = 'id';
const STORAGE_KEY = 'language';

export const resources = {
  id: { common: commonId, regions: regionsId, auth: authId },
  en: { common: commonEn, regions: regionsEn, auth: authEn },
} as const;

function isLanguage(value: string | null): value is DisplayLanguage {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}

const stored = readStored(STORAGE_KEY);
const initialLanguage = isLanguage(stored) ? stored : DEFAULT_LANGUAGE;

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: 'common',
  ns: ['common', 'regions', 'auth'],
  interpolation: { escapeValue: false }, // React escapes already
});

document.documentElement.lang = initialLanguage;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  writeStored(STORAGE_KEY, language);
});

/** The active UI language for the formatters; re-renders when it changes. */
export function useDisplayLanguage(): DisplayLanguage {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.language) ? instance.language : DEFAULT_LANGUAGE;
}

export default i18n;
