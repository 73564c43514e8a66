// Environment-free. Case transfers between offices: the office's card and trusted partners
// (administrators), sending a case as an encrypted, signed file (the case's worker or a
// supervisor), receiving one (a supervisor: it creates a case and assigns it), receipts, and the
// handover meeting. Files cross the transport in chunks, so browser mode and the desktop app move
// them the same way: the renderer uploads what the user picked and downloads what the core wrote.
import { z } from 'zod';
import { idSchema, isoDate } from '../cases/fields';
import { defineChannels } from '../contract/channel';
import { selectionSchema, sendDetailsSchema } from './package';

export const partnerKinds = ['office', 'local_authority', 'provider'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** One chunk of a file crossing the transport (4 MiB of file, base64). */
export const chunkBytes = 4 * 1024 * 1024;
const chunk = z
  .string()
  .max(Math.ceil((chunkBytes * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/u);

export const officeCardSchema = z
  .object({
    format: z.literal('homeward-office-card'),
    version: z.literal(1),
    name: z.string().min(1).max(200),
    code: z.string().min(1).max(20),
    country: z.string().min(2).max(3),
    ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/u),
    signingKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/u),
  })
  .strict();
export type OfficeCard = z.infer<typeof officeCardSchema>;
const cardText = z.string().min(2).max(4000);

export const partnerSchema = z.object({
  id: z.string(),
  kind: z.enum(partnerKinds),
  name: z.string(),
  code: z.string(),
  country: z.string(),
  fingerprint: z.string(),
  trustedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type Partner = z.infer<typeof partnerSchema>;

const previewRow = z.object({ table: z.string(), id: z.string(), label: z.string() });
export const packagePreviewSchema = z.object({
  parts: z.array(z.object({ part: z.string(), included: z.boolean(), rows: z.array(previewRow) })),
  documents: z.array(z.object({ id: z.string(), title: z.string(), bytes: z.number().int(), included: z.boolean() })),
  carePlaceIncluded: z.boolean(),
  totalBytes: z.number().int(),
  consentOnFile: z.boolean(),
});
export type PackagePreview = z.infer<typeof packagePreviewSchema>;

const transferSummary = z.object({
  id: z.string(),
  direction: z.enum(['out', 'in']),
  status: z.enum(['pending', 'accepted', 'rejected']),
  partnerName: z.string(),
  partnerCode: z.string(),
  reason: z.string(),
  sentAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string(),
  fileBytes: z.number().int(),
  hasReceipt: z.boolean(),
});
export type TransferSummary = z.infer<typeof transferSummary>;

export const handoverInput = z
  .object({
    metOn: isoDate,
    receivingWorker: z.string().trim().min(1).max(200),
    attendees: z.string().trim().min(1).max(2000),
    childAttended: z.boolean(),
    officials: z.string().trim().max(1000).default(''),
    childToldNewWorker: z.boolean(),
    safetyPlanUpdated: z.boolean(),
    newContact: z.string().trim().max(500).default(''),
    notes: z.string().trim().max(5000).default(''),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.safetyPlanUpdated && h.newContact === '') ctx.addIssue({ code: 'custom', path: ['newContact'], message: 'required' });
  });
export type HandoverInput = z.input<typeof handoverInput>;
const handoverSchema = z.object({
  id: z.string(),
  metOn: z.string(),
  receivingWorker: z.string(),
  attendees: z.string(),
  childAttended: z.boolean(),
  officials: z.string(),
  childToldNewWorker: z.boolean(),
  safetyPlanUpdated: z.boolean(),
  newContact: z.string(),
  notes: z.string(),
  recordedAt: z.string(),
});

export const conflictSchema = z.object({
  key: z.string(),
  table: z.string(),
  id: z.string(),
  field: z.string(),
  ours: z.unknown(),
  theirs: z.unknown(),
  base: z.unknown(),
  baseKnown: z.boolean(),
});
export type FieldConflict = z.infer<typeof conflictSchema>;

const officeSummary = z.object({ name: z.string(), code: z.string(), country: z.string(), fingerprint: z.string() });

export const openedSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('case'),
    transferId: z.string(),
    sender: officeSummary,
    sentAt: z.string(),
    transfer: z.object({ reason: z.string(), reasonCountry: z.string(), reasonLegalStatus: z.string(), basis: z.string(), legalBasis: z.string(), childAssent: z.string(), senderCaseNumber: z.string(), sentByName: z.string() }),
    child: z.object({ givenName: z.string(), familyName: z.string(), sex: z.string(), dateOfBirth: z.string().nullable(), estimatedAge: z.number().nullable(), stage: z.string() }),
    sections: z.array(z.object({ table: z.string(), rows: z.array(previewRow) })),
    documents: z.array(z.object({ id: z.string(), title: z.string(), bytes: z.number().int() })),
    duplicates: z.array(z.object({ caseId: z.string(), number: z.string(), name: z.string() })),
    /** The case is already here (it comes back): what both sides changed since it left. */
    returning: z.object({ caseId: z.string(), number: z.string(), conflicts: z.array(conflictSchema), merged: z.number().int() }).nullable(),
  }),
  z.object({
    kind: z.literal('receipt'),
    transferId: z.string(),
    sender: officeSummary,
    caseId: z.string(),
    decision: z.enum(['accepted', 'rejected']),
    decidedAt: z.string(),
    decidedByName: z.string(),
    reason: z.string(),
  }),
]);
export type OpenedTransfer = z.infer<typeof openedSchema>;

const upload = { uploadId: z.uuid() };
const fileRef = z.object({ transferId: idSchema, file: z.enum(['package', 'receipt']) }).strict();

export const transferChannels = defineChannels({
  'transfer.officeCard': {
    access: 'office.manage',
    input: z.object({}).strict(),
    output: z.object({ card: officeCardSchema, cardText: z.string(), fingerprint: z.string() }),
  },
  'transfer.partners': {
    access: 'office.manage',
    input: z.object({}).strict(),
    output: z.array(partnerSchema),
  },
  /** Reads a card without trusting it: the fingerprint to compare by phone. */
  'transfer.inspectCard': {
    access: 'office.manage',
    input: z.object({ cardText }).strict(),
    output: z.object({ card: officeCardSchema, fingerprint: z.string() }),
  },
  /** Trusts a card once the administrator typed back the fingerprint read by phone. */
  'transfer.trustPartner': {
    access: 'office.manage',
    input: z.object({ cardText, kind: z.enum(partnerKinds), fingerprint: z.string().trim().min(1).max(80) }).strict(),
    output: partnerSchema,
  },
  'transfer.revokePartner': {
    access: 'office.manage',
    input: z.object({ partnerId: idSchema, reason: z.string().trim().min(1).max(1000) }).strict(),
    output: partnerSchema,
  },
  /** Trusted partners a case can go to (names only). */
  'transfer.destinations': {
    access: 'case.write',
    input: z.object({}).strict(),
    output: z.array(partnerSchema.pick({ id: true, kind: true, name: true, code: true, country: true })),
  },
  'transfer.preview': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, selection: selectionSchema }).strict(),
    output: packagePreviewSchema,
  },
  'transfer.send': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, details: sendDetailsSchema, selection: selectionSchema }).strict(),
    output: z.object({ transferId: z.string(), fileName: z.string(), bytes: z.number().int() }),
  },
  /** While `transfer.send` seals on this connection: bytes of the package done so far (answered at once). */
  'transfer.sealProgress': {
    access: 'case.write',
    input: z.object({}).strict(),
    output: z.object({ sealing: z.boolean(), doneBytes: z.number().int(), totalBytes: z.number().int() }),
  },
  'transfer.caseStatus': {
    access: 'case.read',
    input: z.object({ caseId: idSchema }).strict(),
    output: z.object({
      state: z.enum(['none', 'pending', 'transferred', 'received']),
      transfers: z.array(transferSummary),
      handovers: z.array(handoverSchema),
    }),
  },
  /** Outgoing transfers still waiting for an answer, oldest first (supervisors). */
  'transfer.pending': {
    access: 'case.approve',
    input: z.object({ olderThanDays: z.number().int().min(0).max(3650).default(0) }).strict(),
    output: z.array(z.object({ transferId: z.string(), caseId: z.string(), caseNumber: z.string(), partnerName: z.string(), sentAt: z.string(), days: z.number().int() })),
  },
  'transfer.download': {
    access: 'case.read',
    input: fileRef.extend({ offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
    output: z.object({ fileName: z.string(), totalBytes: z.number().int(), offset: z.number().int(), dataBase64: z.string(), done: z.boolean() }),
  },
  /** A chunk of a file the user picked; the first chunk (offset 0) starts a new upload. */
  'transfer.upload': {
    access: 'case.read',
    input: z
      .object({ uploadId: z.uuid().nullable(), offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), totalBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), dataBase64: chunk })
      .strict(),
    output: z.object({ uploadId: z.string(), received: z.number().int() }),
  },
  /** Verifies, decrypts and checks an uploaded file; writes nothing. */
  'transfer.open': {
    access: 'case.read',
    input: z.object(upload).strict(),
    output: openedSchema,
  },
  'transfer.accept': {
    access: 'case.assign',
    input: z
      .object({
        ...upload,
        assignTo: idSchema,
        notDuplicateOf: z.array(idSchema).max(50).default([]),
        resolutions: z.array(z.object({ key: z.string().min(1).max(300), take: z.enum(['ours', 'theirs']) }).strict()).max(5000).default([]),
      })
      .strict(),
    output: z.object({ caseId: z.string(), transferId: z.string() }),
  },
  'transfer.reject': {
    access: 'case.assign',
    input: z.object({ ...upload, reason: z.string().trim().min(1).max(2000) }).strict(),
    output: z.object({ transferId: z.string() }),
  },
  /** Imports a receipt: the sent case becomes transferred (read-only) or returns to active work. */
  'transfer.applyReceipt': {
    access: 'case.write',
    input: z.object(upload).strict(),
    output: z.object({ caseId: z.string(), decision: z.enum(['accepted', 'rejected']) }),
  },
  'transfer.saveHandover': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, handover: handoverInput }).strict(),
    output: handoverSchema,
  },
});
