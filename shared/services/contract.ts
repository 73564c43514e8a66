// Environment-free. The service directory: the office's areas (a hierarchy with optional
// boundaries), providers and their services, the CSV import/export, and the coverage-gap matrix.
// The directory is office-wide data (no child in it), read and kept by case workers and supervisors.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema, isoDate } from '../cases/fields';
import { languages } from '../i18n/languages';
import { referralFieldKeys } from '../referrals/fields';
import { categoryKeyPattern } from './categories';

export const providerKinds = ['government', 'ngo', 'community', 'faith', 'private'] as const;
export const serviceCosts = ['free', 'fee', 'sliding'] as const;
export const eligibleSexes = ['female', 'male', 'other'] as const;

const text = (max: number) => z.string().trim().max(max);
export const categoryKey = z.string().regex(categoryKeyPattern).max(40);
export const areaCode = z.string().trim().min(1).max(40);

export const areaInput = z
  .object({
    id: idSchema.nullable().default(null),
    code: areaCode,
    name: text(120).min(1),
    level: text(60).default(''),
    parentId: idSchema.nullable().default(null),
  })
  .strict();
export type AreaInput = z.input<typeof areaInput>;

export const areaSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentId: z.string().nullable(),
  hasBoundary: z.boolean(),
});
export type Area = z.infer<typeof areaSchema>;

/**
 * A category: built-in ones are named by the shipped translations unless the office gave a name in
 * a language (`labels`); an office's own by `labels`. A retired one stays for what already uses it.
 */
export const categorySchema = z.object({
  key: z.string(),
  label: z.string(),
  labels: z.partialRecord(z.enum(languages), z.string()),
  builtin: z.boolean(),
  retired: z.boolean(),
});
export type Category = z.infer<typeof categorySchema>;

export const serviceInput = z
  .object({
    id: idSchema.nullable().default(null),
    name: text(200).min(1),
    category: categoryKey,
    description: text(2000).default(''),
    minAge: z.number().int().min(0).max(120).nullable().default(null),
    maxAge: z.number().int().min(0).max(120).nullable().default(null),
    sexes: z.array(z.enum(eligibleSexes)).max(3).default([]),
    disabilityOnly: z.boolean().default(false),
    eligibilityNotes: text(1000).default(''),
    languages: z.array(text(40).min(1)).max(20).default([]),
    cost: z.enum(serviceCosts).default('free'),
    costNotes: text(500).default(''),
    accessibility: text(500).default(''),
    openingHours: text(300).default(''),
    capacity: text(300).default(''),
    waitingDays: z.number().int().min(0).max(3650).nullable().default(null),
    openToNonReturnees: z.boolean().default(false),
    active: z.boolean().default(true),
    areaIds: z.array(idSchema).max(500).default([]),
  })
  .strict()
  .refine((s) => s.minAge === null || s.maxAge === null || s.minAge <= s.maxAge, { path: ['maxAge'], message: 'ageRange' });
export type ServiceInput = z.input<typeof serviceInput>;

export const providerInput = z
  .object({
    id: idSchema.nullable().default(null),
    name: text(200).min(1),
    kind: z.enum(providerKinds),
    contactName: text(200).default(''),
    phone: text(60).default(''),
    email: text(200).default(''),
    address: text(500).default(''),
    language: z.enum(languages).default('en'),
    referralProcedure: text(2000).default(''),
    requiredFields: z.array(z.enum(referralFieldKeys)).max(referralFieldKeys.length).default([]),
    active: z.boolean().default(true),
    lastVerified: isoDate.nullable().default(null),
    /** The trusted partner office this provider is: referrals to it can go as sealed files. */
    partnerId: idSchema.nullable().default(null),
    services: z.array(serviceInput).max(100).default([]),
  })
  .strict();
export type ProviderInput = z.input<typeof providerInput>;

export const serviceSchema = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  providerLanguage: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  minAge: z.number().nullable(),
  maxAge: z.number().nullable(),
  sexes: z.array(z.string()),
  disabilityOnly: z.boolean(),
  eligibilityNotes: z.string(),
  languages: z.array(z.string()),
  cost: z.enum(serviceCosts),
  costNotes: z.string(),
  accessibility: z.string(),
  openingHours: z.string(),
  capacity: z.string(),
  waitingDays: z.number().nullable(),
  openToNonReturnees: z.boolean(),
  active: z.boolean(),
  areaIds: z.array(z.string()),
  lastVerified: z.string().nullable(),
  stale: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

export const providerSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(providerKinds),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  language: z.string(),
  referralProcedure: z.string(),
  requiredFields: z.array(z.string()),
  active: z.boolean(),
  lastVerified: z.string().nullable(),
  stale: z.boolean(),
  partnerId: z.string().nullable(),
  services: z.array(serviceSchema),
});
export type Provider = z.infer<typeof providerSchema>;

export const searchInput = z
  .object({
    category: categoryKey.nullable().default(null),
    areaId: idSchema.nullable().default(null),
    language: text(40).default(''),
    age: z.number().int().min(0).max(120).nullable().default(null),
    text: text(100).default(''),
    includeInactive: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();
export type SearchInput = z.input<typeof searchInput>;

/** One problem of one CSV row (row 0: the header), as a stable code the screen translates. */
export const importProblemCodes = ['missingColumn', 'unknownColumn', 'badEncoding', 'duplicate', 'unknownArea', 'unknownCategory', 'required', 'invalid', 'tooManyRows'] as const;
export const importProblemSchema = z.object({ row: z.number(), column: z.string(), code: z.enum(importProblemCodes), value: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importPreviewSchema = z.object({
  rows: z.number(),
  validRows: z.number(),
  problems: z.array(importProblemSchema),
  /** Header problems make every row unusable: nothing can be imported. */
  fatal: z.boolean(),
  providers: z.number(),
  services: z.number(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** The CSV as base64 bytes: the core decodes it, so a file in the wrong encoding is caught there. */
const csvFile = z.string().min(1).max(14_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const gapCellSchema = z.object({
  areaId: z.string(),
  category: z.string(),
  needs: z.number(),
  services: z.number(),
  pending: z.number(),
  declined: z.number(),
  gap: z.enum(['none', 'gap', 'strained']),
});
export type GapCell = z.infer<typeof gapCellSchema>;

/** Counts per area × category, flat: index = the area's position in `areas` × categories.length + the category's position (shared/services/gaps.ts reads them). */
const gapCounts = z.array(z.number());

export const gapMatrixSchema = z.object({
  areas: z.array(areaSchema),
  categories: z.array(categorySchema),
  /** Distinct cases with an open need. */
  needs: gapCounts,
  /** Active services reaching the area (serving it, a parent or a sub-area). */
  services: gapCounts,
  /** Referrals sent, acknowledged or accepted. */
  pending: gapCounts,
  /** Referrals declined, not delivered or unanswered. */
  declined: gapCounts,
  /** Cases whose area text matches no area of the directory (their needs are not in the matrix). */
  unplacedCases: z.number(),
});
export type GapMatrix = z.infer<typeof gapMatrixSchema>;

export const boundarySchema = z.object({ areaId: z.string(), code: z.string(), name: z.string(), geometry: z.unknown() });

export const servicesChannels = defineChannels({
  'services.areas': { access: 'case.read', input: z.object({}).strict(), output: z.array(areaSchema) },
  'services.saveArea': { access: 'case.write', input: z.object({ area: areaInput }).strict(), output: areaSchema },
  /** A GeoJSON FeatureCollection: boundaries matched to areas by code; unknown codes can create areas. */
  'services.importBoundaries': {
    access: 'case.write',
    input: z.object({ geojson: z.string().min(2).max(20_000_000), codeProperty: text(60).min(1), nameProperty: text(60).default('name'), createMissing: z.boolean().default(false) }).strict(),
    output: z.object({ matched: z.number(), created: z.number(), unmatched: z.array(z.string()) }),
  },
  'services.boundaries': { access: 'case.read', input: z.object({}).strict(), output: z.array(boundarySchema) },
  'services.categories': { access: 'case.read', input: z.object({}).strict(), output: z.array(categorySchema) },
  'services.search': { access: 'case.read', input: searchInput, output: z.object({ services: z.array(serviceSchema), total: z.number() }) },
  'services.provider': { access: 'case.read', input: z.object({ providerId: idSchema }).strict(), output: providerSchema },
  'services.saveProvider': { access: 'case.write', input: z.object({ provider: providerInput }).strict(), output: providerSchema },
  'services.previewImport': { access: 'case.write', input: z.object({ csvBase64: csvFile }).strict(), output: importPreviewSchema },
  'services.import': {
    access: 'case.write',
    input: z.object({ csvBase64: csvFile, mode: z.enum(['all', 'valid']) }).strict(),
    output: z.object({ imported: z.boolean(), providers: z.number(), services: z.number(), skippedRows: z.number(), preview: importPreviewSchema }),
  },
  'services.export': { access: 'case.read', input: z.object({}).strict(), output: z.object({ fileName: z.string(), csv: z.string() }) },
  'services.gaps': { access: 'case.read', input: z.object({}).strict(), output: gapMatrixSchema },
  /** What the map shows for one area: its services, and the in-scope cases with a need there. */
  'services.areaDetail': {
    access: 'case.read',
    input: z.object({ areaId: idSchema, category: categoryKey.nullable().default(null) }).strict(),
    output: z.object({
      services: z.array(serviceSchema),
      cases: z.array(z.object({ caseId: z.string(), number: z.string(), name: z.string(), categories: z.array(z.string()) })),
    }),
  },
  'services.exportGaps': { access: 'case.read', input: z.object({}).strict(), output: z.object({ fileName: z.string(), csv: z.string() }) },
});
