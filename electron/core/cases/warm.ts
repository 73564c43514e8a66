// Node-only. After the office is unlocked, the case list's searches' pages are read once into the
// connection's page cache, in the background. SQLCipher decrypts every page read from the file; a
// search's first call after the office opened read its name's word rows and its 50 listed case
// rows from the file, page by page. At 100 000 cases those are ten times more pages than at 10 000,
// so first calls grew ×2.1–2.3 (a misspelt name, a search narrowed by filters) where later calls of
// the same queries grew ×1.5–1.8; with these pages read beforehand, first calls grow ×1.4–1.95
// (`npm run bench`, interleaved with the 10 000-case office). The word rows (case_name_words, by its key) and the case
// rows (the table itself: 12 000 pages, 50 MB at 100 000 cases) fit in the 256 MB page cache.
//
// Read in slices, a turn of the event loop between them, so a call that comes meanwhile waits for
// one slice at most; stops when the office is closed.
import type { RawDatabase } from '../db/open';
import { vocabularySql } from './list-search';

export interface WarmResult {
  ms: number;
  slices: number;
  /** False when the office closed before the end. */
  done: boolean;
}

/** The slice sizes (tests shrink them to reach several slices on a small office). */
export interface WarmTuning {
  wordsPerSlice?: number;
  casesPerSlice?: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function warmCaseList(raw: RawDatabase, stillOpen: () => boolean, tuning: WarmTuning = {}): Promise<WarmResult> {
  const started = performance.now();
  const wordsPerSlice = tuning.wordsPerSlice ?? 16;
  const casesPerSlice = tuning.casesPerSlice ?? 4000;
  // Each slice reads a column outside every index, so the table's own pages are read (count(*)
  // would read the smallest index instead).
  const wordSlice = raw.prepare('SELECT max(length(name_key)) FROM case_name_words WHERE word >= ? AND word <= ?');
  const caseSlice = raw.prepare('SELECT max(length(disability_notes)) FROM cases WHERE rowid > ? AND rowid <= ?');
  const words = raw.prepare(vocabularySql).pluck().all() as string[];
  const slices: (() => void)[] = [];
  for (let i = 0; i < words.length; i += wordsPerSlice) {
    const [first, last] = [words[i], words[Math.min(words.length, i + wordsPerSlice) - 1]];
    slices.push(() => wordSlice.get(first, last));
  }
  const maxRowid = (raw.prepare('SELECT max(rowid) FROM cases').pluck().get() as number | null) ?? 0;
  for (let from = 0; from < maxRowid; from += casesPerSlice) slices.push(() => caseSlice.get(from, from + casesPerSlice));
  let ran = 0;
  for (const slice of slices) {
    await nextTurn();
    if (!stillOpen()) return { ms: performance.now() - started, slices: ran, done: false };
    slice();
    ran += 1;
  }
  return { ms: performance.now() - started, slices: ran, done: true };
}
