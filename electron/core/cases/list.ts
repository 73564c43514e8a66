// Node-only. The case list: filters, sort and keyset paging over the `cases_list_*` indexes (which
// carry every filter column, so a filter never reads the wide case row), a tolerant search, and the
// total counted once per filter change (on the first page only). Built to cost the same at any page
// depth and to grow little from 10 000 to 100 000 cases.
import crypto from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { caseListInput } from '../../../shared/cases/contract';
import { AppError } from '../../../shared/contract/errors';
import { todayIso } from '../../../shared/cases/fields';
import { foldName } from '../../../shared/cases/names';
import { can } from '../../../shared/permissions';
import type { DB } from '../db/schema';
import type { Session } from '../handler';
import { awaitingApprovalSql } from '../approvals/queue';
import { selectionSql } from '../reports/engine';
import { decodeCursor, encodeCursor, firstAfter, compareValues, segmentsFor, type Cursor, type KeyValue, type Segment } from './list-order';
import { exactCondition, exactCount, exactSource, matchesSource, planSearch, soleWord, wordKeyConditions, type MatchSource } from './list-search';
import { caseRiskRank } from '../../../shared/cases/risk';
import type { CaseDbRow } from './scope';
import { caseRowColumns } from './rows';

export type CaseListQuery = z.output<typeof caseListInput>;
type Cond = RawBuilder<unknown>;
/**
 * The columns a listed case is read with: what the shown row needs (`caseRowColumns`) and the sort
 * keys (for `cursorAt`), not the 52-column case row — building the whole row's JS object was
 * the largest cost of a search's first page (1.8 ms of 6.9 for 50 rows at 100 000 cases).
 */
const listedColumns = [...caseRowColumns, 'seq', 'risk_rank', 'birth_year_sort'] as const satisfies readonly (keyof CaseDbRow)[];
/** A listed case; `name_key` is the generated column the name sort follows (not in the typed schema). */
export type ListedRow = Pick<CaseDbRow, (typeof listedColumns)[number]> & { name_key: string; worker_name: string | null };

/**
 * Above this many exact matches (a common name, a short prefix), pages walk the sort index with
 * the matches as a filter — a few thousand narrow index entries — instead of reading every
 * matching row to order them in memory (a table lookup each).
 */
const SEARCH_SET_CAP = 600;
/** At or below this many matches of the filters alone, the set is ordered in memory. */
const SMALL_SET = 2000;

export function scoped<Q extends SelectQueryBuilder<DB, 'cases', object>>(query: Q, session: Session): Q {
  if (can(session.role, 'case.readAll')) return query;
  return query.where((eb) =>
    eb.or([eb('cases.worker_id', '=', session.userId), eb('cases.family_worker_id', '=', session.userId)]),
  ) as Q;
}

export function scopeCondition(session: Session): Cond | null {
  if (can(session.role, 'case.readAll')) return null;
  return sql`(cases.worker_id = ${session.userId} OR cases.family_worker_id = ${session.userId})`;
}

/**
 * The plain filters — stage, status, risk, priority, area — over `cases` or over `case_counts` (no
 * prefix). `riskWalk`: a later page sorted by risk (in that direction) and filtered by it — the
 * levels asked for bound the walk on its far side (below the lowest for a descending sort, above
 * the highest for an ascending one) and the cursor on the near side, one range of the risk index.
 * As a list of values the planner would seek each level in turn and pass, entry by entry, every case
 * of the levels before the cursor's (at 100 000 cases, the last page of medium and high risk by
 * risk: 5 ms, not 0.04).
 */
function plainFilters(input: CaseListQuery, prefix: 'cases.' | '', riskWalk?: 'asc' | 'desc'): Cond[] {
  const conds: Cond[] = [];
  const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`));
  const col = (name: string) => sql.raw(prefix + name);
  if (input.stages?.length) conds.push(sql`${col('stage')} IN (${list(input.stages)})`);
  if (input.status) conds.push(sql`${col('status')} = ${input.status}`);
  if (input.riskLevels?.length) {
    const ranks = input.riskLevels.map((r) => caseRiskRank[r]);
    if (!riskWalk) conds.push(sql`${col('risk_rank')} IN (${list(ranks)})`);
    else if (riskWalk === 'desc') conds.push(sql`+${col('risk_rank')} IN (${list(ranks)}) AND ${col('risk_rank')} >= ${Math.min(...ranks)}`);
    else conds.push(sql`+${col('risk_rank')} IN (${list(ranks)}) AND ${col('risk_rank')} <= ${Math.max(...ranks)}`);
  }
  if (input.area) conds.push(sql`${col('area')} = ${input.area}`);
  if (input.priority) conds.push(sql`${col('priority')} = ${input.priority}`);
  return conds;
}

/**
 * The narrow index a filter set's cases are counted or read from. Each carries every filter column
 * (and, but for the review index, every sort key), so no wide case row is read; the one chosen is
 * led by a filtered column, so only a range of it is read — at 100 000 cases an area's 2 000 cases
 * rather than the whole filter index (5.9 ms), the 13 700 overdue ones to count (0.8 ms, not 7.8).
 */
function filterIndex(input: CaseListQuery, use: 'count' | 'read'): string {
  if (input.overdue && use === 'count') return 'cases_list_review';
  if (input.area && !input.stages?.length) return 'cases_list_area';
  return 'cases_list_filters';
}

/** The filters as SQL conditions over columns every `cases_list_*` index carries. */
export function filterConditions(input: CaseListQuery, session: Session, now: Date, riskWalk?: 'asc' | 'desc'): Cond[] {
  const conds: Cond[] = [];
  const scope = scopeCondition(session);
  if (scope) conds.push(scope);
  conds.push(...plainFilters(input, 'cases.', riskWalk));
  if (input.workerId) conds.push(sql`(cases.worker_id = ${input.workerId} OR cases.family_worker_id = ${input.workerId})`);
  if (input.overdue) conds.push(sql`cases.status = 'open' AND cases.review_due < ${todayIso(now)}`);
  if (input.awaitingApproval) conds.push(awaitingApprovalSql);
  // The session's scope above still applies: a number's children are listed only as far as the caller may see them.
  if (input.indicator) conds.push(sql`cases.id IN (${selectionSql(input.indicator)})`);
  return conds;
}

const where = (conds: Cond[]) => (conds.length > 0 ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``);

/**
 * The total of a query over every case of the office filtered by plain filters only (stage, status,
 * risk, priority, area), summed from the counts kept per combination of them (case_counts,
 * migration 28): a few thousand rows at any office size, where counting the filter index grows with
 * the office (10.9 ms at 100 000 cases against 2.1 ms at 10 000). Null when the query has anything
 * else — a case worker's scope, a worker, overdue (it depends on today), approvals, a search or an
 * indicator — and the cases are counted.
 */
async function cubeCount(db: Kysely<DB>, input: CaseListQuery, session: Session): Promise<number | null> {
  if (!can(session.role, 'case.readAll') || input.search || input.workerId || input.overdue || input.awaitingApproval || input.indicator) return null;
  return Number((await sql<{ n: number }>`SELECT coalesce(sum(n), 0) AS n FROM case_counts ${where(plainFilters(input, ''))}`.execute(db)).rows[0].n);
}

/** Identifies the query a cursor belongs to (filters, search and sort, and the caller). */
function queryKey(input: CaseListQuery, session: Session): string {
  const { cursor: _cursor, offset: _offset, limit: _limit, withTotal: _withTotal, ...rest } = input;
  return crypto.createHash('sha256').update(JSON.stringify([session.userId, rest])).digest('base64url').slice(0, 16);
}

interface PageKey {
  seq: number;
  /** The case's rowid, by which its listed row is read. */
  r: number;
  s: number;
  k: KeyValue[];
}

/** What a keyset page walks: the cases' indexes, or one word's rows of case_name_words (named `cases`, `r` their rowid). */
interface Walked {
  table: string;
  rowid: string;
}
const casesWalked: Walked = { table: 'cases', rowid: 'cases.rowid' };

/** One page in index order, from the cursor on, across the sort's segments. */
async function keysetPage(db: Kysely<DB>, conds: Cond[], segments: Segment[], cursor: Cursor | null, want: number, walked = casesWalked) {
  const found: PageKey[] = [];
  for (let s = cursor?.s ?? 0; s < segments.length && found.length < want; s += 1) {
    const seg = segments[s];
    const keyCols = [...seg.cols, 'cases.seq'];
    const segConds = [...conds];
    if (seg.where) segConds.push(sql.raw(seg.where));
    if (cursor && s === cursor.s) {
      const op = sql.raw(seg.dir === 'asc' ? '>' : '<');
      segConds.push(sql`(${sql.raw(keyCols.join(', '))}) ${op} (${sql.join([...cursor.k, cursor.r].map((v) => sql`${v}`))})`);
    }
    const selected = seg.cols.map((c, i) => `${c} AS k${i}`);
    const order = keyCols.map((c) => `${c} ${seg.dir.toUpperCase()}`).join(', ');
    const rows = await sql<Record<string, KeyValue> & { seq: number; r: number }>`
      SELECT ${sql.raw(['cases.seq AS seq', `${walked.rowid} AS r`, ...selected].join(', '))} FROM ${sql.raw(walked.table)} INDEXED BY ${sql.raw(seg.index)} ${where(segConds)}
      ORDER BY ${sql.raw(order)} LIMIT ${want - found.length}`.execute(db);
    for (const row of rows.rows) found.push({ seq: row.seq, r: row.r, s, k: seg.cols.map((_, i) => row[`k${i}`]) });
  }
  return found;
}

/** The listed columns' names, in the order `readRows` selects them. */
const listedNames = [...listedColumns, 'name_key', 'worker_name'] as const;
const listedSelect = sql.raw([...listedColumns.map((c) => `cases.${c}`), 'cases.name_key', 'users.display_name'].join(', '));
/**
 * A listed row's shape, copied for each row and then filled: the properties exist from the start,
 * so filling them does not grow the object key by key (50 rows: 20 µs against 110).
 */
const listedTemplate: Record<string, KeyValue> = Object.fromEntries(listedNames.map((name) => [name, null]));

/**
 * The page's rows, in `rowids` order. Read as one JSON text of arrays, parsed at once: the driver
 * builds a row object property by property, 0.84 ms for 50 rows at 100 000 cases, against 0.21 ms
 * for the JSON (integers, text and nulls only, so the values are the same). By rowid, not by case
 * number: one seek into the table a row, where `seq` went through an index first (50 random rows
 * at 100 000 cases: 0.43 ms against 0.59).
 */
async function readRows(db: Kysely<DB>, rowids: number[]): Promise<ListedRow[]> {
  if (rowids.length === 0) return [];
  const text = (
    await sql<{ j: string }>`SELECT json_group_array(json_array(${listedSelect}, cases.rowid)) AS j
      FROM cases LEFT JOIN users ON users.id = cases.worker_id WHERE cases.rowid IN (${sql.join(rowids)})`.execute(db)
  ).rows[0].j;
  const byRowid = new Map<number, ListedRow>();
  for (const values of JSON.parse(text) as KeyValue[][]) {
    const row = { ...listedTemplate };
    for (let i = 0; i < listedNames.length; i += 1) row[listedNames[i]] = values[i];
    byRowid.set(values[listedNames.length] as number, row as unknown as ListedRow);
  }
  return rowids.map((r) => byRowid.get(r)).filter((row): row is ListedRow => Boolean(row));
}

/**
 * The cursor of a page that ended at `row`, for an index-walked query (not a search's or a small
 * set's): lets a benchmark or test start at any depth (the last page) without walking there.
 */
export function cursorAt(row: ListedRow, input: CaseListQuery, session: Session): string {
  const segments = segmentsFor(input.sort.by, input.sort.dir);
  const values = row as unknown as Record<string, KeyValue>;
  const s = Math.max(0, segments.findIndex((seg) => !seg.where || (seg.where.endsWith('IS NULL') ? values[seg.where.split(' ')[0].slice(6)] === null : values[seg.where.split(' ')[0].slice(6)] !== null)));
  const k = segments[s].cols.map((c) => values[c.slice('cases.'.length)]);
  return encodeCursor({ q: queryKey(input, session), s, k, r: row.seq });
}

export interface CaseListPage {
  rows: ListedRow[];
  /** Computed on the first page of a query only (null on later pages: the client keeps it). */
  total: number | null;
  nextCursor: string | null;
}

/** The set sizes that choose a way (tests shrink them to reach every way on a small office). */
export interface ListTuning {
  searchSetCap?: number;
  smallSet?: number;
}

export async function listCases(db: Kysely<DB>, query: CaseListQuery, session: Session, now: Date, tuning: ListTuning = {}): Promise<CaseListPage> {
  // A search of no letter or digit ("-", "'") has nothing to match: the list is listed as without one.
  const input = query.search && !foldName(query.search) ? { ...query, search: undefined } : query;
  const searchSetCap = tuning.searchSetCap ?? SEARCH_SET_CAP;
  const smallSet = tuning.smallSet ?? SMALL_SET;
  const key = queryKey(input, session);
  const cursor = input.cursor ? decodeCursor(input.cursor, key) : null;
  if (input.offset > 0 && !cursor) {
    // Offsets are kept for old callers; the app pages by cursor.
    return offsetPage(db, input, session, now);
  }
  const conds = filterConditions(input, session, now);
  // The search's own condition on the matches, for the walk of a sort index.
  const matching: Cond[] = [];
  const countTotal = !cursor && input.withTotal !== false;
  // Plain filters are all columns of cases_list_filters, so the count reads that index alone. Left to
  // itself the planner may pick a narrower index on status (cases_caseload) and read ~100 000 rows
  // for "open and urgent" (94 ms at 100 000 cases against 11 ms covering). Searches, the approvals
  // filter and an indicator's cases test columns outside the index: those keep the planner's choice.
  const covered = !input.search && !input.awaitingApproval && !input.indicator;
  const from = covered ? sql`cases INDEXED BY ${sql.raw(filterIndex(input, 'count'))}` : sql`cases`;
  const count = async () =>
    (await cubeCount(db, input, session)) ?? Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${from} ${where(conds)}`.execute(db)).rows[0].n);
  let total: number | null = null;
  // A search matched by one word of the vocabulary (a whole name, as a rule): its word rows can be walked.
  let word: string | null = null;
  if (input.search) {
    const plan = await planSearch(db, input.search, db);
    // Search alone, first page: the matches are counted once, for the total and for the way.
    if (countTotal && conds.length === 0) total = await exactCount(db, plan, null);
    // The filters as the word rows are read (seeks into each word's range).
    const wordConds = plan.kind === 'words' ? [...conds, ...wordKeyConditions(input)] : conds;
    if ((total ?? (await exactCount(db, plan, searchSetCap))) <= searchSetCap) return inMemoryPage(db, input, wordConds, matchesSource(plan, searchSetCap, wordConds), cursor, key, countTotal);
    if (conds.length > 0 && (!cursor || cursor.m === 1)) {
      // Many matches (a common name) narrowed by filters: one pass over the matches gives both the
      // total and the page, ordered here, when the filters leave few — measured at 100 000 cases,
      // "Samuel" in two stages at medium or high risk: 362 of 1 396 matches, 2 ms, against 17 ms for
      // counting and then walking the name index for 51 of them. Without filters, the sort index is
      // walked: a name's share of the cases, not its number, sets how far (ordering all 1 360 cases of
      // a common name here measured 3.8 ms at 100 000 cases, walking 2.0).
      // Its later pages stay on this way (m: 1), whatever the count has become since.
      const page = await cappedPage(cursor ? null : smallSet, db, input, wordConds, { ...exactSource(plan), again: true }, cursor, key, countTotal);
      if (page) return page;
    }
    matching.push(...exactCondition(plan));
    word = soleWord(plan);
    conds.push(...matching);
  } else if (!can(session.role, 'case.readAll') || input.workerId) {
    // A case worker's list, or a worker's: the set is a caseload (1 700 open cases for the busiest
    // worker of a 100 000-case office), found through the worker indexes (cases_worker,
    // cases_family_worker) and ordered in memory, every page. Walking a sort index or the filter
    // index for it passes over the whole office: 14 ms a first page at 100 000 cases against 2 ms
    // at 10 000, for caseloads of the same size.
    const worker = can(session.role, 'case.readAll') ? input.workerId! : session.userId;
    return inMemoryPage(db, input, conds, caseload(worker), cursor, key, countTotal);
  } else if (cursor?.m === 1) {
    return inMemoryPage(db, input, conds, null, cursor, key, false);
  } else if (!cursor) {
    // The total decides the way: a few matches are read whole and ordered in memory (walking a
    // sort index for them would pass over most of the index); many are paged along the index.
    total = await count();
    if (total <= smallSet && conds.length > 0) return inMemoryPage(db, input, conds, null, null, key, countTotal);
  }
  let segments = segmentsFor(input.sort.by, input.sort.dir);
  // A later page sorted and filtered by risk: the risk filter in its walk's form (plainFilters).
  let walk = cursor && input.sort.by === 'risk' && input.riskLevels?.length ? [...filterConditions(input, session, now, input.sort.dir), ...matching] : conds;
  let walked = casesWalked;
  if (word && segments[0].index === 'cases_list_updated') {
    // One word's many matches by the time they were updated (a search's relevance): the word's own
    // range of case_name_words_updated, in that order — 51 entries, where the walk of the office's
    // index with the matches as a filter passes some 3 600 for a name borne by 1.4 % of the cases.
    segments = segments.map((seg) => ({ ...seg, index: 'case_name_words_updated' }));
    walk = [...walk.filter((c) => !matching.includes(c)), sql`cases.word = ${word}`];
    walked = { table: 'case_name_words AS cases', rowid: 'cases.r' };
  }
  const keys = await keysetPage(db, walk, segments, cursor, input.limit + 1, walked);
  const page = keys.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor = keys.length > input.limit && last ? encodeCursor({ q: key, s: last.s, k: last.k, r: last.seq }) : null;
  if (countTotal && total === null) total = await count();
  return { rows: await readRows(db, page.map((k) => k.r)), total: countTotal ? total : null, nextCursor };
}

/**
 * Where a bounded set is read from: a search's matches (see MatchSource), or null for the filters
 * alone. `again`: its later pages come back this way (cursor m: 1) without counting the matches.
 */
type PageSource = (MatchSource & { again?: boolean }) | null;

type PageArgs = [db: Kysely<DB>, input: CaseListQuery, conds: Cond[], source: PageSource, cursor: Cursor | null, key: string, countTotal: boolean];

/**
 * A worker's caseload: the cases they are the child's or the family's worker of, found in the two
 * worker indexes and then read by row id (CROSS JOIN keeps that order: left to itself, the planner
 * took the status index for "open and urgent" and read 60 000 rows).
 */
const caseload = (workerId: string): PageSource => ({
  from: sql`(SELECT rowid AS r FROM cases INDEXED BY cases_worker WHERE worker_id = ${workerId}
    UNION SELECT rowid FROM cases INDEXED BY cases_family_worker WHERE family_worker_id = ${workerId}) AS w CROSS JOIN cases ON cases.rowid = w.r`,
  rowid: sql`w.r`,
  tier: sql`0`,
  again: true,
});

/**
 * A bounded set of matches — a search's (exact ones, then tolerant ones) or a narrow filter's —
 * read once as narrow rows and ordered here, by relevance (exact before tolerant, each newest
 * first) or by the chosen sort; the page is taken after the cursor's position.
 */
const inMemoryPage = async (...args: PageArgs): Promise<CaseListPage> => (await cappedPage(null, ...args))!;

/** As inMemoryPage; with a cap, null when more than `cap` rows match (read no further than one past it). */
async function cappedPage(cap: number | null, ...[db, input, conds, source, cursor, key, countTotal]: PageArgs): Promise<CaseListPage | null> {
  // Filters alone: the filter index carries every filter column and sort key, so even when no
  // filter leads it, the set is read from the index without touching the wide case rows.
  const from = source?.from ?? sql`cases INDEXED BY ${sql.raw(filterIndex(input, 'read'))}`;
  const segments = segmentsFor(input.sort.by, input.sort.dir);
  const seg = segments[0];
  // The position key: relevance tier (for "relevance"), segment, then the sort's columns; after the
  // rowid (to read the row by) and the sequence number. Read as one JSON text, as readRows does (a
  // few hundred rows for a common name).
  const position = [
    source?.rowid ?? sql`cases.rowid`,
    sql`cases.seq`,
    input.sort.by === 'relevance' ? (source?.tier ?? sql`0`) : sql`0`,
    segments.length > 1 ? sql`CASE WHEN ${sql.raw(seg.where ?? '1')} THEN 0 ELSE 1 END` : sql`0`,
    ...seg.cols.map((c) => sql.raw(c)),
  ];
  const text = (
    await sql<{ j: string }>`SELECT json_group_array(json_array(${sql.raw(position.map((_, i) => `p${i}`).join(', '))})) AS j
      FROM (SELECT ${sql.join(position.map((p, i) => sql`${p} AS p${sql.raw(String(i))}`))} FROM ${from} ${where(conds)} ${cap === null ? sql`` : sql`LIMIT ${cap + 1}`})`.execute(db)
  ).rows[0].j;
  // Each entry: rowid, seq, tier, segment, the sort's columns.
  const found = JSON.parse(text) as KeyValue[][];
  if (cap !== null && found.length > cap) return null;
  // A case found by two of its words comes twice from the word rows: kept once, at its best tier.
  const best = new Map<number, KeyValue[]>();
  for (const entry of found) {
    const seen = best.get(entry[1] as number);
    if (!seen || (entry[2] as number) < (seen[2] as number)) best.set(entry[1] as number, entry);
  }
  const rows = best.size === found.length ? found : [...best.values()];
  const sign = seg.dir === 'asc' ? 1 : -1;
  const compare = (a: KeyValue[], b: KeyValue[]) => {
    for (let i = 2; i < a.length; i += 1) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return i < 4 ? c : c * sign;
    }
    return ((a[1] as number) - (b[1] as number)) * sign;
  };
  const { page, after } = firstAfter(rows, cursor ? [null, cursor.r, ...cursor.k] : null, input.limit, compare);
  const last = page[page.length - 1];
  const nextCursor =
    after > input.limit && last ? encodeCursor({ q: key, s: 0, k: last.slice(2), r: last[1] as number, m: source && !source.again ? undefined : 1 }) : null;
  return { rows: await readRows(db, page.map((entry) => entry[0] as number)), total: countTotal ? rows.length : null, nextCursor };
}


/** The old offset paging, for callers that still send an offset: walks the pages by cursor. */
async function offsetPage(db: Kysely<DB>, input: CaseListQuery, session: Session, now: Date): Promise<CaseListPage> {
  if (input.offset > 100_000) throw new AppError('VALIDATION', 'page by cursor beyond 100 000 rows', { params: { field: 'offset' } });
  let skipped = 0;
  let cursor: string | null = null;
  let total: number | null = null;
  while (skipped < input.offset) {
    const step: CaseListPage = await listCases(
      db,
      { ...input, offset: 0, cursor: cursor ?? undefined, limit: Math.min(200, input.offset - skipped), withTotal: total === null && input.withTotal !== false },
      session,
      now,
    );
    total ??= step.total;
    skipped += step.rows.length;
    cursor = step.nextCursor;
    if (!cursor) return { rows: [], total, nextCursor: null };
  }
  const page = await listCases(db, { ...input, offset: 0, cursor: cursor ?? undefined, withTotal: false }, session, now);
  return { ...page, total };
}
