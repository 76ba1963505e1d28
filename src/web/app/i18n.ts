// i18next with Bahasa Indonesia as the default; the choice persists and sets <html lang>.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import accountEn from '../locales/en/account.json' with { type: 'json' };
import adminEn from '../locales/en/admin.json' with { type: 'json' };
import auditEn from '../locales/en/audit.json' with { type: 'json' };
import authEn from '../locales/en/auth.json' with { type: 'json' };
import commonEn from '../locales/en/common.json' with { type: 'json' };
import dashboardEn from '../locales/en/dashboard.json' with { type: 'json' };
import duplicatesEn from '../locales/en/duplicates.json' with { type: 'json' };
import importsEn from '../locales/en/imports.json' with { type: 'json' };
import lettersEn from '../locales/en/letters.json' with { type: 'json' };
import meetingsEn from '../locales/en/meetings.json' with { type: 'json' };
import programmesEn from '../locales/en/programmes.json' with { type: 'json' };
import regionsEn from '../locales/en/regions.json' with { type: 'json' };
import registryEn from '../locales/en/registry.json' with { type: 'json' };
import sitesEn from '../locales/en/sites.json' with { type: 'json' };
import vervalEn from '../locales/en/verval.json' with { type: 'json' };
import casesEn from '../locales/en/cases.json' with { type: 'json' };
import aidEn from '../locales/en/aid.json' with { type: 'json' };
import paymentsEn from '../locales/en/payments.json' with { type: 'json' };
import caseServicesEn from '../locales/en/caseServices.json' with { type: 'json' };
import trainingEn from '../locales/en/training.json' with { type: 'json' };
import followUpsEn from '../locales/en/followUps.json' with { type: 'json' };
import assessmentFormsEn from '../locales/en/assessmentForms.json' with { type: 'json' };
import accountId from '../locales/id/account.json' with { type: 'json' };
import adminId from '../locales/id/admin.json' with { type: 'json' };
import auditId from '../locales/id/audit.json' with { type: 'json' };
import authId from '../locales/id/auth.json' with { type: 'json' };
import commonId from '../locales/id/common.json' with { type: 'json' };
import dashboardId from '../locales/id/dashboard.json' with { type: 'json' };
import duplicatesId from '../locales/id/duplicates.json' with { type: 'json' };
import importsId from '../locales/id/imports.json' with { type: 'json' };
import lettersId from '../locales/id/letters.json' with { type: 'json' };
import meetingsId from '../locales/id/meetings.json' with { type: 'json' };
import programmesId from '../locales/id/programmes.json' with { type: 'json' };
import regionsId from '../locales/id/regions.json' with { type: 'json' };
import registryId from '../locales/id/registry.json' with { type: 'json' };
import sitesId from '../locales/id/sites.json' with { type: 'json' };
import vervalId from '../locales/id/verval.json' with { type: 'json' };
import casesId from '../locales/id/cases.json' with { type: 'json' };
import aidId from '../locales/id/aid.json' with { type: 'json' };
import paymentsId from '../locales/id/payments.json' with { type: 'json' };
import caseServicesId from '../locales/id/caseServices.json' with { type: 'json' };
import trainingId from '../locales/id/training.json' with { type: 'json' };
import followUpsId from '../locales/id/followUps.json' with { type: 'json' };
import assessmentFormsId from '../locales/id/assessmentForms.json' with { type: 'json' };
import { readStored, writeStored } from '../lib/storage.ts';
import type { DisplayLanguage } from '../../common/format.ts';

export const LANGUAGES: readonly DisplayLanguage[] = ['id', 'en'];
export const DEFAULT_LANGUAGE: DisplayLanguage = 'id';
const STORAGE_KEY = 'language';

export const resources = {
  id: { common: commonId, dashboard: dashboardId, regions: regionsId, auth: authId, account: accountId, admin: adminId, audit: auditId, letters: lettersId, meetings: meetingsId, programmes: programmesId, sites: sitesId, registry: registryId, verval: vervalId, cases: casesId, imports: importsId, duplicates: duplicatesId, aid: aidId, payments: paymentsId, caseServices: caseServicesId, training: trainingId, followUps: followUpsId, assessmentForms: assessmentFormsId },
  en: { common: commonEn, dashboard: dashboardEn, regions: regionsEn, auth: authEn, account: accountEn, admin: adminEn, audit: auditEn, letters: lettersEn, meetings: meetingsEn, programmes: programmesEn, sites: sitesEn, registry: registryEn, verval: vervalEn, cases: casesEn, imports: importsEn, duplicates: duplicatesEn, aid: aidEn, payments: paymentsEn, caseServices: caseServicesEn, training: trainingEn, followUps: followUpsEn, assessmentForms: assessmentFormsEn },
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
  ns: ['common', 'dashboard', 'regions', 'auth', 'account', 'admin', 'audit', 'letters', 'meetings', 'programmes', 'sites', 'registry', 'verval', 'imports', 'duplicates', 'aid', 'payments', 'caseServices', 'training', 'followUps'],
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
