// The app's own locale files, read by the specs: a spec finds a control by the words the person
// reads, in the language under test (en, ar), rather than by a copy of them.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './fixtures';

export type Strings = Record<string, unknown>;

export const load = (lang: string, ns: string): Strings => JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', lang, `${ns}.json`), 'utf8')) as Strings;

/** The text under a dotted key, with {{placeholders}} filled in. */
export const pick = (strings: Strings, key: string, vars: Record<string, string> = {}): string => {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Strings)[part], strings);
  if (typeof value !== 'string') throw new Error(`no string ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => vars[name] ?? '');
};

/** Exactly this text (a label that is also part of a longer one). */
export const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
