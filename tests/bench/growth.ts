// npm run bench:growth [-- --small .homeward-data/seed-10000 --large .homeward-data/seed-100000 --rounds 3]
//
// The growth 10 000 -> 100 000 cases of every search of the case list (issue 9: at most 2×), both
// offices open in one process and the calls interleaved (interleave.ts): the check of a change to
// the search, in seconds. `npm run bench -- --cases 100000` runs the same measurement, with the
// browsing queries too, against the 10 000-case office. Prints both offices' median and p95 per
// kind of term, warm and first call, the ratios of wall and CPU time. Asserts nothing.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printGrowth } from './goals';
import { interleavedGrowth, openOffice, searchQueries } from './interleave';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: path.join('.homeward-data', 'seed-10000') },
    large: { type: 'string', default: path.join('.homeward-data', 'seed-100000') },
    rounds: { type: 'string', default: '3' },
  },
});

const [small, large] = [await openOffice(values.small), await openOffice(values.large)];
// The case list's pages are read into the page cache after unlock, in the background (cases/warm.ts);
// measured after it, as a user's first search comes after the screen has loaded.
for (const office of [small, large]) console.log(`${office.cases.toLocaleString('en')} cases: case list warmed after unlock in ${office.warmMs?.toFixed(0)} ms`);
const figures = await interleavedGrowth(small, large, searchQueries(), Number(values.rounds));
console.log(`\n${small.cases.toLocaleString('en')} → ${large.cases.toLocaleString('en')} cases, ${values.rounds} rounds interleaved, load average ${os.loadavg()[0].toFixed(1)}\n`);
printGrowth(figures);
for (const office of [small, large]) office.core.close();
