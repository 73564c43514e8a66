// Environment-free. Keeping the directory's categories (issue 12: "the Guidelines' categories as
// data, extendable"): supervisors and administrators add a category with its name in the office's
// languages, rename one (a built-in one too: the office's wording replaces the shipped translation
// where given), retire one (kept for the services and referrals that use it, offered for nothing
// new) or bring it back, and delete one only while nothing uses it.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { languages, type Language } from '../i18n/languages';
import { categoryKey, categorySchema } from './contract';

const name = z.string().trim().max(120);
/** A name per language; empty ones are dropped. The office's own language is required for a new category (checked in the core). */
export const categoryLabels = z.partialRecord(z.enum(languages), name);
export type CategoryLabels = Partial<Record<Language, string>>;

export const categoryUsageSchema = z.object({ key: z.string(), services: z.number().int(), referrals: z.number().int(), needMappings: z.number().int() });
export type CategoryUsage = z.infer<typeof categoryUsageSchema>;

/** Names given, trimmed, without empty ones. */
export function cleanLabels(labels: CategoryLabels): CategoryLabels {
  const out: CategoryLabels = {};
  for (const lang of languages) {
    const value = labels[lang]?.trim();
    if (value) out[lang] = value;
  }
  return out;
}

/** A category's name in `lang`: the office's name there, else the shipped translation (built-in), else its name in another language, else the key. */
export function categoryName(c: { key: string; labels: CategoryLabels; builtin: boolean }, lang: Language, shipped: (key: string) => string | null, fallback: Language = 'en'): string {
  const own = c.labels[lang];
  if (own) return own;
  const translated = c.builtin ? shipped(c.key) : null;
  if (translated) return translated;
  return c.labels[fallback] ?? languages.map((l) => c.labels[l]).find(Boolean) ?? c.key;
}

export const categoryAdminChannels = defineChannels({
  /** Every category with how much uses it: what the screen needs to offer retire or delete. */
  'services.categoryUsage': { access: 'directory.manage', input: z.object({}).strict(), output: z.object({ categories: z.array(categorySchema), usage: z.array(categoryUsageSchema) }) },
  /** Adds a category (`create`) or renames one. */
  'services.saveCategory': {
    access: 'directory.manage',
    input: z.object({ key: categoryKey, labels: categoryLabels, create: z.boolean() }).strict(),
    output: categorySchema,
  },
  /** Retires a category (offered for nothing new) or brings it back. */
  'services.retireCategory': { access: 'directory.manage', input: z.object({ key: categoryKey, retired: z.boolean() }).strict(), output: categorySchema },
  /** Deletes an office's own category that nothing uses; anything in use is retired instead (CATEGORY_IN_USE). */
  'services.deleteCategory': { access: 'directory.manage', input: z.object({ key: categoryKey }).strict(), output: z.object({ key: z.string() }) },
});
