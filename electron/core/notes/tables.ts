// Node-only. Tables of the notes feature: case notes, their earlier texts, and documents.
import type { Generated } from 'kysely';

export interface CaseNotesTable {
  id: string;
  case_id: string;
  kind: 'general' | 'home_visit' | 'phone_call' | 'meeting' | 'supervision' | 'other';
  note_date: string;
  text: string;
  author_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CaseNoteRevisionsTable {
  id: Generated<number>;
  note_id: string;
  kind: string;
  note_date: string;
  text: string;
  replaced_at: string;
  replaced_by: string | null;
}

export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  title: string;
  kind: 'consent_form' | 'letter' | 'id_document' | 'photo' | 'report' | 'other';
  mime: string;
  file_name: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_at: string;
  uploaded_by: string | null;
  removed_at: string | null;
  removed_by: string | null;
  removed_reason: string | null;
}

export interface NotesTables {
  case_notes: CaseNotesTable;
  case_note_revisions: CaseNoteRevisionsTable;
  case_documents: CaseDocumentsTable;
}
