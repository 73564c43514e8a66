// Environment-free. The languages Homeward ships with, and which are written right-to-left.
export const languages = ['en', 'fr', 'es', 'pt', 'ar'] as const;
export type Language = (typeof languages)[number];
export const rtlLanguages: readonly Language[] = ['ar'];
export const isRtl = (language: string): boolean => (rtlLanguages as readonly string[]).includes(language);
export const languageNames: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  pt: 'Português',
  ar: 'العربية',
};
