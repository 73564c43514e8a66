// Free words of the directory search as FTS5 queries (electron/core/services/directory.ts): each
// word required, 3+ characters as a substring (trigram index), shorter as a word start (prefix
// index), quotes doubled so a word is never read as query syntax.
import { describe, expect, it } from 'vitest';
import { wordQueries } from '../../electron/core/services/directory';

describe('directory search words', () => {
  it('long words go to the trigram index, short ones to the prefix index, all required', () => {
    expect(wordQueries('service 5')).toEqual({ trigram: '"service"', prefix: '"5"*' });
    expect(wordQueries('  gulu   trauma ')).toEqual({ trigram: '"gulu" AND "trauma"', prefix: null });
    expect(wordQueries('pe ab')).toEqual({ trigram: null, prefix: '"pe"* AND "ab"*' });
    expect(wordQueries('')).toEqual({ trigram: null, prefix: null });
  });

  it('query syntax in the words is taken as text', () => {
    expect(wordQueries('a"b OR NEAR(x)')).toEqual({ trigram: '"a""b" AND "NEAR(x)"', prefix: '"OR"*' });
    // Punctuation alone makes no word to look for.
    expect(wordQueries('" -')).toEqual({ trigram: null, prefix: null });
    // Characters, not UTF-16 units: a two-letter Arabic word is short.
    expect(wordQueries('طب')).toEqual({ trigram: null, prefix: '"طب"*' });
  });
});
