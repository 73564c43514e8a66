// Every locale has every key that English has (and nothing else), keeps every {{placeholder}},
// and has each plural form its language needs; every error code the core can send has a message.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/contract/errors';
import { languages } from '../../shared/i18n/languages';

const root = path.resolve(__dirname, '..', '..', 'locales');
const pluralSuffix = /_(zero|one|two|few|many|other)$/u;

type Tree = { [key: string]: string | Tree };

function load(language: string): Record<string, Tree> {
  const dir = path.join(root, language);
  const out: Record<string, Tree> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    out[file.replace(/\.json$/u, '')] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Tree;
  }
  return out;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** namespace:key → text, for one language. */
function strings(language: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [ns, tree] of Object.entries(load(language))) for (const [k, v] of flatten(tree)) out.set(`${ns}:${k}`, v);
  return out;
}

/** Keys with the plural suffix removed (each language has its own set of plural forms). */
function baseKeys(all: Map<string, string>): Set<string> {
  return new Set([...all.keys()].map((k) => k.replace(pluralSuffix, '')));
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/gu)].map((m) => m[1]));

const en = strings('en');
const translations = languages.filter((l) => l !== 'en');

describe('locales', () => {
  it('ship a folder for every language of shared/i18n, with the same namespaces as English', () => {
    const namespaces = Object.keys(load('en'));
    expect(namespaces.length).toBeGreaterThan(0);
    for (const language of languages) expect(Object.keys(load(language)), language).toEqual(namespaces);
  });

  it.each(translations)('%s has every key English has, and no other', (language) => {
    const enKeys = baseKeys(en);
    const keys = baseKeys(strings(language));
    const missing = [...enKeys].filter((k) => !keys.has(k));
    const extra = [...keys].filter((k) => !enKeys.has(k));
    expect(missing, `${language} lacks these keys`).toEqual([]);
    expect(extra, `${language} has keys English does not`).toEqual([]);
  });

  it.each(languages)('%s has every plural form its language needs', (language) => {
    const all = strings(language);
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plural = new Set([...all.keys()].filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')));
    for (const base of plural) {
      for (const category of categories) expect(all.has(`${base}_${category}`), `${language} ${base}_${category}`).toBe(true);
    }
  });

  it.each(translations)('%s keeps every {{placeholder}} of English', (language) => {
    const all = strings(language);
    const problems: string[] = [];
    for (const [key, text] of all) {
      const enText = en.get(key) ?? en.get(key.replace(pluralSuffix, '_other'));
      if (enText === undefined) continue;
      const want = placeholders(enText);
      const have = placeholders(text);
      for (const name of want) if (!have.has(name) && name !== 'count') problems.push(`${key}: missing {{${name}}}`);
      for (const name of have) if (!want.has(name)) problems.push(`${key}: unknown {{${name}}}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(languages)('%s has no empty text', (language) => {
    const empty = [...strings(language)].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(translations)('%s is translated, not an English copy', (language) => {
    const all = strings(language);
    // Names and codes may read the same in every language; prose may not.
    const same = [...all].filter(([key, text]) => en.get(key) === text && /\s/u.test(text)).map(([key]) => key);
    expect(same, `${language} strings identical to English`).toEqual([]);
  });

  it('every error code the core can send has a message', () => {
    const missing = errorCodes.filter((code) => !en.has(`errors:${code}`));
    expect(missing).toEqual([]);
  });

  it('every password problem of the policy has a message', () => {
    for (const problem of ['tooShort', 'common', 'tooRepetitive', 'containsUsername']) {
      expect(en.has(`errors:password.${problem}`), problem).toBe(true);
      expect(en.has(`session:password.rules.${problem}`), problem).toBe(true);
    }
  });
});
