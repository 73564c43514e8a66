// Environment-free. Case notes (with the edit history kept) and documents attached to a case
// (scans of consent forms, letters, ID documents), stored encrypted inside the database.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { base64File, documentMimes, idSchema, isoDate, shortText } from '../cases/fields';

export const noteKinds = ['general', 'home_visit', 'phone_call', 'meeting', 'supervision', 'other'] as const;
export type NoteKind = (typeof noteKinds)[number];

export const documentKinds = ['consent_form', 'letter', 'id_document', 'photo', 'report', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export type DocumentMime = (typeof documentMimes)[number];

/** Largest document accepted, in bytes of file (not of base64). */
export const maxDocumentBytes = 10 * 1024 * 1024;

const noteText = z.string().trim().min(1).max(20_000);

export const noteInput = z
  .object({
    kind: z.enum(noteKinds),
    date: isoDate,
    text: noteText,
  })
  .strict();
export type NoteInput = z.input<typeof noteInput>;
export type NoteValues = z.output<typeof noteInput>;

export const noteRevisionSchema = z.object({
  kind: z.enum(noteKinds),
  date: z.string(),
  text: z.string(),
  /** When this text was replaced, and by whom. */
  replacedAt: z.string(),
  replacedByName: z.string().nullable(),
});
export type NoteRevision = z.infer<typeof noteRevisionSchema>;

export const noteSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  kind: z.enum(noteKinds),
  date: z.string(),
  text: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Earlier texts, newest first; empty when never edited. */
  history: z.array(noteRevisionSchema),
});
export type Note = z.infer<typeof noteSchema>;

export const documentUploadInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    kind: z.enum(documentKinds),
    mime: z.enum(documentMimes),
    fileName: shortText.default(''),
    dataBase64: base64File.min(4),
  })
  .strict();
export type DocumentUploadInput = z.input<typeof documentUploadInput>;

export const documentMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(documentKinds),
  mime: z.enum(documentMimes),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
  removed: z.object({ at: z.string(), reason: z.string(), byName: z.string().nullable() }).nullable(),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

const caseRef = { caseId: idSchema };

export const notesChannels = defineChannels({
  'notes.list': {
    access: 'case.read',
    input: z
      .object({
        ...caseRef,
        kind: z.enum(noteKinds).optional(),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ notes: z.array(noteSchema), total: z.number().int() }),
  },
  'notes.add': {
    access: 'case.write',
    input: z.object({ ...caseRef, note: noteInput }).strict(),
    output: noteSchema,
  },
  /** Only the author edits a note; the text it replaces is kept in the note's history. */
  'notes.edit': {
    access: 'case.write',
    input: z
      .object({ ...caseRef, noteId: idSchema, version: z.number().int().min(1), note: noteInput })
      .strict(),
    output: noteSchema,
  },
  'notes.listDocuments': {
    access: 'case.read',
    input: z.object({ ...caseRef, includeRemoved: z.boolean().default(false) }).strict(),
    output: z.array(documentMetaSchema),
  },
  'notes.uploadDocument': {
    access: 'case.write',
    input: z.object({ ...caseRef, document: documentUploadInput }).strict(),
    output: documentMetaSchema,
  },
  /** The file itself; every call is an audited view. */
  'notes.getDocument': {
    access: 'case.read',
    input: z.object({ ...caseRef, documentId: idSchema }).strict(),
    output: documentMetaSchema.extend({ dataBase64: z.string() }),
  },
  /** Soft removal: the file stays in the encrypted database, out of the list, with the reason. */
  'notes.removeDocument': {
    access: 'case.write',
    input: z.object({ ...caseRef, documentId: idSchema, reason: z.string().trim().min(1).max(2000) }).strict(),
    output: z.object({ removed: z.literal(true) }),
  },
});
