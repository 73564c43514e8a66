// Node-only. Search terms of the case list, spelling- and transliteration-tolerant like the
// duplicate check: each word of the search is matched against the distinct words of all names
// (held in memory, a few hundred even at 100 000 cases) by substring, prefix, trigram similarity
// and sound key; the words found are read from `case_name_words` (migration 29), exact ones ranked
// first. A search with digits (a case number) is matched exactly by the full-text indexes.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dice, foldName, soundKey, trigrams } from '../../../shared/cases/names';
import type { DB } from '../db/schema';
import type { CaseListInput } from '../../../shared/cases/contract';
import { caseRiskRank } from '../../../shared/cases/risk';
import { caseStatuses, stages } from '../../../shared/cases/stages';

interface VocabWord {
  word: string;
  grams: Set<string>;
  /** The sound key; for Arabic script, of a Latin transliteration, so "Mohamed" finds محمد. */
  sound: string;
  arabic: boolean;
  /** A word with digits (from a case number): matched exactly only. */
  digits: boolean;
}

const arabicToLatin: Record<string, string> = {
  ا: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  و: 'w', ي: 'y', ء: '', ئ: 'y', ؤ: 'w',
};
const arabicScript = /[\u0600-\u06FF]/u;

/** A rough Latin spelling of a folded Arabic word (consonants; vowels are not written). */
export function transliterate(word: string): string {
  return [...word].map((c) => arabicToLatin[c] ?? c).join('');
}

/**
 * The names' vocabulary: the distinct words of `case_name_words` (migration 29), read by skipping
 * from one word to the next (a seek each, a few hundred even at 100 000 cases), and kept until a
 * case's words come or go (case_words_version, bumped by the same triggers: a rename is seen at
 * once, whatever time the case says it was updated).
 */
const vocabularies = new WeakMap<object, { signature: number; words: VocabWord[] }>();

/** The distinct words of case_name_words, in order: a seek from each to the next. */
export const vocabularySql = `WITH RECURSIVE v(word) AS (
    SELECT min(word) FROM case_name_words
    UNION ALL SELECT (SELECT min(word) FROM case_name_words WHERE word > v.word) FROM v WHERE v.word IS NOT NULL
  ) SELECT word FROM v WHERE word IS NOT NULL`;

async function vocabulary(db: Kysely<DB>, owner: object): Promise<VocabWord[]> {
  const signature = Number((await sql<{ n: number }>`SELECT n FROM case_words_version`.execute(db)).rows[0]?.n);
  const cached = vocabularies.get(owner);
  if (cached && cached.signature === signature) return cached.words;
  const terms = await sql<{ word: string }>`${sql.raw(vocabularySql)}`.execute(db);
  const words = terms.rows.map(({ word }) => {
    const arabic = arabicScript.test(word);
    return { word, grams: trigrams(word), sound: soundKey(arabic ? transliterate(word) : word), arabic, digits: /\p{N}/u.test(word) };
  });
  vocabularies.set(owner, { signature, words });
  return words;
}

/** Each tolerated word with its likeness to `w` (1 for a word that contains it), best first. */
function tolerated(vocab: VocabWord[], w: string): { word: string; score: number }[] {
  const grams = trigrams(w);
  const arabic = arabicScript.test(w);
  const sound = soundKey(arabic ? transliterate(w) : w);
  const threshold = w.length <= 4 ? 0.6 : 0.5;
  const hits: { word: string; score: number }[] = [];
  for (const v of vocab) {
    // Names are letters: a case number's word (letters and digits) is matched exactly only.
    if (v.digits) continue;
    if (v.word.includes(w)) {
      hits.push({ word: v.word, score: 1 });
      continue;
    }
    const similar = dice(grams, v.grams);
    const sameSound = sound.length >= 2 && v.sound === sound;
    // Across scripts only the sound can match; within one, the sound must be backed by letters.
    if (similar >= threshold || (sameSound && (v.arabic !== arabic || similar >= 0.3))) hits.push({ word: v.word, score: similar });
  }
  return hits.sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/** The vocabulary's words that a word may be a spelling of (substring, trigrams, sound), closest first. */
export async function tolerantWords(db: Kysely<DB>, w: string, owner: object): Promise<string[]> {
  return tolerated(await vocabulary(db, owner), w).map((hit) => hit.word);
}

export const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * How a search is read.
 * - `words`: a search of letters only (names). For each word of the search, the vocabulary words
 *   it matches exactly — those that contain it (3 letters or more: what the trigram index finds)
 *   or begin with it (1–2 letters: what the word index's prefixes find) — and, for words of 3
 *   letters or more, those it tolerates, closest spelling first. Read from `case_name_words`.
 * - `fts`: a search with digits (a case number): exact matches only, from the full-text indexes
 *   (trigram: substrings; words: prefixes of 1–2 characters).
 */
export type SearchPlan =
  | { kind: 'words'; exact: string[][]; tolerant: string[][] | null; fts: FtsQuery }
  | ({ kind: 'fts' } & FtsQuery);

/** The exact matches as full-text queries: trigram (words of 3+ characters), word prefixes (shorter). */
interface FtsQuery {
  trigram: string | null;
  words: string | null;
}

const letters = /^\p{L}+$/u;

function ftsQuery(words: string[]): FtsQuery {
  const long = words.filter((w) => w.length >= 3);
  const short = words.filter((w) => w.length < 3);
  return {
    trigram: long.length > 0 ? long.map(quote).join(' AND ') : null,
    words: short.length > 0 ? short.map((w) => `${quote(w)}*`).join(' AND ') : null,
  };
}

/**
 * The exact matches are one word of the vocabulary's rows (or none): each case once, in the key's
 * order. When the search's leading word matches several words (a prefix: "ok" is in Okello, Okot,
 * Okeke…), their rows would have to be merged and counted once each — a temporary index of
 * thousands of rows (3.4 ms at 100 000 cases for a two-word prefix, searched alone) — where the
 * full-text indexes hold one list for the prefix: those count and test the exact matches then.
 */
type WordsPlan = Extract<SearchPlan, { kind: 'words' }>;
const oneWord = (plan: WordsPlan) => plan.exact[0].length <= 1;

/** The one vocabulary word whose rows are a search's exact matches (a whole name searched alone), or null. */
export const soleWord = (plan: SearchPlan): string | null => (plan.kind === 'words' && oneWord(plan) && plan.exact.length === 1 ? (plan.exact[0][0] ?? null) : null);

export async function planSearch(db: Kysely<DB>, search: string, owner: object): Promise<SearchPlan> {
  // The longest word first: it leads the read (the fewest matches, as a rule).
  const words = [...new Set(foldName(search).split(' ').filter(Boolean))].sort((a, b) => b.length - a.length);
  const fts = ftsQuery(words);
  if (words.length === 0 || !words.every((w) => letters.test(w))) return { kind: 'fts', ...fts };
  const vocab = await vocabulary(db, owner);
  const exact = words.map((w) => vocab.filter((v) => (w.length >= 3 ? v.word.includes(w) : v.word.startsWith(w))).map((v) => v.word));
  // Tolerance needs a few letters to go on.
  if (words.some((w) => w.length < 3)) return { kind: 'words', exact, tolerant: null, fts };
  const tolerant: string[][] = [];
  for (const w of words) {
    let hits = tolerated(vocab, w).map((hit) => hit.word);
    // One word: a case found by one of its exact spellings is an exact match, so the tolerated
    // ones alone are read for the second tier (the cap is theirs).
    if (words.length === 1) hits = hits.filter((hit) => !exact[0].includes(hit));
    if (hits.length === 0) return { kind: 'words', exact, tolerant: null, fts };
    tolerant.push(hits.slice(0, 300));
  }
  return { kind: 'words', exact, tolerant, fts };
}

/**
 * The rows of `case_name_words` of the cases that have, for every group, one of its words: the
 * first group's words read in the group's order (closest spelling first), one range each, the
 * others tested by case. A case with two words of the first group comes twice (readers dedupe).
 * `conds`: the list's filters, on the rows named `cases` (seeks into each word's range).
 */
function wordRows(groups: string[][], columns: RawBuilder<unknown> = sql`*`, conds: RawBuilder<unknown>[] = []): RawBuilder<unknown> {
  if (groups.length === 0 || groups.some((g) => g.length === 0)) return sql`SELECT ${columns} FROM case_name_words WHERE word = ''`; // no word is empty: nothing
  const others = [
    ...groups.slice(1).map((g) => sql` AND r IN (SELECT r FROM case_name_words WHERE word IN (${sql.join(g)}))`),
    ...conds.map((c) => sql` AND ${c}`),
  ];
  const [lead] = groups;
  const read = (w: string) => sql`SELECT ${columns} FROM case_name_words AS cases WHERE word = ${w}${sql.join(others, sql``)}`;
  return lead.length === 1 ? read(lead[0]) : sql.join(lead.map(read), sql` UNION ALL `);
}

/**
 * The filters' conditions on a search's word rows, whose key is (word, stage, status, risk_rank, r)
 * (migration 30): a column before the last filtered one that is not filtered itself is named with
 * all its values, so the filters are seeks into the word's range rather than a test of each of its
 * rows ("Okello" at medium or high risk alone: 5 stages × 3 statuses × 2 risks, 30 short ranges,
 * rather than all 2 600 of its rows at 100 000 cases).
 */
export function wordKeyConditions(input: Pick<CaseListInput, 'stages' | 'status' | 'riskLevels'>): RawBuilder<unknown>[] {
  const keyed = [
    { column: 'stage', chosen: input.stages?.length, all: stages as readonly (string | number)[] },
    { column: 'status', chosen: input.status, all: caseStatuses as readonly (string | number)[] },
    { column: 'risk_rank', chosen: input.riskLevels?.length, all: Object.values(caseRiskRank) as readonly (string | number)[] },
  ];
  const deepest = keyed.findLastIndex((k) => k.chosen);
  return keyed
    .slice(0, Math.max(deepest, 0))
    .filter((k) => !k.chosen)
    .map((k) => sql`${sql.raw(`cases.${k.column}`)} IN (${sql.join(k.all.map((v) => sql`${v}`))})`);
}

/** The exact matches as an SQL condition on `cases.rowid` (index lookups only). */
export function exactCondition(plan: SearchPlan) {
  if (plan.kind === 'words' && oneWord(plan)) return [sql`cases.rowid IN (${wordRows(plan.exact, sql`r`)})`];
  const { trigram, words } = plan.kind === 'words' ? plan.fts : plan;
  const parts = [];
  if (trigram) parts.push(sql`cases.rowid IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ${trigram})`);
  if (words) parts.push(sql`cases.rowid IN (SELECT rowid FROM cases_words WHERE cases_words MATCH ${words})`);
  return parts;
}

/** The exact matches' rowids (as `r`, once each), from the full-text indexes or the word rows alone. */
function exactRowids(plan: SearchPlan): RawBuilder<unknown> {
  if (plan.kind === 'words' && oneWord(plan)) return wordRows(plan.exact, sql`r`);
  const fts = plan.kind === 'words' ? plan.fts : plan;
  const words = fts.words ? sql`SELECT rowid AS r FROM cases_words WHERE cases_words MATCH ${fts.words}` : null;
  if (!fts.trigram) return words!;
  return sql`SELECT rowid AS r FROM cases_search WHERE cases_search MATCH ${fts.trigram}${words ? sql` AND rowid IN (SELECT r FROM (${words}))` : sql``}`;
}

/** How many exact matches there are, counted no further than `cap + 1`, without reading a case. */
export async function exactCount(db: Kysely<DB>, plan: SearchPlan, cap: number | null): Promise<number> {
  return Number((await sql<{ n: number }>`SELECT count(*) AS n FROM (${exactRowids(plan)} ${cap === null ? sql`` : sql`LIMIT ${cap + 1}`})`.execute(db)).rows[0].n);
}

/**
 * Matches as the rows of a query over `cases`: `from` names them `cases`, `tier` ranks them
 * (0 exact, 1 tolerant). A search of letters reads `case_name_words`, whose rows carry every column
 * the list filters and sorts by: one range per matching word, no case row read (at 100 000 cases,
 * 0.1 µs a match against 1.25 for a trigram entry and a case row). A search with digits reads
 * the full-text index as the outer loop and looks each match up in `cases` by rowid (CROSS JOIN
 * keeps that order: the planner's own choice, walking the filter index's range with the matches as
 * a filter, reads every case of the filtered stages). The same case may come twice from the word
 * rows (two of its words match): the reader keeps its best tier once.
 */
export interface MatchSource {
  from: RawBuilder<unknown>;
  /** The matching case's rowid. */
  rowid: RawBuilder<unknown>;
  tier: RawBuilder<unknown>;
}

/** The exact matches alone (many: a common name), to be narrowed by the filters. */
export function exactSource(plan: SearchPlan): MatchSource {
  if (plan.kind === 'words') return { from: sql`(${wordRows(plan.exact)}) AS cases`, rowid: sql`cases.r`, tier: sql`0` };
  return { from: sql`(${exactRowids(plan)}) AS m CROSS JOIN cases ON cases.rowid = m.r`, rowid: sql`m.r`, tier: sql`0` };
}

/**
 * The exact matches (at most `cap` of them) and then the tolerated spellings' first `cap`
 * matches within the filters (`conds`) that are not exact ones, closest spelling first. (Cut
 * before the filters, the cut would keep the first stages' matches of the word rows' key and leave
 * none for a filter on a later stage.)
 */
export function matchesSource(plan: SearchPlan, cap: number, conds: RawBuilder<unknown>[]): MatchSource {
  if (plan.kind !== 'words' || !plan.tolerant) return exactSource(plan);
  return {
    from: sql`(SELECT *, 0 AS t FROM (${wordRows(plan.exact)})
      UNION ALL SELECT *, 1 AS t FROM (SELECT * FROM (${wordRows(plan.tolerant, sql`*`, conds)}) LIMIT ${cap}) WHERE r NOT IN (${wordRows(plan.exact, sql`r`)})) AS cases`,
    rowid: sql`cases.r`,
    tier: sql`cases.t`,
  };
}
