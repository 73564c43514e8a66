// Node-only. The duplicate check before registration: likely matches by name (accent- and
// spelling-tolerant), age and place, scored so the worker sees the best candidates side by side.
import { sql, type Kysely } from 'kysely';
import { limitedMatch, type DuplicateMatch, type FullDuplicateMatch } from '../../../shared/cases/contract';
import { ageInYears, todayIso } from '../../../shared/cases/fields';
import { dice, foldName, soundKey, trigrams } from '../../../shared/cases/names';
import type { DB } from '../db/schema';
import type { Session } from '../handler';
import { quote, tolerantWords } from './list-search';
import { ageOf } from './rows';
import { inScope, type CaseDbRow } from './scope';

export interface DuplicateQuery {
  givenName: string;
  familyName: string;
  otherNames: string[];
  sex?: string;
  dateOfBirth?: string | null;
  estimatedAgeYears?: number | null;
  separationPlace?: string;
  area?: string;
}

/**
 * Similarity and sound keys for one check: the query's names are compared with up to 400
 * candidates, so each string is folded and cut into trigrams once, not on every comparison (folding
 * is a dozen regular-expression passes: it was most of the check's time).
 */
function memoizedNames() {
  const grams = new Map<string, Set<string>>();
  const sounds = new Map<string, string>();
  const gramsOf = (text: string) => {
    let set = grams.get(text);
    if (!set) grams.set(text, (set = trigrams(foldName(text))));
    return set;
  };
  return {
    similarity: (a: string, b: string) => dice(gramsOf(a), gramsOf(b)),
    soundKey: (text: string) => {
      let key = sounds.get(text);
      if (key === undefined) sounds.set(text, (key = soundKey(text)));
      return key;
    },
  };
}
type Names = ReturnType<typeof memoizedNames>;

function bestSimilarity(names: Names, a: string[], b: string[]): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, names.similarity(x, y));
  return best;
}

const candidateColumns = [
  'id',
  'number',
  'given_name',
  'family_name',
  'other_names',
  'sex',
  'date_of_birth',
  'estimated_age',
  'registered_at',
  'separation_place',
  'area',
  'status',
  'worker_id',
  'family_worker_id',
] as const;

export async function findDuplicates(
  db: Kysely<DB>,
  query: DuplicateQuery,
  session: Session,
  now: Date,
  limit = 10,
): Promise<DuplicateMatch[]> {
  const names = [query.givenName, query.familyName, ...query.otherNames].filter(Boolean);
  const words = foldName(names.join(' ')).split(' ').filter(Boolean);
  // Candidates: cases with a name word that may be a spelling of one of the words given (the
  // search's tolerant vocabulary match), best ranked first. Word-index lookups only: cheap at any size.
  const alternatives = new Set<string>();
  for (const word of new Set(words)) {
    if (word.length < 3 || /\d/u.test(word)) continue;
    for (const hit of (await tolerantWords(db, word, db)).slice(0, 100)) alternatives.add(hit);
  }
  const match = alternatives.size > 0 ? [...alternatives].map(quote).join(' OR ') : null;
  const today = todayIso(now);
  // Only the columns the scoring and the answer read: 400 whole case rows (some 50 columns) cost
  // more to carry than to score.
  let rows: (Pick<CaseDbRow, (typeof candidateColumns)[number]> & { worker_name: string | null })[] = [];
  if (match) {
    rows = await db
      .selectFrom('cases')
      .leftJoin('users', 'users.id', 'cases.worker_id')
      .select(candidateColumns.map((c) => `cases.${c}` as const))
      .select('users.display_name as worker_name')
      .where(sql<boolean>`cases.rowid IN (SELECT rowid FROM cases_words WHERE cases_words MATCH ${match} ORDER BY rank LIMIT 400)`)
      .execute();
  }
  const wantedAge =
    query.dateOfBirth ? ageInYears(query.dateOfBirth, today) : query.estimatedAgeYears ?? null;
  const place = foldName(query.separationPlace || query.area || '');
  const scored: DuplicateMatch[] = [];
  const memo = memoizedNames();
  for (const row of rows) {
    const reasons: FullDuplicateMatch['reasons'] = [];
    const otherNames = JSON.parse(row.other_names) as string[];
    const full = memo.similarity(`${query.givenName} ${query.familyName}`, `${row.given_name} ${row.family_name}`);
    const swapped = memo.similarity(`${query.familyName} ${query.givenName}`, `${row.given_name} ${row.family_name}`);
    const other = bestSimilarity(memo, names, otherNames);
    let nameScore = Math.max(full, swapped);
    if (nameScore >= 0.5) reasons.push('name');
    if (other > nameScore && other >= 0.6) {
      nameScore = other;
      reasons.push('otherName');
    }
    const sameSound =
      memo.soundKey(query.givenName) === memo.soundKey(row.given_name) &&
      (!query.familyName || !row.family_name || memo.soundKey(query.familyName) === memo.soundKey(row.family_name));
    if (sameSound) {
      nameScore = Math.max(nameScore, 0.75);
      reasons.push('soundsAlike');
    }
    let score = nameScore * 0.65;
    const age = ageOf(row, today);
    if (wantedAge !== null && age !== null) {
      const gap = Math.abs(age - wantedAge);
      if (gap <= 1) {
        score += 0.2;
        reasons.push('age');
      } else if (gap <= 3) score += 0.1;
      else score -= 0.15;
    }
    const rowPlace = foldName(row.separation_place || row.area);
    if (place && rowPlace && (memo.similarity(place, rowPlace) >= 0.6 || rowPlace.includes(place) || place.includes(rowPlace))) {
      score += 0.15;
      reasons.push('place');
    }
    if (query.sex && query.sex !== 'unknown' && row.sex !== 'unknown') {
      if (query.sex === row.sex) reasons.push('sex');
      else score -= 0.3;
    }
    if (score < 0.5) continue;
    const match: Omit<FullDuplicateMatch, 'inScope'> = {
      caseId: row.id,
      number: row.number,
      givenName: row.given_name,
      familyName: row.family_name,
      otherNames,
      sex: row.sex,
      ageYears: age,
      separationPlace: row.separation_place,
      area: row.area,
      workerName: row.worker_name,
      score: Math.round(Math.min(score, 1) * 100) / 100,
      reasons,
      closed: row.status === 'closed',
    };
    // Scope shapes the answer, not the search: a case the caller may not read is reported only as
    // a likely match (number, area, worker, strength), never with the child's details.
    scored.push(inScope(session, row) ? { inScope: true, ...match } : limitedMatch(match));
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit);
}
