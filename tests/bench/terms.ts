// The benchmark's search terms: built from the generator's name pools in all five languages (Latin
// with accents, and Arabic script), in four kinds reported apart — whole names, prefixes,
// misspellings and transliterations, and terms that match nothing — so no handful of warm terms
// can flatter the figures.
import { namePools } from '../../electron/core/cases/seed-names';
import { seededRandom } from '../../scripts/generator';

export type TermKind = 'name' | 'prefix' | 'misspelt' | 'nomatch';
export interface Term {
  text: string;
  kind: TermKind;
  language: string;
}

/** Drop, double or swap a letter, or swap a vowel: the mistakes people make typing names. */
function misspell(word: string, rng: () => number): string {
  const letters = [...word];
  if (letters.length < 4) return word + letters[letters.length - 1];
  const i = 1 + Math.floor(rng() * (letters.length - 2));
  switch (Math.floor(rng() * 4)) {
    case 0:
      letters.splice(i, 1);
      break;
    case 1:
      letters.splice(i, 0, letters[i]);
      break;
    case 2:
      [letters[i], letters[i + 1]] = [letters[i + 1] ?? letters[i], letters[i]];
      break;
    default:
      letters[i] = /[aeiou]/i.test(letters[i]) ? ({ a: 'e', e: 'i', i: 'y', o: 'ou', u: 'o' } as Record<string, string>)[letters[i].toLowerCase()] ?? 'a' : letters[i];
  }
  return letters.join('');
}

/** Latin spellings of the Arabic names, as a worker from another office would type them. */
const transliterations = ['Mohamed', 'Muhammad', 'Ahmed', 'Fatima', 'Aisha', 'Maryam', 'Zainab', 'Khadija', 'Youssef', 'Ibrahim', 'Omar', 'Ali', 'Hassan', 'Khalid', 'Suleiman', 'Adam', 'Idris', 'Osman', 'Saleh', 'Musa'];

export function searchTerms(seed = 7): Term[] {
  const rng = seededRandom(seed);
  const terms: Term[] = [];
  for (const [language, pool] of Object.entries(namePools)) {
    const names = [...pool.female, ...pool.male, ...pool.family].flatMap((n) => n.split(' ')).filter((n) => n.length >= 3);
    for (const name of names) {
      terms.push({ text: name, kind: 'name', language });
      if (rng() < 0.5) terms.push({ text: [...name].slice(0, 2 + Math.floor(rng() * 3)).join(''), kind: 'prefix', language });
      if (rng() < 0.6) terms.push({ text: misspell(name, rng), kind: 'misspelt', language });
    }
  }
  for (const text of transliterations) terms.push({ text, kind: 'misspelt', language: 'ar→latin' });
  const consonants = 'bcdfghjklmnpqrstvwxz';
  for (let i = 0; i < 30; i += 1) {
    let text = '';
    for (let j = 0; j < 6; j += 1) text += consonants[Math.floor(rng() * consonants.length)];
    terms.push({ text, kind: 'nomatch', language: 'none' });
  }
  // A fixed shuffle, so kinds and languages interleave in the run.
  for (let i = terms.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [terms[i], terms[j]] = [terms[j], terms[i]];
  }
  return terms;
}
