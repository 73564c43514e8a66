// Node-only. The case list: accent-insensitive search over folded names and numbers (a trigram
// index for 3+ letters), filters, sort and paging — built to stay fast at 100 000 cases.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { caseListInput } from '../../../shared/cases/contract';
import { todayIso } from '../../../shared/cases/fields';
import { foldName } from '../../../shared/cases/names';
import { can } from '../../../shared/permissions';
import type { DB } from '../db/schema';
import { awaitingApproval } from './approvals';
import type { Session } from '../handler';
import { riskRank } from './rows';
import type { CaseDbRow } from './scope';

export type CaseListQuery = z.output<typeof caseListInput>;
type Query = SelectQueryBuilder<DB, 'cases', object>;

/** Words of 3+ letters go to the trigram index (any part of a name); shorter ones to the word
 *  index's prefix table (the start of a name). Both are indexes: no scan of the cases table. */
function applySearch(query: Query, search: string): Query {
  const words = foldName(search).split(' ').filter(Boolean);
  const long = words.filter((w) => w.length >= 3);
  const short = words.filter((w) => w.length < 3);
  if (long.length > 0) {
    const match = long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');
    query = query.where(sql<boolean>`cases.rowid IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ${match})`);
  }
  if (short.length > 0) {
    const match = short.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND ');
    query = query.where(sql<boolean>`cases.rowid IN (SELECT rowid FROM cases_words WHERE cases_words MATCH ${match})`);
  }
  return query;
}

export function scoped(query: Query, session: Session): Query {
  if (can(session.role, 'case.readAll')) return query;
  return query.where((eb) =>
    eb.or([eb('cases.worker_id', '=', session.userId), eb('cases.family_worker_id', '=', session.userId)]),
  );
}

export function filtered(db: Kysely<DB>, input: CaseListQuery, session: Session, now: Date): Query {
  let query = scoped(db.selectFrom('cases'), session);
  if (input.search) query = applySearch(query, input.search);
  if (input.stages?.length) query = query.where('cases.stage', 'in', input.stages);
  if (input.status) query = query.where('cases.status', '=', input.status);
  if (input.workerId) {
    const id = input.workerId;
    query = query.where((eb) => eb.or([eb('cases.worker_id', '=', id), eb('cases.family_worker_id', '=', id)]));
  }
  if (input.riskLevels?.length) query = query.where('cases.risk_rank', 'in', input.riskLevels.map((r) => riskRank[r]));
  if (input.area) query = query.where('cases.area', '=', input.area);
  if (input.priority) query = query.where('cases.priority', '=', input.priority);
  if (input.overdue) {
    query = query.where('cases.status', '=', 'open').where('cases.review_due', '<', todayIso(now));
  }
  if (input.awaitingApproval) query = query.where('cases.status', '=', 'open').where(awaitingApproval);
  return query;
}

/**
 * Two steps: sort and page over narrow rows (ids and the sort key only), then read the 50 full
 * rows. Sorting thousands of search hits with every column in the sorter was the slow part.
 */
export async function listCases(db: Kysely<DB>, input: CaseListQuery, session: Session, now: Date) {
  const base = filtered(db, input, session, now);
  const dir = input.sort.dir;
  let page = base.select('cases.id');
  switch (input.sort.by) {
    case 'number':
      page = page.orderBy('cases.seq', dir);
      break;
    case 'name':
      page = page.orderBy(sql`cases.family_name COLLATE NOCASE`, dir).orderBy(sql`cases.given_name COLLATE NOCASE`, dir);
      break;
    case 'registeredAt':
      page = page.orderBy('cases.registered_at', dir);
      break;
    case 'risk':
      page = page.orderBy('cases.risk_rank', dir).orderBy('cases.updated_at', 'desc');
      break;
    case 'reviewDue':
      page = page.orderBy(sql`cases.review_due IS NULL`).orderBy('cases.review_due', dir);
      break;
    case 'age':
      // Older children have earlier birth dates.
      page = page.orderBy(sql`cases.birth_year_sort IS NULL`).orderBy('cases.birth_year_sort', dir === 'asc' ? 'desc' : 'asc');
      break;
    default:
      page = page.orderBy('cases.updated_at', dir);
  }
  const ids = (await page.orderBy('cases.id').limit(input.limit).offset(input.offset).execute()).map((r) => r.id);
  const full =
    ids.length === 0
      ? []
      : ((await db
          .selectFrom('cases')
          .leftJoin('users', 'users.id', 'cases.worker_id')
          .selectAll('cases')
          .select('users.display_name as worker_name')
          .where('cases.id', 'in', ids)
          .execute()) as (CaseDbRow & { worker_name: string | null })[]);
  const byId = new Map(full.map((row) => [row.id, row]));
  const rows = ids.map((id) => byId.get(id)).filter((row): row is CaseDbRow & { worker_name: string | null } => Boolean(row));
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
