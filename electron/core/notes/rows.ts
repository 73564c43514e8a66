// Node-only. Notes and documents from their rows to the shared shapes.
import type { Selectable } from 'kysely';
import type { DocumentMeta, Note, NoteRevision } from '../../../shared/notes/contract';
import type { CaseDocumentsTable, CaseNotesTable } from './tables';

export type NoteRow = Selectable<CaseNotesTable> & { author_name: string | null };

export function toNote(row: NoteRow, history: NoteRevision[]): Note {
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    date: row.note_date,
    text: row.text,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    history,
  };
}

export type DocumentMetaRow = Omit<Selectable<CaseDocumentsTable>, 'data' | 'sha256'> & {
  uploaded_by_name: string | null;
  removed_by_name: string | null;
};

export function toDocumentMeta(row: DocumentMetaRow): DocumentMeta {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    mime: row.mime as DocumentMeta['mime'],
    fileName: row.file_name,
    sizeBytes: row.size_bytes,
    uploadedAt: row.uploaded_at,
    uploadedByName: row.uploaded_by_name,
    removed: row.removed_at ? { at: row.removed_at, reason: row.removed_reason ?? '', byName: row.removed_by_name } : null,
  };
}
