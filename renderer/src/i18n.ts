// DOM. i18next with every locale shipped in the app (offline: nothing comes from the network).
// English is in the main chunk (the fallback, and the first screen's default); each other language
// is its own chunk, loaded when chosen. The <html> element's lang and dir follow the language, so
// Arabic turns the whole layout right-to-left.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isRtl, languages, type Language } from '@shared/i18n/languages';

type Namespace = Record<string, unknown>;

// Every locales/<lang>/<namespace>.json is found here: a feature adds its namespace file and it
// loads, with no list to keep in step. The locale test checks every language has every key of English.
const english = import.meta.glob('../../locales/en/*.json', { eager: true, import: 'default' }) as Record<string, Namespace>;
const others = import.meta.glob(['../../locales/*/*.json', '!../../locales/en/*.json'], { import: 'default' }) as Record<
  string,
  () => Promise<Namespace>
>;

const fileName = /locales\/([a-z]{2})\/([\w-]+)\.json$/u;
const resources = { en: {} as Record<string, Namespace> };
for (const [file, content] of Object.entries(english)) {
  const match = fileName.exec(file);
  if (match) resources.en[match[2]] = content;
}

const loading = new Map<Language, Promise<void>>();
/** Loads a language's namespaces (its chunk) once; English is always there. */
export function loadLanguage(language: Language): Promise<void> {
  if (language === 'en') return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = Promise.all(
      Object.entries(others).map(async ([file, load]) => {
        const match = fileName.exec(file);
        if (match && match[1] === language) i18n.addResourceBundle(language, match[2], await load(), true, true);
      }),
    ).then(() => undefined);
    loading.set(language, pending);
  }
  return pending;
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

/** Switches once the language's texts are loaded (a few milliseconds: they are local files). */
let wanted: Language | null = null;
export function setLanguage(language: Language): void {
  wanted = language;
  if (i18n.language === language) return;
  void loadLanguage(language).then(() => {
    // Only the latest choice applies, whichever language finished loading last.
    if (wanted === language && i18n.language !== language) void i18n.changeLanguage(language);
  });
}
