// Environment-free. Exports of the office's data: a de-identified case-level CSV and its data
// dictionary, the indicator table (cells under 5 suppressed), and DHIS2 dataValueSets. Each runs
// as a job in the core with progress and cancel, and can be sealed with a passphrase (age's
// scrypt mode, opened with `age -d`). Leaving case data unsealed needs a supervisor's reason.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { periodSchema, reportFiltersSchema } from './indicators';

export const exportKinds = ['deidentified', 'dictionary', 'aggregate', 'dhis2Json', 'dhis2Csv'] as const;
export type ExportKind = (typeof exportKinds)[number];
/** Kinds that hold one row per child (even de-identified): unsealed only with a reason. */
export const caseLevelKinds: readonly ExportKind[] = ['deidentified'];

/** How precisely areas leave: as recorded, only their first part (before "/"), or not at all. */
export const areaLevels = ['full', 'top', 'none'] as const;
export type AreaLevel = (typeof areaLevels)[number];

export const SUPPRESS_BELOW = 5;

export const protectionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('passphrase'), passphrase: z.string().min(1).max(1024) }).strict(),
  z.object({ mode: z.literal('none'), reason: z.string().trim().max(2000).default('') }).strict(),
]);

export const exportStartInput = z
  .object({
    kind: z.enum(exportKinds),
    period: periodSchema,
    filters: reportFiltersSchema.default({}),
    areaLevel: z.enum(areaLevels).default('top'),
    protection: protectionSchema,
  })
  .strict();
export type ExportStartInput = z.input<typeof exportStartInput>;

export const exportJobSchema = z.object({
  jobId: z.string(),
  kind: z.enum(exportKinds),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  fileName: z.string(),
  bytes: z.number().int(),
  sealed: z.boolean(),
  errorCode: z.string().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

const jobRef = z.object({ jobId: z.string().min(1).max(64) }).strict();

export const exportChannels = defineChannels({
  'reports.exportStart': { access: 'reports.export', input: exportStartInput, output: exportJobSchema },
  'reports.exportStatus': { access: 'reports.export', input: jobRef, output: exportJobSchema },
  'reports.exportCancel': { access: 'reports.export', input: jobRef, output: exportJobSchema },
  /** A chunk of a finished export's file; the last chunk removes the file from this computer. */
  'reports.exportDownload': {
    access: 'reports.export',
    input: jobRef.extend({ offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
    output: z.object({ fileName: z.string(), totalBytes: z.number().int(), offset: z.number().int(), dataBase64: z.string(), done: z.boolean() }),
  },
});

/** DHIS2's identifiers: 11 characters, a letter first, then letters or digits. */
export const dhis2Uid = z.string().regex(/^[A-Za-z][A-Za-z0-9]{10}$/u, { message: 'dhis2Uid' });

export const dhis2MappingRow = z
  .object({
    indicator: z.string().min(1).max(60),
    part: z.enum(['numerator', 'denominator']),
    /** '' for the total; else a split and one of its values. */
    dimension: z.string().max(30).default(''),
    value: z.string().max(100).default(''),
    dataElement: dhis2Uid,
    categoryOptionCombo: dhis2Uid,
  })
  .strict();
export type Dhis2MappingRow = z.infer<typeof dhis2MappingRow>;

export const dhis2MappingSchema = z.object({
  orgUnit: z.union([dhis2Uid, z.literal('')]),
  dataSet: z.union([dhis2Uid, z.literal('')]),
  rows: z.array(dhis2MappingRow).max(5000),
});

export const dhis2ValueSchema = z.object({
  indicator: z.string(),
  part: z.enum(['numerator', 'denominator']),
  dimension: z.string(),
  value: z.string(),
  dataElement: z.string(),
  categoryOptionCombo: z.string(),
  figure: z.number().int(),
});

export const dhis2Channels = defineChannels({
  /** The administrator's mapping, and every figure the office can report that has none. */
  'reports.dhisMapping': {
    access: 'office.manage',
    input: z.object({}).strict(),
    output: dhis2MappingSchema.extend({ unmapped: z.array(z.object({ indicator: z.string(), part: z.string(), dimension: z.string(), value: z.string() })) }),
  },
  'reports.dhisSaveMapping': { access: 'office.manage', input: dhis2MappingSchema.strict(), output: z.object({ saved: z.number().int() }) },
  /** Every value the DHIS2 file would hold for a period, before anything is saved. */
  'reports.dhisPreview': {
    access: 'reports.export',
    input: z.object({ period: periodSchema, filters: reportFiltersSchema.default({}) }).strict(),
    output: z.object({ period: z.string(), orgUnit: z.string(), dataSet: z.string(), values: z.array(dhis2ValueSchema), unmapped: z.number().int() }),
  },
});
