// The case list at scale, checked on a generated office: keyset pages walk every sort completely
// and in order (same rows as one big sorted read), every list query's plan uses an index (no
// scan of the cases table, no temporary sort on the first page), a list view is audited once
// (not per page), and search tolerates misspellings.
import fs from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases, type ListTuning } from '../../../electron/core/cases/list';
import { planSearch } from '../../../electron/core/cases/list-search';
import { warmCaseList } from '../../../electron/core/cases/warm';
import { foldName } from '../../../shared/cases/names';
import { caseRiskRank } from '../../../shared/cases/risk';
import { createInProcessClient, type InProcessClient } from '../../../electron/core/client';
import type { Core } from '../../../electron/core/core';
import type { RawDatabase } from '../../../electron/core/db/open';
import type { DB } from '../../../electron/core/db/schema';
import type { Session } from '../../../electron/core/handler';
import { generateOffice, seedPasswords } from '../../../scripts/generator';
import { caseListInput, caseSortFields, type CaseListInput } from '../../../shared/cases/contract';
import { tempDir, testKdf } from '../../fixtures/core';
import { sessionOf } from '../../fixtures/session';
import { useStatsOf100k } from '../../fixtures/stats';

const now = new Date('2026-11-25T10:00:00Z');
let dir: string;
let core: Core;
let supervisor: InProcessClient;
let session: Session;

beforeAll(async () => {
  dir = tempDir();
  const office = await generateOffice({ dir, cases: 600, seed: 11, kdfCost: testKdf, now });
  core = office.core;
  supervisor = createInProcessClient(core);
  await supervisor.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
  session = await sessionOf(supervisor, 'supervisor1', 'supervisor');
}, 120_000);
afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A Kysely over the same connection that records every statement it runs, with its parameters. */
function recording(raw: RawDatabase) {
  const seen: { sql: string; params: unknown[] }[] = [];
  const database = new Proxy(raw, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver) as unknown;
      return (text: string) => {
        const stmt = target.prepare(text);
        return new Proxy(stmt, {
          get(s, p, r) {
            const value = Reflect.get(s, p, r) as unknown;
            if (typeof value !== 'function') return value;
            if (p === 'all' || p === 'iterate' || p === 'get' || p === 'run') {
              return (...params: unknown[]) => {
                seen.push({ sql: text, params: params.flat() });
                return (value as (...a: unknown[]) => unknown).apply(s, params);
              };
            }
            return (value as (...a: unknown[]) => unknown).bind(s);
          },
        });
      };
    },
  });
  return { db: new Kysely<DB>({ dialect: new SqliteDialect({ database }) }), seen };
}

async function allPages(input: CaseListInput, limit: number, tuning: ListTuning = {}, as: Session = session) {
  const { db } = core.store.get();
  const seqs: number[] = [];
  let cursor: string | undefined;
  let total: number | null = null;
  for (let guard = 0; guard < 1000; guard += 1) {
    const page = await listCases(db, caseListInput.parse({ ...input, cursor, limit }), as, now, tuning);
    if (!cursor) total = page.total;
    else expect(page.total).toBeNull();
    seqs.push(...page.rows.map((r) => r.seq));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { seqs, total };
}

/** ORDER BY of a plain sorted read, the reference for every sort (a search's relevance: its tier first). */
function referenceOrder(by: string, dir: 'asc' | 'desc'): string {
  const d = dir.toUpperCase();
  const flip = dir === 'asc' ? 'DESC' : 'ASC';
  const order: Record<string, string> = {
    number: `seq ${d}`,
    name: `lower(family_name) || char(31) || lower(given_name) ${d}, seq ${d}`,
    registeredAt: `registered_at ${d}, seq ${d}`,
    updatedAt: `updated_at ${d}, seq ${d}`,
    risk: `risk_rank ${d}, updated_at ${d}, seq ${d}`,
    reviewDue: `review_due IS NULL, review_due ${d}, seq ${d}`,
    age: `birth_year_sort IS NULL, birth_year_sort ${flip}, seq ${flip}`,
    relevance: 'updated_at DESC, seq DESC',
  };
  return order[by];
}

/** The plain SQL of a list's filters (the reference the list's own conditions are checked against), with its parameters. */
function referenceWhere(f: CaseListInput & { worker?: string }): [string, unknown[]] {
  const terms: [string, unknown[] | undefined][] = [
    ['(worker_id = ? OR family_worker_id = ?)', f.worker ? [f.worker, f.worker] : undefined],
    [`stage IN (${f.stages?.map(() => '?').join(',')})`, f.stages],
    ['status = ?', f.status ? [f.status] : undefined],
    [`risk_rank IN (${f.riskLevels?.map(() => '?').join(',')})`, f.riskLevels?.map((r) => caseRiskRank[r])],
    ['priority = ?', f.priority ? [f.priority] : undefined],
    ['area = ?', f.area ? [f.area] : undefined],
    [`status = 'open' AND review_due < ?`, f.overdue ? [now.toISOString().slice(0, 10)] : undefined],
  ];
  const used = terms.filter(([, values]) => values);
  return [['1', ...used.map(([cond]) => cond)].join(' AND '), used.flatMap(([, values]) => values!)];
}

const filterSets: CaseListInput[] = [
  {},
  { stages: ['tracing_assessment', 'preparation'], riskLevels: ['high'] },
  { status: 'open', priority: 'urgent' },
  { overdue: true },
];

describe('keyset paging', () => {
  it('walks every sort in both directions completely, without repeats, in the order of one sorted read', async () => {
    const { raw } = core.store.get();
    for (const by of caseSortFields) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const filters of filterSets) {
          const { seqs, total } = await allPages({ ...filters, sort: { by, dir } }, 37);
          expect(new Set(seqs).size).toBe(seqs.length);
          expect(seqs.length).toBe(total);
          // The same order from one plain sorted read of everything (the reference).
          const whole = await listCases(core.store.get().db, caseListInput.parse({ ...filters, sort: { by, dir }, limit: 200 }), session, now);
          expect(seqs.slice(0, whole.rows.length)).toEqual(whole.rows.map((r) => r.seq));
        }
      }
    }
    // Unfiltered, against a plain sorted read of the whole table (empty review dates and ages last).
    const reference = (by: string, dir: 'asc' | 'desc') =>
      (raw.prepare(`SELECT seq FROM cases ORDER BY ${referenceOrder(by, dir)}`).all() as { seq: number }[]).map((r) => r.seq);
    for (const by of caseSortFields) {
      for (const dir of ['asc', 'desc'] as const) {
        expect({ by, dir, seqs: (await allPages({ sort: { by, dir } }, 97)).seqs }).toEqual({ by, dir, seqs: reference(by, dir) });
      }
    }
  }, 120_000);

  it("a case worker's list, or a worker's: their caseload only (child's or family's worker), every page in the sort's order", async () => {
    const { raw } = core.store.get();
    const busiest = raw
      .prepare(`SELECT worker_id AS id FROM cases WHERE worker_id IS NOT NULL GROUP BY worker_id ORDER BY count(*) DESC LIMIT 1`)
      .get() as { id: string };
    // Some of another worker's cases have this worker as the family's worker.
    raw.exec(`SAVEPOINT family; UPDATE cases SET family_worker_id = '${busiest.id}' WHERE worker_id != '${busiest.id}' AND seq % 9 = 0`);
    try {
      const worker = { ...session, userId: busiest.id, role: 'caseworker' } as Session;
      let checked = 0;
      for (const by of caseSortFields.filter((b) => b !== 'relevance')) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const filters of filterSets) {
            const [where, params] = referenceWhere({ ...filters, worker: busiest.id });
            const reference = (raw.prepare(`SELECT seq FROM cases WHERE ${where} ORDER BY ${referenceOrder(by, dir)}`).all(...params) as { seq: number }[]).map((r) => r.seq);
            // As the worker themself, and as a supervisor filtering by that worker: the same pages.
            for (const [as, extra] of [[worker, {}], [session, { workerId: busiest.id }]] as const) {
              const { seqs, total } = await allPages({ ...filters, ...extra, sort: { by, dir } }, 23, {}, as);
              expect({ by, dir, filters, seqs, total }).toEqual({ by, dir, filters, seqs: reference, total: reference.length });
            }
            checked += reference.length;
          }
        }
      }
      expect(checked).toBeGreaterThan(500);
    } finally {
      raw.exec('ROLLBACK TO family; RELEASE family');
    }
  }, 120_000);

  it('a search with more matches than are ordered in memory, narrowed by filters: read from its full-text matches in one pass, the same pages as walking the sort index', async () => {
    const { raw } = core.store.get();
    const common = (raw.prepare(`SELECT family_name AS n FROM cases WHERE family_name != '' GROUP BY family_name ORDER BY count(*) DESC LIMIT 2`).all() as { n: string }[]).map((r) => r.n);
    let compared = 0;
    // Two words, one of them a prefix: both full-text indexes narrow the matches.
    const pair = raw.prepare(`SELECT family_name AS f, substr(given_name, 1, 2) AS g FROM cases WHERE family_name IN (${common.map(() => '?').join(',')}) GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`).get(...common) as { f: string; g: string };
    for (const search of [...common, `${pair.f} ${pair.g}`]) {
      const matching = (await listCases(core.store.get().db, caseListInput.parse({ search, sort: { by: 'name', dir: 'asc' } }), session, now, { searchSetCap: 2 })).total;
      expect(matching).toBeGreaterThan(2); // more than the shrunk cap: the many-matches way
      // (Medium and high risk alone: enough matches of a common name for later pages sorted by risk.)
      for (const filters of [...filterSets.slice(1), { riskLevels: ['medium', 'high'] }] as CaseListInput[]) {
        for (const by of caseSortFields) {
          for (const dir of ['asc', 'desc'] as const) {
            const input = { ...filters, search, sort: { by, dir } };
            // searchSetCap 2: "many matches"; smallSet 1: too many for memory, so the sort index is walked.
            const narrowed = await allPages(input, 7, { searchSetCap: 2 });
            const walked = await allPages(input, 7, { searchSetCap: 2, smallSet: 1 });
            expect({ search, filters, by, dir, ...narrowed }).toEqual({ search, filters, by, dir, ...walked });
            expect(new Set(narrowed.seqs).size).toBe(narrowed.total);
            compared += narrowed.seqs.length;
          }
        }
      }
      // The search alone, walked (the sort index, or the word rows by relevance): every page equals
      // one sorted read of the trigram index's matches.
      const sets = [...new Set(foldName(search).split(' '))].map((w) =>
        (raw.prepare(`SELECT rowid FROM ${w.length >= 3 ? 'cases_search WHERE cases_search' : 'cases_words WHERE cases_words'} MATCH ?`).pluck().all(w.length >= 3 ? `"${w}"` : `"${w}"*`) as number[]),
      );
      const matches = sets[0].filter((r) => sets.every((set) => set.includes(r)));
      for (const by of caseSortFields) {
        for (const dir of ['asc', 'desc'] as const) {
          const expected = raw.prepare(`SELECT seq FROM cases WHERE rowid IN (${matches.join(',')}) ORDER BY ${referenceOrder(by, dir)}`).pluck().all() as number[];
          const walked = await allPages({ search, sort: { by, dir } }, 7, { searchSetCap: 2 });
          expect({ search, by, dir, ...walked }).toEqual({ search, by, dir, seqs: expected, total: expected.length });
          compared += expected.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  }, 120_000);

  it('a search with few matches, exact ones then tolerated spellings: the rows, order and total of a plain read of the full-text indexes', async () => {
    const { raw, db } = core.store.get();
    const name = (raw.prepare(`SELECT family_name AS n FROM cases WHERE length(family_name) >= 6 AND family_name GLOB '[A-Z]*' GROUP BY family_name ORDER BY count(*) DESC LIMIT 1`).get() as { n: string }).n;
    const ids = (query: string, param: string, limit = -1) => (raw.prepare(`SELECT rowid AS r FROM ${query} MATCH ? LIMIT ${limit}`).all(param) as { r: number }[]).map((r) => r.r);
    const quoted = (w: string) => `"${w}"`;
    // Exact matches, from the full-text indexes alone: every word of 3+ letters a substring (trigram
    // index), every shorter one the start of a word (word index).
    const exactOf = (search: string) => {
      const sets = [...new Set(foldName(search).split(' ').filter(Boolean))].map((w) =>
        w.length >= 3 ? ids('cases_search WHERE cases_search', quoted(w)) : ids('cases_words WHERE cases_words', `${quoted(w)}*`),
      );
      return sets[0].filter((r) => sets.every((set) => set.includes(r)));
    };
    // Tolerated ones: the plan's spellings of the first (longest) word, closest first, each read from
    // the word index within the filters, in the order of the word rows' key (stage, status, risk,
    // case: migration 30), kept when the other words have one of theirs; cut at the cap, then the
    // exact ones left out.
    const inKeyOrder = (rowids: number[], filter: string) =>
      raw.prepare(`SELECT rowid FROM cases WHERE rowid IN (${rowids.join(',') || 'NULL'}) AND ${filter} ORDER BY stage, status, risk_rank, rowid`).pluck().all() as number[];
    const tolerantOf = async (search: string, exact: number[], cap: number, filter = '1') => {
      const plan = await planSearch(db, search, db);
      if (plan.kind !== 'words' || !plan.tolerant) return [];
      const others = plan.tolerant.slice(1).map((g) => new Set(ids('cases_words WHERE cases_words', g.map(quoted).join(' OR '))));
      const found = plan.tolerant[0].flatMap((w) => inKeyOrder(ids('cases_words WHERE cases_words', quoted(w)), filter).filter((r) => others.every((set) => set.has(r))));
      return [...new Set(found.slice(0, cap).filter((r) => !exact.includes(r)))];
    };
    // Words that have exact matches and tolerated spellings that are not exact ones (both tiers).
    const vocabulary = (raw.prepare(`SELECT term FROM cases_words_vocab WHERE term >= 'a' AND term NOT GLOB '*[0-9]*' AND length(term) >= 4`).all() as { term: string }[]).map((r) => r.term);
    const bothTiers: string[] = [];
    for (const word of vocabulary) {
      if ((await tolerantOf(word, exactOf(word), 600)).length > 0) bothTiers.push(word);
      if (bothTiers.length === 2) break;
    }
    expect(bothTiers).toHaveLength(2);
    // Those, a misspelling (no exact match: tolerated ones only), a prefix, two words, two misspelt words.
    // And a case number's digits (exact matches only, from the trigram index).
    const digits = (raw.prepare(`SELECT number FROM cases ORDER BY seq LIMIT 1 OFFSET 11`).pluck().get() as string).slice(-4);
    const searches = [...bothTiers, name.slice(0, 3) + name.slice(4), name.slice(0, 2), `${name.slice(0, 4)} a`, `${name.slice(0, 3) + name.slice(4)} ${bothTiers[0]}`, digits];
    const filterSql: Record<string, string> = { '{}': '1', '{"stages":["tracing_assessment","preparation"],"riskLevels":["high"]}': `stage IN ('tracing_assessment', 'preparation') AND risk_rank = ${caseRiskRank.high}`, '{"status":"open","priority":"urgent"}': `status = 'open' AND priority = 'urgent'` };
    let compared = 0;
    // 600: the app's cap; 5: the tolerated spellings' list is cut at the cap.
    for (const cap of [600, 5]) {
      for (const search of searches) {
        const exact = exactOf(search);
        if (exact.length > cap) continue; // not this way
        const tier = `CASE WHEN rowid IN (${exact.join(',') || 'NULL'}) THEN 0 ELSE 1 END`;
        for (const filters of filterSets.slice(0, 3)) {
          const tolerant = await tolerantOf(search, exact, cap, filterSql[JSON.stringify(filters)]);
          for (const by of caseSortFields) {
            for (const dir of ['asc', 'desc'] as const) {
              const order = by === 'relevance' ? `${tier}, ${referenceOrder(by, dir)}` : referenceOrder(by, dir);
              const expected = (raw.prepare(`SELECT seq FROM cases WHERE rowid IN (${[...exact, ...tolerant].join(',') || 'NULL'}) AND ${filterSql[JSON.stringify(filters)]} ORDER BY ${order}`).all() as { seq: number }[]).map((r) => r.seq);
              const paged = await allPages({ ...filters, search, sort: { by, dir } }, 7, { searchSetCap: cap });
              expect({ search, cap, filters, by, dir, ...paged }).toEqual({ search, cap, filters, by, dir, seqs: expected, total: expected.length });
              compared += expected.length;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  }, 120_000);

  it('refuses a cursor from another query', async () => {
    const first = await supervisor.ok('cases.list', { sort: { by: 'number', dir: 'asc' }, limit: 5 });
    expect(first.nextCursor).not.toBeNull();
    const other = await supervisor.call('cases.list', { sort: { by: 'name', dir: 'asc' }, cursor: first.nextCursor!, limit: 5 });
    expect(other.ok ? null : other.error.code).toBe('VALIDATION');
  });

  it('audits a list view once, not once per page', async () => {
    const { raw } = core.store.get();
    const before = (raw.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.list'`).get() as { n: number }).n;
    let page = await supervisor.ok('cases.list', { limit: 50 });
    for (let i = 0; i < 4 && page.nextCursor; i += 1) page = await supervisor.ok('cases.list', { cursor: page.nextCursor, limit: 50 });
    const after = (raw.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.list'`).get() as { n: number }).n;
    expect(after - before).toBe(1);
  });
});

describe('query plans', () => {
  it('every list query uses an index: no scan of the cases table, no temporary sort for ORDER BY', async () => {
    const { raw } = core.store.get();
    useStatsOf100k(raw);
    const { db, seen } = recording(raw);
    for (const by of caseSortFields) {
      for (const filters of [...filterSets, { search: 'mar' }, { search: 'a' }, { search: 'okelo', stages: ['preparation'] }, { search: 'okelo', riskLevels: ['high'] }, { search: 'okelo', status: 'open' }] as CaseListInput[]) {
        const first = await listCases(db, caseListInput.parse({ ...filters, sort: { by, dir: 'desc' }, limit: 20 }), session, now);
        if (first.nextCursor) await listCases(db, caseListInput.parse({ ...filters, sort: { by, dir: 'desc' }, cursor: first.nextCursor, limit: 20 }), session, now);
      }
    }
    // A common name's many matches alone, by relevance: one range of its word rows in that order.
    // (The commonest family name that no other word of the names contains: its matches are one word's.)
    const names = raw.prepare(`SELECT lower(family_name) FROM cases WHERE family_name NOT LIKE '% %' GROUP BY 1 ORDER BY count(*) DESC`).pluck().all() as string[];
    let common = '';
    for (const name of names) {
      const plan = await planSearch(db, name, db);
      if (plan.kind === 'words' && plan.exact[0].length === 1) common = name;
      if (common) break;
    }
    for (const by of ['relevance', 'updatedAt'] as const) {
      const input = caseListInput.parse({ search: common, sort: { by, dir: 'desc' }, limit: 5 });
      const first = await listCases(db, input, session, now, { searchSetCap: 2 });
      await listCases(db, { ...input, cursor: first.nextCursor! }, session, now, { searchSetCap: 2 });
    }
    expect(seen.filter((q) => q.sql.includes('INDEXED BY case_name_words_updated')).length).toBe(4);
    // A case worker's lists: their caseload through the worker indexes.
    const owner = raw.prepare(`SELECT worker_id AS id FROM cases WHERE worker_id IS NOT NULL GROUP BY worker_id ORDER BY count(*) DESC LIMIT 1`).get() as { id: string };
    const worker = { ...session, userId: owner.id, role: 'caseworker' } as Session;
    for (const filters of filterSets) {
      const first = await listCases(db, caseListInput.parse({ ...filters, sort: { by: 'name', dir: 'asc' }, limit: 20 }), worker, now);
      if (first.nextCursor) await listCases(db, caseListInput.parse({ ...filters, sort: { by: 'name', dir: 'asc' }, cursor: first.nextCursor, limit: 20 }), worker, now);
    }
    expect(seen.some((q) => q.sql.includes('INDEXED BY cases_worker'))).toBe(true);
    // Sorted and filtered by risk, paged along the index (small sets are otherwise ordered in memory here).
    for (const dir of ['desc', 'asc'] as const) {
      const input = { riskLevels: ['medium', 'high'], sort: { by: 'risk', dir }, limit: 20 };
      const first = await listCases(db, caseListInput.parse(input), session, now, { smallSet: 0 });
      await listCases(db, caseListInput.parse({ ...input, cursor: first.nextCursor }), session, now, { smallSet: 0 });
    }
    // A search of letters reads ranges of the word rows by their word, never the whole table.
    const words = seen.filter((q) => q.sql.includes('FROM case_name_words'));
    expect(words.length).toBeGreaterThan(5);
    let filteredReads = 0;
    for (const { sql, params } of words) {
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      expect({ sql, scans: plan.filter((d) => /SCAN case_name_words\b/.test(d)) }).toEqual({ sql, scans: [] });
      // Filtered by stage, status or risk, a word's rows are read by seeks into those ranges of the
      // key (word, stage, status, risk_rank, r: migration 30), not tested row by row. (The exact ones
      // left out of the tolerated spellings are read by word alone.)
      const filtered = ['stage', 'status', 'risk_rank'].filter((c) => new RegExp(`cases\\.${c} (IN|=)`).test(sql));
      if (filtered.length === 0 || sql.includes('INDEXED BY case_name_words_updated')) continue;
      const deepest = filtered[filtered.length - 1];
      const key = ['word=?', 'stage=?', 'status=?', 'risk_rank=?'].slice(0, ['word', 'stage', 'status', 'risk_rank'].indexOf(deepest) + 1).join(' AND ');
      expect({ sql, plan }).toEqual({ sql, plan: expect.arrayContaining([`SEARCH case_name_words USING PRIMARY KEY (${key})`]) });
      filteredReads += 1;
    }
    expect(filteredReads).toBeGreaterThan(3);
    const plans = seen
      .filter((q) => /\bFROM cases\b/.test(q.sql) && /^\s*SELECT/i.test(q.sql))
      .map((q) => ({ sql: q.sql, plan: (raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail) }));
    expect(plans.length).toBeGreaterThan(50);
    for (const { sql, plan } of plans) {
      const scans = plan.filter((d) => /^SCAN cases\b/.test(d) && !/USING (COVERING )?INDEX/.test(d));
      expect({ sql, scans }).toEqual({ sql, scans: [] });
      if (/ORDER BY/.test(sql)) expect({ sql, plan: plan.filter((d) => d.includes('TEMP B-TREE')) }).toEqual({ sql, plan: [] });
      if (/count\(\*\)/.test(sql) && !/MATCH|IN \(SELECT/.test(sql)) expect({ sql, plan }).toEqual({ sql, plan: [expect.stringMatching(/USING COVERING INDEX/)] });
    }
    // A later page sorted and filtered by risk is one two-sided range of the risk index (the far
    // level and the cursor), not a seek per level passing the levels before the cursor's.
    const riskPages = plans.filter((p) => p.sql.includes('+cases.risk_rank IN'));
    expect(riskPages.length).toBeGreaterThan(0);
    for (const { sql, plan } of riskPages) expect({ sql, plan }).toEqual({ sql, plan: [expect.stringMatching(/cases_list_risk \((risk_rank[<>]\? AND \(risk_rank,updated_at,seq\)[<>]\(\?,\?,\?\)|\(risk_rank,updated_at,seq\)[<>]\(\?,\?,\?\) AND risk_rank[<>]\?)\)/)] });
  }, 60_000);
});

describe('totals', () => {
  it('summed from the counts kept per filter combination equal counting the cases, for every combination, through writes', async () => {
    const { db, raw } = core.store.get();
    const areas = (raw.prepare(`SELECT area FROM cases GROUP BY area ORDER BY count(*) DESC LIMIT 2`).all() as { area: string }[]).map((r) => r.area);
    const combos: CaseListInput[] = [];
    for (const stages of [undefined, ['preparation'], ['tracing_assessment', 'follow_up']] as const)
      for (const status of [undefined, 'open', 'halted'] as const)
        for (const riskLevels of [undefined, ['high'], ['low', 'medium']] as const)
          for (const priority of [undefined, 'urgent'] as const)
            for (const area of [undefined, ...areas]) combos.push({ stages: stages && [...stages], status, riskLevels: riskLevels && [...riskLevels], priority, area });
    const counted = (f: CaseListInput) => {
      const [where, params] = referenceWhere(f);
      return (raw.prepare(`SELECT count(*) AS n FROM cases WHERE ${where}`).get(...params) as { n: number }).n;
    };
    const check = async () => {
      let nonEmpty = 0;
      for (const f of combos) {
        const page = await listCases(db, caseListInput.parse({ ...f, limit: 5 }), session, now);
        const n = counted(f);
        expect({ f, total: page.total }).toEqual({ f, total: n });
        if (n > 0) nonEmpty += 1;
      }
      expect(nonEmpty).toBeGreaterThan(combos.length / 3);
      // And the kept counts are exactly the cases grouped (no combination missing or left over).
      const kept = raw.prepare(`SELECT stage, status, risk_rank, priority, area, n FROM case_counts WHERE n != 0 ORDER BY 1, 2, 3, 4, 5`).all();
      const grouped = raw.prepare(`SELECT stage, status, risk_rank, priority, area, count(*) AS n FROM cases GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`).all();
      expect(kept).toEqual(grouped);
    };
    await check();
    // Moves between combinations (each column alone and several at once), a new case, a removed one.
    raw.exec(`SAVEPOINT counts;
      UPDATE cases SET stage = 'follow_up' WHERE seq % 7 = 0 AND stage = 'preparation';
      UPDATE cases SET risk_level = 'high', risk_rank = ${caseRiskRank.high} WHERE seq % 5 = 1;
      UPDATE cases SET status = 'halted', priority = 'urgent', area = '${areas[1]}' WHERE seq % 11 = 2;
      UPDATE cases SET given_name = given_name || 'a' WHERE seq % 3 = 0;`);
    const copy = raw.prepare(`SELECT * FROM cases ORDER BY seq DESC LIMIT 1`).get() as Record<string, unknown>;
    // (table_info leaves out the generated columns.)
    const columns = (raw.prepare(`SELECT name FROM pragma_table_info('cases')`).all() as { name: string }[]).map((r) => r.name);
    raw.prepare(`INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      ...columns.map((c) => (c === 'id' ? 'counts-new' : c === 'seq' ? Number(copy.seq) + 1000 : c === 'number' ? `${String(copy.number)}-N` : copy[c])),
    );
    raw.prepare(`DELETE FROM cases WHERE id = 'counts-new'`).run();
    raw.prepare(`INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      ...columns.map((c) => (c === 'id' ? 'counts-new2' : c === 'seq' ? Number(copy.seq) + 1001 : c === 'number' ? `${String(copy.number)}-M` : c === 'stage' ? 'closure' : copy[c])),
    );
    try {
      await check();
    } finally {
      raw.exec('ROLLBACK TO counts; RELEASE counts');
    }
  }, 120_000);
});

describe('search', () => {
  it('finds a renamed case by its new name at once, whatever time the case says it was updated', async () => {
    const { raw, db } = core.store.get();
    expect((await listCases(db, caseListInput.parse({ search: 'zyxwvut' }), session, now)).total).toBe(0);
    const seq = raw.prepare('SELECT seq FROM cases ORDER BY seq LIMIT 1 OFFSET 3').pluck().get() as number;
    raw.prepare(`UPDATE cases SET search_text = search_text || ' zyxwvut', updated_at = '2001-01-01T00:00:00.000Z' WHERE seq = ?`).run(seq);
    const found = await listCases(db, caseListInput.parse({ search: 'zyxwvut' }), session, now);
    expect(found.rows.map((r) => r.seq)).toEqual([seq]);
  });

  it('a search of punctuation alone lists as without a search, and pages the same', async () => {
    for (const search of ['-', "'", ' ¿ ']) {
      const input = { search, stages: ['tracing_assessment', 'preparation'], sort: { by: 'name', dir: 'asc' } } as CaseListInput;
      expect(await allPages(input, 40)).toEqual(await allPages({ ...input, search: undefined }, 40));
    }
  });

  it('tolerates misspellings and ranks exact matches first', async () => {
    const { raw } = core.store.get();
    const row = raw.prepare(`SELECT family_name FROM cases WHERE length(family_name) >= 6 AND family_name GLOB '[A-Z]*' LIMIT 1`).get() as { family_name: string };
    const name = row.family_name;
    // Drop one inner letter: "Okello" → "Okelo".
    const misspelt = name.slice(0, 3) + name.slice(4);
    const exact = await supervisor.ok('cases.list', { search: name, sort: { by: 'relevance', dir: 'desc' } });
    const tolerant = await supervisor.ok('cases.list', { search: misspelt, sort: { by: 'relevance', dir: 'desc' } });
    expect(exact.total).toBeGreaterThan(0);
    expect(tolerant.rows.some((r) => r.familyName === name)).toBe(true);
    const withName = await supervisor.ok('cases.list', { search: `${name}`, sort: { by: 'relevance', dir: 'desc' }, limit: 200 });
    expect(withName.rows[0].familyName.toLowerCase()).toContain(name.toLowerCase().slice(0, 3));
  });
});

describe('audit verification', () => {
  it('is incremental after a first check, and the full check runs in a worker with the same verdict', async () => {
    const admin = createInProcessClient(core);
    await admin.ok('session.login', { username: 'admin', password: seedPasswords.admin });
    const first = await admin.ok('audit.verify', {});
    expect(first.intact).toBe(true);
    await supervisor.ok('cases.list', {});
    const second = await admin.ok('audit.verify', {});
    expect(second).toMatchObject({ intact: true });
    expect(second.fromId).toBeGreaterThan(0);
    expect(second.checked).toBeLessThan(10);

    let progress = await admin.ok('audit.verifyFull', { start: true });
    expect(progress.state).toBe('running');
    for (let i = 0; i < 300 && progress.state === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = await admin.ok('audit.verifyFull', {});
    }
    expect(progress.state).toBe('done');
    expect(progress.result).toMatchObject({ intact: true, checked: progress.total });
    admin.close();
  }, 60_000);
});

describe('warming the case list after unlock', () => {
  it('reads the word rows and the case rows in slices after the office opens, answering calls between them, and stops when the office closes', async () => {
    // The office in beforeAll was opened by its login: its warming ran through every slice.
    const warmed = await core.store.warming;
    expect(warmed).toMatchObject({ done: true });
    const { raw } = core.store.get();
    const words = raw.prepare(`SELECT count(DISTINCT word) FROM case_name_words`).pluck().get() as number;
    const maxRowid = raw.prepare(`SELECT max(rowid) FROM cases`).pluck().get() as number;
    expect(warmed!.slices).toBe(Math.ceil(words / 16) + Math.ceil(maxRowid / 4000));

    // One word and ten cases a slice: a list call made meanwhile is answered before the warming
    // ends; the office "closes" after five slices, and the warming stops there.
    let checks = 0;
    let ended = false;
    const warming = warmCaseList(raw, () => (checks += 1) <= 5, { wordsPerSlice: 1, casesPerSlice: 10 }).then((result) => {
      ended = true;
      return result;
    });
    const page = await supervisor.ok('cases.list', { search: 'a', limit: 5 });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(ended).toBe(false);
    expect(await warming).toMatchObject({ done: false, slices: 5 });
  });
});
