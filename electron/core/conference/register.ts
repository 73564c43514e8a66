// Node-only. The office's conference register (the Conferences section): conferences and family
// meetings upcoming, in progress and held, filtered by case, dates and facilitator. Record scope is
// the case's (cases/scope.ts inScope): a case worker sees the conferences of the cases assigned to
// them, a supervisor every one of the office; the filter is in the query, so nothing out of scope
// is ever read. One page of rows and its count; the open and overdue commitments per row.
import { sql } from 'kysely';
import type { z } from 'zod';
import { todayIso } from '../../../shared/cases/fields';
import { foldName } from '../../../shared/cases/names';
import type { ConferenceRegisterRow } from '../../../shared/conference/contract';
import { conferenceStatus, type registerFilter } from '../../../shared/conference/follow-up';
import { can } from '../../../shared/permissions';
import type { HandlerEnv } from '../handler';

type Filter = z.output<typeof registerFilter>;

function filtered(env: HandlerEnv, f: Filter) {
  let q = env.db().selectFrom('conferences as cf').innerJoin('cases as c', 'c.id', 'cf.case_id');
  if (!can(env.session.role, 'case.readAll')) {
    const me = env.session.userId;
    q = q.where((eb) => eb.or([eb('c.worker_id', '=', me), eb('c.family_worker_id', '=', me)]));
  }
  if (f.status === 'held') q = q.where('cf.agreed_at', 'is not', null);
  if (f.status === 'in_progress') q = q.where('cf.agreed_at', 'is', null).where('cf.step', 'is not', null);
  if (f.status === 'upcoming') q = q.where('cf.agreed_at', 'is', null).where('cf.step', 'is', null);
  if (f.from) q = q.where('cf.date', '>=', f.from);
  if (f.to) q = q.where('cf.date', '<=', f.to);
  // The case by number or the child's name, folded as the case list folds them.
  for (const word of foldName(f.caseText).split(' ').filter(Boolean)) q = q.where(sql<number>`instr(c.search_text, ${word})`, '>', 0);
  const facilitator = f.facilitator.toLowerCase();
  if (facilitator) q = q.where(sql<number>`instr(lower(cf.facilitator_name), ${facilitator})`, '>', 0);
  return q;
}

export async function conferenceRegister(env: HandlerEnv, f: Filter): Promise<{ rows: ConferenceRegisterRow[]; total: number }> {
  const today = todayIso(env.now());
  // Upcoming: the soonest first; otherwise the most recent first.
  const direction = f.status === 'upcoming' ? 'asc' : 'desc';
  const rows = await filtered(env, f)
    .select([
      'cf.id',
      'cf.case_id',
      'c.number',
      'c.given_name',
      'c.family_name',
      'cf.kind',
      'cf.purpose',
      'cf.date',
      'cf.time',
      'cf.venue',
      'cf.facilitator_name',
      'cf.step',
      'cf.agreed_at',
      // Through the index on (conference_id, position): a few rows per conference.
      sql<number>`(SELECT count(*) FROM conference_commitments k WHERE k.conference_id = cf.id AND k.done_at IS NULL)`.as('open_commitments'),
      sql<number>`(SELECT count(*) FROM conference_commitments k WHERE k.conference_id = cf.id AND k.done_at IS NULL AND k.by_when < ${today})`.as('overdue_commitments'),
    ])
    .orderBy('cf.date', direction)
    .orderBy('cf.time', direction)
    .orderBy('cf.id')
    .limit(f.limit)
    .execute();
  const counted = await filtered(env, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return {
    rows: rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.number,
      childName: `${r.given_name} ${r.family_name}`.trim(),
      kind: r.kind,
      purpose: r.purpose,
      date: r.date,
      time: r.time,
      venue: r.venue,
      facilitatorName: r.facilitator_name,
      status: conferenceStatus({ step: r.step, agreedAt: r.agreed_at }),
      step: r.step,
      openCommitments: Number(r.open_commitments ?? 0),
      overdueCommitments: Number(r.overdue_commitments ?? 0),
    })),
    total: Number(counted?.n ?? 0),
  };
}
