// DOM. i18next with every locale bundled (the app is offline: nothing is fetched). The <html>
// element's lang and dir follow the language, so Arabic turns the whole layout right-to-left.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isRtl, languages, type Language } from '@shared/i18n/languages';

type Namespace = Record<string, unknown>;

// Every locales/<lang>/<namespace>.json is bundled: a feature adds its namespace file and it loads,
// with no list to keep in step. The locale test checks every language has every key of English.
const files = import.meta.glob('../../locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Namespace>;

export const resources = Object.fromEntries(languages.map((language) => [language, {} as Record<string, Namespace>])) as Record<
  Language,
  Record<string, Namespace>
>;
for (const [file, content] of Object.entries(files)) {
  const match = /locales\/([a-z]{2})\/([\w-]+)\.json$/u.exec(file);
  if (match && isLanguage(match[1])) resources[match[1]][match[2]] = content;
}

export const namespaces = Object.keys(resources.en).sort();

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
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
