// DOM. i18next with every locale bundled (the app is offline: nothing is fetched). The <html>
// element's lang and dir follow the language, so Arabic turns the whole layout right-to-left.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isRtl, languages, type Language } from '@shared/i18n/languages';
import arAdmin from '../../locales/ar/admin.json';
import arAudit from '../../locales/ar/audit.json';
import arCommon from '../../locales/ar/common.json';
import arErrors from '../../locales/ar/errors.json';
import arSession from '../../locales/ar/session.json';
import enAdmin from '../../locales/en/admin.json';
import enAudit from '../../locales/en/audit.json';
import enCommon from '../../locales/en/common.json';
import enErrors from '../../locales/en/errors.json';
import enSession from '../../locales/en/session.json';
import esAdmin from '../../locales/es/admin.json';
import esAudit from '../../locales/es/audit.json';
import esCommon from '../../locales/es/common.json';
import esErrors from '../../locales/es/errors.json';
import esSession from '../../locales/es/session.json';
import frAdmin from '../../locales/fr/admin.json';
import frAudit from '../../locales/fr/audit.json';
import frCommon from '../../locales/fr/common.json';
import frErrors from '../../locales/fr/errors.json';
import frSession from '../../locales/fr/session.json';
import ptAdmin from '../../locales/pt/admin.json';
import ptAudit from '../../locales/pt/audit.json';
import ptCommon from '../../locales/pt/common.json';
import ptErrors from '../../locales/pt/errors.json';
import ptSession from '../../locales/pt/session.json';

export const namespaces = ['common', 'session', 'admin', 'audit', 'errors'] as const;

export const resources = {
  en: { common: enCommon, session: enSession, admin: enAdmin, audit: enAudit, errors: enErrors },
  fr: { common: frCommon, session: frSession, admin: frAdmin, audit: frAudit, errors: frErrors },
  es: { common: esCommon, session: esSession, admin: esAdmin, audit: esAudit, errors: esErrors },
  pt: { common: ptCommon, session: ptSession, admin: ptAdmin, audit: ptAudit, errors: ptErrors },
  ar: { common: arCommon, session: arSession, admin: arAdmin, audit: arAudit, errors: arErrors },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['en'];
  }
}

function applyToDocument(language: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = isRtl(language) ? 'rtl' : 'ltr';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that Homeward ships, for the very first screen. */
export function preferredLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...languages],
  ns: [...namespaces],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
  initAsync: false,
});
applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

export function setLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
}
