// Type-checks translation keys against the Indonesian resources.
import type { resources } from './i18n.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['id'];
  }
}
