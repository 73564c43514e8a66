// Environment-free. The reunification record, one per case: the date; the caregivers' written
// willingness to resume care (a signature drawn on screen or a scanned statement); guardianship
// transfer; who accompanies the child and the child's own choices; the reunification package;
// enrolment in services; and the handover to the worker who takes the case over, if another.
import { z } from 'zod';
import { base64File, documentMimes, idSchema, isoDate, shortText } from '../cases/fields';
import { defineChannels } from '../contract/channel';

export const enrolmentServices = ['school', 'health', 'birth_registration', 'other'] as const;
export type EnrolmentService = (typeof enrolmentServices)[number];

export const willingnessDocumentKinds = ['signature', 'document'] as const;
export type WillingnessDocumentKind = (typeof willingnessDocumentKinds)[number];

const mediumText = z.string().trim().max(5000);

/** A signature drawn on screen is a PNG; a scanned statement an image or a PDF. */
export const willingnessDocumentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signature'), mime: z.literal('image/png'), dataBase64: base64File.min(4) }).strict(),
  z.object({ kind: z.literal('document'), mime: z.enum(documentMimes), dataBase64: base64File.min(4) }).strict(),
]);
export type WillingnessDocument = z.infer<typeof willingnessDocumentSchema>;

export const packageItemSchema = z
  .object({
    item: shortText.min(1),
    quantity: z.number().int().min(1).max(100_000),
    providedBy: shortText.default(''),
  })
  .strict();

export const enrolmentSchema = z
  .object({
    service: z.enum(enrolmentServices),
    /** What the service is when `other`. */
    serviceOther: shortText.default(''),
    provider: shortText.default(''),
    enrolledOn: isoDate.nullable().default(null),
    notes: z.string().trim().max(2000).default(''),
  })
  .strict()
  .refine((e) => e.service !== 'other' || e.serviceOther.length > 0, { path: ['serviceOther'], message: 'required' });

export const reunificationFieldsSchema = z
  .object({
    reunifiedOn: isoDate,
    willingness: z
      .object({
        /** The caregivers who stated their willingness (names and relationships). */
        statedBy: shortText.default(''),
        statedOn: isoDate.nullable().default(null),
        /** The statement's words, if written down here too. */
        statement: mediumText.default(''),
        /** Omitted: keep the stored document; null: remove it; a value: replace it. */
        document: willingnessDocumentSchema.nullable().optional(),
      })
      .strict(),
    guardianship: z
      .object({
        from: shortText.default(''),
        to: shortText.default(''),
        transferredOn: isoDate.nullable().default(null),
        reference: shortText.default(''),
      })
      .strict(),
    /** Who accompanies the child home. */
    accompaniedBy: shortText.default(''),
    /** The child's own choices (who accompanies them, what to wear…), in their own words. */
    childChoices: mediumText.default(''),
    packageItems: z.array(packageItemSchema).max(60).default([]),
    enrolments: z.array(enrolmentSchema).max(20).default([]),
    /** The caseworker or supervisor who takes the case over; null keeps the current worker. */
    handoverToId: idSchema.nullable().default(null),
    handoverNotes: mediumText.default(''),
    notes: mediumText.default(''),
  })
  .strict();
export type ReunificationFields = z.input<typeof reunificationFieldsSchema>;

export const reunificationRecordSchema = z.object({
  caseId: z.string(),
  reunifiedOn: z.string(),
  willingness: z.object({
    statedBy: z.string(),
    statedOn: z.string().nullable(),
    statement: z.string(),
    document: z
      .object({ kind: z.enum(willingnessDocumentKinds), mime: z.string(), bytes: z.number().int(), updatedAt: z.string() })
      .nullable(),
  }),
  guardianship: z.object({ from: z.string(), to: z.string(), transferredOn: z.string().nullable(), reference: z.string() }),
  accompaniedBy: z.string(),
  childChoices: z.string(),
  packageItems: z.array(z.object({ item: z.string(), quantity: z.number().int(), providedBy: z.string() })),
  enrolments: z.array(
    z.object({
      service: z.enum(enrolmentServices),
      serviceOther: z.string(),
      provider: z.string(),
      enrolledOn: z.string().nullable(),
      notes: z.string(),
    }),
  ),
  handover: z
    .object({
      fromId: z.string().nullable(),
      fromName: z.string().nullable(),
      toId: z.string(),
      toName: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  handoverNotes: z.string(),
  notes: z.string(),
  /** The record states the caregivers' willingness (signed or scanned): the stage gate passes. */
  complete: z.boolean(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ReunificationRecord = z.infer<typeof reunificationRecordSchema>;

const caseRef = z.object({ caseId: idSchema }).strict();

export const reunificationChannels = defineChannels({
  'reunification.get': { access: 'case.read', input: caseRef, output: reunificationRecordSchema.nullable() },
  'reunification.save': {
    access: 'case.write',
    input: z
      .object({
        caseId: idSchema,
        /** The version read; null when creating the record. A stale form is refused. */
        version: z.number().int().min(1).nullable().default(null),
      })
      .extend(reunificationFieldsSchema.shape)
      .strict(),
    output: z.object({
      record: reunificationRecordSchema,
      /** False after a handover to someone else: the caller no longer reaches the case. */
      stillAssigned: z.boolean(),
    }),
  },
  'reunification.getWillingnessDocument': {
    access: 'case.read',
    input: caseRef,
    output: z
      .object({ kind: z.enum(willingnessDocumentKinds), mime: z.enum(documentMimes), dataBase64: z.string() })
      .nullable(),
  },
});
