// Environment-free. Name folding for search and duplicate checks: case-, accent- and
// spelling-tolerant across the five languages' scripts.
const arabicDiacritics = /[\u064B-\u065F\u0670\u06D6-\u06ED]/gu;

/** Lower-case, strip accents and Arabic diacritics, unify common letter variants, squeeze spaces. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(arabicDiacritics, '')
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ى/gu, 'ي')
    .replace(/ة/gu, 'ه')
    .replace(/ـ/gu, '')
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/[æ]/gu, 'ae')
    .replace(/[œ]/gu, 'oe')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A rough phonetic key for Latin-script names: tolerant of common spelling variants. */
export function soundKey(word: string): string {
  const folded = foldName(word).replace(/\s+/g, '');
  if (!/^[a-z]+$/u.test(folded)) return folded;
  let s = folded
    .replace(/^kn/, 'n')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/h/g, '')
    .replace(/dj|j/g, 'g')
    .replace(/ou|oo/g, 'u');
  s = s[0] + s.slice(1).replace(/[aeiou]/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

/** The trigrams of a folded string (padded, so a word's start weighs more than its end). */
export function trigrams(folded: string): Set<string> {
  const padded = `  ${folded} `;
  const set = new Set<string>();
  for (let i = 0; i < padded.length - 2; i += 1) set.add(padded.slice(i, i + 3));
  return set;
}

/** Dice's coefficient (0..1) of two trigram sets. */
export function dice(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common += 1;
  return (2 * common) / (x.size + y.size);
}

/** Trigram similarity (0..1) of two strings, folded first. */
export function similarity(a: string, b: string): number {
  return dice(trigrams(foldName(a)), trigrams(foldName(b)));
}
