// Node-only. Text inside a document in the document's language (the family's, the provider's),
// which need not be the user's. A feature imports its own namespace's five files and passes them:
//   const strings = documentStrings('conference', { en, fr, es, pt, ar });
//   const t = translator('ar', strings);  t('conference:copy.title')
// Same i18next rules (plurals, interpolation) as the renderer; no escaping here, renderHtml escapes.
import i18next, { type TFunction } from 'i18next';
import { languages, type Language } from '../../../shared/i18n/languages';

type Namespace = Record<string, unknown>;
export interface DocumentStrings {
  ns: string;
  byLanguage: Record<Language, Namespace>;
}

export function documentStrings(ns: string, byLanguage: Record<Language, Namespace>): DocumentStrings {
  return { ns, byLanguage };
}

export function translator(lang: Language, ...bundles: DocumentStrings[]): TFunction {
  const resources: Record<string, Record<string, Namespace>> = {};
  for (const language of languages) {
    resources[language] = {};
    for (const bundle of bundles) resources[language][bundle.ns] = bundle.byLanguage[language];
  }
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    resources,
    ns: bundles.map((b) => b.ns),
    defaultNS: bundles[0]?.ns,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance.t;
}
