// Node-only. Generated case notes: none to two per case, of the kinds the case's stage calls for
// (calls and meetings while tracing, home visits once the family is found), now and then a
// supervisor's note from supervision. Documents are left to the consents contributor (a rare
// scanned form), so the database stays small.
// Only the contributor is exported: the generator runs every exported function.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Stage } from '../../../shared/cases/stages';
import type { NoteKind } from '../../../shared/notes/contract';
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { networkPhrases } from '../family/seed-phrases';

type Statement = Database.Statement<unknown[]>;

interface Statements {
  note: Statement;
  event: Statement;
}

const prepared = new WeakMap<RawDatabase, Statements>();

function statements(raw: RawDatabase): Statements {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      note: raw.prepare<unknown[]>(`
        INSERT INTO case_notes (id, case_id, kind, note_date, text, author_id, created_at, updated_at, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`),
      event: raw.prepare<unknown[]>('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

const kindsByStage: Record<Stage, readonly NoteKind[]> = {
  tracing_assessment: ['phone_call', 'meeting', 'general'],
  preparation: ['meeting', 'home_visit', 'phone_call', 'general'],
  reunification: ['home_visit', 'meeting', 'phone_call'],
  follow_up: ['home_visit', 'phone_call', 'general', 'other'],
  closure: ['home_visit', 'general'],
};

function seedNotes(ctx: SeedContext, s: Statements, c: SeedCase, supervisors: string[]): void {
  const { rng, pick, now } = ctx;
  const count = rng() < 0.35 ? 0 : rng() < 0.6 ? 1 : 2;
  const registered = Date.parse(c.registeredAt);
  for (let i = 0; i < count; i += 1) {
    const supervision = supervisors.length > 0 && rng() < 0.1;
    const kind: NoteKind = supervision ? 'supervision' : pick(kindsByStage[c.stage]);
    const author = supervision ? pick(supervisors) : c.workerId;
    const date = ctx.dateBetween(c.registeredAt, now.toISOString());
    const at = new Date(Math.min(now.getTime(), Math.max(registered, Date.parse(`${date}T16:30:00.000Z`)))).toISOString();
    const id = ctx.uuid();
    s.note.run(id, c.id, kind, date, pick(networkPhrases[c.language].notes[kind]), author, at, at);
    s.event.run(c.id, at, author, 'note.add', JSON.stringify({ noteId: id, kind, date }));
  }
}

export const seedCaseNotes: SeedContributor = (ctx, cases) => {
  const s = statements(ctx.raw);
  const supervisors = ctx.staff.filter((m) => m.role === 'supervisor').map((m) => m.id);
  for (const c of cases) seedNotes(ctx, s, c, supervisors);
};
