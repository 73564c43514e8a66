// Node-only. The directory as CSV: one row per service, the provider's columns repeated. Import is
// checked whole before anything is written (every row's problems listed: missing or unknown
// columns, bytes that are not UTF-8, duplicates, unknown areas or categories, values out of range);
// export neutralises cells a spreadsheet would run as a formula.
import Papa from 'papaparse';
import { eligibleSexes, providerKinds, serviceCosts, type ImportPreview, type ImportProblem, type ProviderInput, type ServiceInput } from '../../../shared/services/contract';
import { languages } from '../../../shared/i18n/languages';
import { referralFieldKeys } from '../../../shared/referrals/fields';
import { categoryKeyPattern } from '../../../shared/services/categories';
import type { AreaTree } from './areas';
import { providerNameKey } from './directory';

export const csvColumns = [
  'provider',
  'provider_kind',
  'contact_name',
  'phone',
  'email',
  'address',
  'provider_language',
  'referral_procedure',
  'required_fields',
  'last_verified',
  'service',
  'category',
  'description',
  'min_age',
  'max_age',
  'sexes',
  'disability_only',
  'eligibility_notes',
  'languages',
  'cost',
  'cost_notes',
  'accessibility',
  'opening_hours',
  'capacity',
  'waiting_days',
  'open_to_non_returnees',
  'areas',
  'active',
] as const;
type Column = (typeof csvColumns)[number];
export const requiredColumns: readonly Column[] = ['provider', 'provider_kind', 'service', 'category', 'areas'];
export const maxImportRows = 20_000;

const limits: Partial<Record<Column, number>> = { referral_procedure: 2000, description: 2000, address: 500, eligibility_notes: 1000, cost_notes: 500, accessibility: 500, opening_hours: 300, capacity: 300 };
const list = (v: string) => v.split(';').map((s) => s.trim()).filter(Boolean);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

// No partner link: a CSV row never changes which partner office a provider is.
export type ParsedProvider = Omit<Required<ProviderInput>, 'services' | 'partnerId'> & { services: Required<ServiceInput>[] };

export interface CheckedImport {
  preview: ImportPreview;
  /** The valid rows grouped by provider, ready to write. */
  providers: ParsedProvider[];
  validRowCount: number;
}

/** Bytes to text: a BOM dropped; bytes that are not UTF-8 become U+FFFD, which marks their row. */
export function decodeCsv(bytes: Buffer): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export function checkImport(text: string, tree: AreaTree, categories: ReadonlySet<string>): CheckedImport {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const problems: ImportProblem[] = [];
  const [header = [], ...rows] = parsed.data;
  const columns = header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(csvColumns);
  for (const c of columns) if (!known.has(c)) problems.push({ row: 0, column: c, code: c.includes('\uFFFD') ? 'badEncoding' : 'unknownColumn', value: c });
  for (const c of requiredColumns) if (!columns.includes(c)) problems.push({ row: 0, column: c, code: 'missingColumn', value: '' });
  const fatal = problems.length > 0 || rows.length > maxImportRows;
  if (rows.length > maxImportRows) problems.push({ row: 0, column: '', code: 'tooManyRows', value: String(rows.length) });
  if (fatal) return { preview: { rows: rows.length, validRows: 0, problems, fatal: true, providers: 0, services: 0 }, providers: [], validRowCount: 0 };

  const byProvider = new Map<string, ParsedProvider>();
  const seen = new Map<string, number>();
  let valid = 0;
  rows.forEach((cells, index) => {
    const row = index + 1;
    const own: ImportProblem[] = [];
    const get = (c: Column): string => {
      const at = columns.indexOf(c);
      // An apostrophe our own export put before a formula character is taken off again.
      return at < 0 ? '' : (cells[at] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '');
    };
    const flag = (column: string, code: ImportProblem['code'], value: string) => own.push({ row, column, code, value: value.slice(0, 200) });
    if (cells.length !== columns.length) flag('', 'invalid', `${cells.length}/${columns.length}`);
    columns.forEach((c, i) => {
      const v = cells[i] ?? '';
      if (v.includes('\uFFFD')) flag(c, 'badEncoding', v);
      else if (v.length > (limits[c as Column] ?? 200)) flag(c, 'invalid', v);
    });
    for (const c of requiredColumns) if (!get(c)) flag(c, 'required', '');
    const kind = get('provider_kind');
    if (kind && !(providerKinds as readonly string[]).includes(kind)) flag('provider_kind', 'invalid', kind);
    const category = get('category');
    if (category && (!categoryKeyPattern.test(category) || !categories.has(category))) flag('category', 'unknownCategory', category);
    const areaIds: string[] = [];
    for (const code of list(get('areas'))) {
      const id = tree.find(code);
      if (id) areaIds.push(id);
      else flag('areas', 'unknownArea', code);
    }
    const int = (c: Column, max: number): number | null => {
      const v = get(c);
      if (!v) return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > max) {
        flag(c, 'invalid', v);
        return null;
      }
      return n;
    };
    const bool = (c: Column, fallback: boolean): boolean => {
      const v = get(c).toLowerCase();
      if (!v) return fallback;
      if (['yes', 'true', '1'].includes(v)) return true;
      if (['no', 'false', '0'].includes(v)) return false;
      flag(c, 'invalid', v);
      return fallback;
    };
    const minAge = int('min_age', 120);
    const maxAge = int('max_age', 120);
    if (minAge !== null && maxAge !== null && minAge > maxAge) flag('max_age', 'invalid', String(maxAge));
    const sexes = list(get('sexes'));
    for (const s of sexes) if (!(eligibleSexes as readonly string[]).includes(s)) flag('sexes', 'invalid', s);
    const required = list(get('required_fields'));
    for (const f of required) if (!(referralFieldKeys as readonly string[]).includes(f)) flag('required_fields', 'invalid', f);
    const cost = get('cost') || 'free';
    if (!(serviceCosts as readonly string[]).includes(cost)) flag('cost', 'invalid', cost);
    const language = get('provider_language') || 'en';
    if (!(languages as readonly string[]).includes(language)) flag('provider_language', 'invalid', language);
    const verified = get('last_verified');
    if (verified && (!isoDate.test(verified) || Number.isNaN(Date.parse(verified)))) flag('last_verified', 'invalid', verified);
    const serviceLanguages = list(get('languages'));
    if (serviceLanguages.length > 20 || serviceLanguages.some((l) => l.length > 40)) flag('languages', 'invalid', get('languages'));
    const key = [providerNameKey(get('provider')), get('service').toLowerCase(), category].join('\u001f');
    const first = seen.get(key);
    if (first !== undefined) flag('service', 'duplicate', String(first));
    else seen.set(key, row);
    const waitingDays = int('waiting_days', 3650);
    if (own.length > 0) {
      problems.push(...own);
      return;
    }
    valid += 1;
    const providerKey = providerNameKey(get('provider'));
    let provider = byProvider.get(providerKey);
    if (!provider) {
      provider = {
        id: null,
        name: get('provider'),
        kind: kind as ParsedProvider['kind'],
        contactName: get('contact_name'),
        phone: get('phone').slice(0, 60),
        email: get('email'),
        address: get('address'),
        language: language as ParsedProvider['language'],
        referralProcedure: get('referral_procedure'),
        requiredFields: required as ParsedProvider['requiredFields'],
        active: true,
        lastVerified: verified || null,
        services: [],
      };
      byProvider.set(providerKey, provider);
    }
    provider.services.push({
      id: null,
      name: get('service'),
      category,
      description: get('description'),
      minAge,
      maxAge,
      sexes: sexes as ParsedProvider['services'][number]['sexes'],
      disabilityOnly: bool('disability_only', false),
      eligibilityNotes: get('eligibility_notes'),
      languages: serviceLanguages,
      cost: cost as ParsedProvider['services'][number]['cost'],
      costNotes: get('cost_notes'),
      accessibility: get('accessibility'),
      openingHours: get('opening_hours'),
      capacity: get('capacity'),
      waitingDays,
      openToNonReturnees: bool('open_to_non_returnees', false),
      active: bool('active', true),
      areaIds,
    });
  });
  const providers = [...byProvider.values()];
  return {
    preview: { rows: rows.length, validRows: valid, problems, fatal: false, providers: providers.length, services: valid },
    providers,
    validRowCount: valid,
  };
}

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a leading tab or carriage return that
 * some strip before looking) gets a leading apostrophe, so it stays text (OWASP CSV injection).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: Record<string, string>[], columns: readonly string[]): string {
  const data = rows.map((r) => columns.map((c) => neutraliseCell(r[c] ?? '')));
  return Papa.unparse({ fields: [...columns], data }, { newline: '\r\n', quotes: true });
}
