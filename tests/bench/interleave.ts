// The growth 10 000 -> 100 000 cases of list queries (issue 9: at most 2×), measured with both
// offices open in one process and the calls interleaved — the same query on the small office and
// then at once on the large one — so that a machine that is slower in one minute than in the next
// (this shared one is: two runs of the same code minutes apart moved by up to 1.8×) cannot make a ratio.
// Round 0 is each query's first call since the offices opened (their caches cold for it) and is
// reported apart; the later rounds are the warm figures. Used by `npm run bench` (against the
// 10 000-case office, when there is one) and `npm run bench:growth`.
import path from 'node:path';
import { createInProcessClient } from '../../electron/core/client';
import { createCore, type Core } from '../../electron/core/core';
import { listCases } from '../../electron/core/cases/list';
import type { Session } from '../../electron/core/handler';
import type { Kysely } from 'kysely';
import type { DB } from '../../electron/core/db/schema';
import { caseListInput, type CaseListInput } from '../../shared/cases/contract';
import { seedPasswords } from '../../scripts/generator';
import { sessionOf } from '../fixtures/session';
import type { GrowthFigure } from './goals';
import { searchTerms } from './terms';

export interface Office {
  core: Core;
  db: Kysely<DB>;
  session: Session;
  cases: number;
  /** How long the case list's warming after unlock took (cases/warm.ts), ms. */
  warmMs: number | null;
}

/** Opens an office as its supervisor and waits for the warming that follows the unlock. */
export async function openOffice(dir: string): Promise<Office> {
  const core = createCore({ dataDir: path.resolve(dir) });
  const client = createInProcessClient(core);
  await client.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
  const session = await sessionOf(client, 'supervisor1', 'supervisor');
  const { raw, db } = core.store.get();
  const warm = await core.store.warming;
  return { core, db, session, cases: raw.prepare('SELECT count(*) FROM cases').pluck().get() as number, warmMs: warm?.ms ?? null };
}

export interface Query {
  figure: string;
  input: CaseListInput;
}

const stageSets = [['tracing_assessment'], ['preparation', 'reunification'], ['follow_up'], ['tracing_assessment', 'preparation']] as const;

/** The searches as `npm run bench` makes them: each kind of term alone by relevance, and with two filters and a sort. */
export function searchQueries(): Query[] {
  const terms = searchTerms();
  return [
    ...terms.map((t) => ({ figure: `list: search "${t.kind}" terms, first page, best match first`, input: { search: t.text, sort: { by: 'relevance', dir: 'desc' } } as CaseListInput })),
    ...terms.slice(0, 120).map((t, i) => ({
      figure: 'list: search + 2 filters + sort, first page',
      input: { search: t.text, stages: [...stageSets[i % 4]], riskLevels: ['medium', 'high'], sort: { by: i % 2 ? 'name' : 'updatedAt', dir: 'desc' } } as CaseListInput,
    })),
  ];
}

const at = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))];

/** Runs every query on both offices, interleaved, `rounds` times after the first calls. */
export async function interleavedGrowth(small: Office, large: Office, queries: Query[], rounds: number): Promise<GrowthFigure[]> {
  const now = new Date();
  type Sample = { wall: number; cpu: number };
  const samples = new Map<string, Sample[][]>();
  for (let round = 0; round <= rounds; round += 1) {
    for (const { figure, input } of queries) {
      const parsed = caseListInput.parse({ limit: 50, ...input });
      const pair: Sample[] = [];
      for (const office of [small, large]) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        await listCases(office.db, parsed, office.session, now);
        const wall = performance.now() - start;
        const used = process.cpuUsage(cpu);
        pair.push({ wall, cpu: (used.user + used.system) / 1000 });
      }
      const name = round === 0 ? `${figure}, first call` : figure;
      (samples.get(name) ?? samples.set(name, [[], []]).get(name)!).forEach((list, i) => list.push(pair[i]));
    }
  }
  const warm = [...samples.keys()].filter((k) => !k.endsWith(', first call'));
  return [...warm, ...warm.map((k) => `${k}, first call`)].map((figure) => {
    const [s, l] = samples.get(figure)!;
    const wall = [s, l].map((list) => list.map((x) => x.wall));
    const cpu = [s, l].map((list) => list.map((x) => x.cpu));
    const stat = (list: number[]) => ({ p50: at(list, 0.5), p95: at(list, 0.95) });
    return {
      path: figure,
      small: stat(wall[0]),
      large: stat(wall[1]),
      p50: at(wall[1], 0.5) / at(wall[0], 0.5),
      p95: at(wall[1], 0.95) / at(wall[0], 0.95),
      cpuP50: at(cpu[1], 0.5) / Math.max(at(cpu[0], 0.5), 0.001),
      n: s.length,
    };
  });
}
