// DOM. What the services screens share: query keys, the category label (the office's name in the
// interface's language, else a built-in one's translation, else its name in another language) and the area label.
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area, Category } from '@shared/services/contract';
import { categoryName } from '@shared/services/category-admin';
import { languages, type Language } from '@shared/i18n/languages';
import { call } from '../../api';

export const servicesKeys = {
  all: ['services'] as const,
  areas: ['services', 'areas'] as const,
  categories: ['services', 'categories'] as const,
  search: (filters: object) => ['services', 'search', filters] as const,
  gaps: ['services', 'gaps'] as const,
  boundaries: ['services', 'boundaries'] as const,
  detail: (areaId: string, category: string | null) => ['services', 'detail', areaId, category] as const,
};

export function useAreas() {
  return useQuery({ queryKey: servicesKeys.areas, queryFn: () => call('services.areas', {}) });
}

export function useCategories() {
  return useQuery({ queryKey: servicesKeys.categories, queryFn: () => call('services.categories', {}) });
}

export function useCategoryLabel(categories: readonly Category[] | undefined) {
  const { t, i18n } = useTranslation('services');
  return useCallback(
    (key: string) => {
      const found = categories?.find((c) => c.key === key);
      const shipped = (k: string) => (i18n.exists(`services:categories.${k}`) ? t(`categories.${k}` as never) : null);
      if (!found) return shipped(key) ?? key;
      return categoryName(found, (languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en', shipped, 'en');
    },
    [categories, t, i18n],
  );
}

/** Categories a new service or referral may take: not retired (or the one it already has). */
export const offeredCategories = (categories: readonly Category[] | undefined, current?: string) => (categories ?? []).filter((c) => !c.retired || c.key === current);

export const areaLabel = (area: Pick<Area, 'name' | 'code'>) => `${area.name} (${area.code})`;

/** Areas in tree order with their depth, for indented lists and selects. */
export function areaTree(areas: readonly Area[]): { area: Area; depth: number }[] {
  const children = new Map<string | null, Area[]>();
  for (const a of areas) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a]);
  const known = new Set(areas.map((a) => a.id));
  const out: { area: Area; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const a of children.get(parent) ?? []) {
      out.push({ area: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  // Areas whose parent is unknown (should not happen) still show, at the top level.
  for (const a of areas) if (a.parentId && !known.has(a.parentId)) out.push({ area: a, depth: 0 });
  return out;
}

/** Text for a user's file as base64 (the core decodes it and spots bytes that are not UTF-8). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Saves text the core produced (a CSV it audited as it made it). */
export function saveText(fileName: string, text: string, mime = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
