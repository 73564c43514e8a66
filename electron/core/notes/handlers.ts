// Node-only. The notes feature's handlers: case notes (only the author edits one; the text it
// replaces is kept as a revision) and, in documents.ts, the documents attached to the case.
import crypto from 'node:crypto';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import type { NoteRevision } from '../../../shared/notes/contract';
import { assertEventDate } from '../cases/dates';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { caseBeganOn } from './case-dates';
import { documentHandlers } from './documents';
import { toNote, type NoteRow } from './rows';

function noteQuery(env: HandlerEnv, caseId: string) {
  return env
    .db()
    .selectFrom('case_notes')
    .leftJoin('users', 'users.id', 'case_notes.author_id')
    .selectAll('case_notes')
    .select('users.display_name as author_name')
    .where('case_notes.case_id', '=', caseId);
}

/** Earlier texts of the given notes, newest first, by note id. */
async function historyOf(env: HandlerEnv, noteIds: string[]): Promise<Map<string, NoteRevision[]>> {
  const byNote = new Map<string, NoteRevision[]>();
  if (noteIds.length === 0) return byNote;
  const rows = await env
    .db()
    .selectFrom('case_note_revisions')
    .leftJoin('users', 'users.id', 'case_note_revisions.replaced_by')
    .select([
      'case_note_revisions.note_id',
      'case_note_revisions.kind',
      'case_note_revisions.note_date',
      'case_note_revisions.text',
      'case_note_revisions.replaced_at',
      'users.display_name',
    ])
    .where('case_note_revisions.note_id', 'in', noteIds)
    .orderBy('case_note_revisions.id', 'desc')
    .execute();
  for (const r of rows) {
    const list = byNote.get(r.note_id) ?? [];
    list.push({
      kind: r.kind as NoteRevision['kind'],
      date: r.note_date,
      text: r.text,
      replacedAt: r.replaced_at,
      replacedByName: r.display_name,
    });
    byNote.set(r.note_id, list);
  }
  return byNote;
}

async function oneNote(env: HandlerEnv, caseId: string, noteId: string): Promise<NoteRow> {
  const row = await noteQuery(env, caseId).where('case_notes.id', '=', noteId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such note in this case');
  return row;
}

export function createNotesHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'notes.list': async ({ caseId, kind, offset, limit }, env) => {
      await loadCase(env, caseId, 'read');
      let query = noteQuery(env, caseId);
      if (kind) query = query.where('case_notes.kind', '=', kind);
      const counted = await env
        .db()
        .selectFrom('case_notes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', caseId)
        .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
        .executeTakeFirstOrThrow();
      const rows = await query
        .orderBy('case_notes.note_date', 'desc')
        .orderBy('case_notes.created_at', 'desc')
        .offset(offset)
        .limit(limit)
        .execute();
      const history = await historyOf(env, rows.map((r) => r.id));
      await recordCaseView(env, caseId, 'notes');
      return { notes: rows.map((r) => toNote(r, history.get(r.id) ?? [])), total: Number(counted.n) };
    },

    'notes.add': async ({ caseId, note }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      assertEventDate(note.date, todayIso(env.now()), caseBeganOn(caseRow), 'note.date');
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await trx
          .insertInto('case_notes')
          .values({
            id,
            case_id: caseId,
            kind: note.kind,
            note_date: note.date,
            text: note.text,
            author_id: env.session.userId,
            created_at: now,
            updated_at: now,
            version: 1,
          })
          .execute();
        await recordCaseChange(env, trx, caseId, 'note.add', { noteId: id, kind: note.kind }, { noteId: id, kind: note.kind, date: note.date });
      });
      return toNote(await oneNote(env, caseId, id), []);
    },

    'notes.edit': async ({ caseId, noteId, version, note }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      const before = await oneNote(env, caseId, noteId);
      if (before.author_id !== env.session.userId) {
        throw new AppError('FORBIDDEN', 'only the author edits a note', { params: { reason: 'notAuthor' } });
      }
      if (before.version !== version) {
        throw new AppError('CONFLICT', 'this note changed since you opened it; reload', { params: { reason: 'version' } });
      }
      assertEventDate(note.date, todayIso(env.now()), caseBeganOn(caseRow), 'note.date');
      const changed = [
        before.kind !== note.kind && 'kind',
        before.note_date !== note.date && 'date',
        before.text !== note.text && 'text',
      ].filter((f): f is string => Boolean(f));
      if (changed.length > 0) {
        const now = env.now().toISOString();
        await env.tx(async (trx) => {
          await trx
            .insertInto('case_note_revisions')
            .values({ note_id: noteId, kind: before.kind, note_date: before.note_date, text: before.text, replaced_at: now, replaced_by: env.session.userId })
            .execute();
          const result = await trx
            .updateTable('case_notes')
            .set({ kind: note.kind, note_date: note.date, text: note.text, updated_at: now, version: before.version + 1 })
            .where('id', '=', noteId)
            .where('version', '=', version)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) {
            throw new AppError('CONFLICT', 'this note changed since you opened it; reload', { params: { reason: 'version' } });
          }
          await recordCaseChange(env, trx, caseId, 'note.edit', { noteId, kind: note.kind, fields: changed }, { noteId, kind: note.kind, date: note.date, fields: changed });
        });
      }
      const history = await historyOf(env, [noteId]);
      return toNote(await oneNote(env, caseId, noteId), history.get(noteId) ?? []);
    },

    ...documentHandlers,
  });
}
