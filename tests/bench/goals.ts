// The goals of issue 9 beside what a run measured, each with a pass/fail mark, and the load
// average of the machine while it ran — so a figure taken on a busy machine says so. Used by
// `npm run bench` at the end of a run, and by `npm run bench -- --report` on bench-results.json.
import os from 'node:os';

export interface Figure {
  path: string;
  cold: number | null;
  p50: number;
  p95: number;
  max: number;
  n: number;
  goal?: string;
  note?: string;
}

export interface Run {
  date: string;
  machine: string;
  /** os.loadavg() (1, 5, 15 minutes) when the run started and when it ended. */
  load?: { start: number[]; end: number[]; cores: number };
  figures: Figure[];
  notes: [string, string][];
  /** Encrypted / plain, interleaved query by query: median of the pairs' ratios, and p95 / p95. */
  ratio?: { paired: number; p95: number };
  mainChunkKB?: number;
  /** Transfer files against the age command (tests/bench/transfer.ts). */
  transfer?: TransferFigures;
  /** The list queries' growth from a smaller office, measured interleaved in this run (interleave.ts). */
  interleaved?: { against: number; figures: GrowthFigure[] };
}

export interface TransferFigures {
  megabytes: number;
  rounds: number;
  /** 1-minute load average at the start and the end of the rounds. */
  load: [number, number];
  /** Medians over interleaved rounds; ratio = the median of each round's age time / Homeward time. */
  seal: { oursMBps: number; ageMBps: number; ratio: number };
  open: { oursMBps: number; ageMBps: number; ratio: number };
}

export interface GoalRow {
  goal: string;
  measured: string;
  pass: boolean | null; // null: not measured in this run
}

const f1 = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const worst = (figures: Figure[]) => figures.reduce<Figure | null>((w, f) => (!w || f.p95 > w.p95 ? f : w), null);

/** A figure's path with its numbers blanked, so 10k and 100k runs pair up. */
export const pathKey = (p: string) => p.replace(/[\d,]+/g, 'N');

/** The list queries whose growth 10k → 100k the goals bound (not scrolling, which is a sum). */
const isListQuery = (f: Figure) => f.path.startsWith('list:') && !f.path.includes('scroll');

export function goalRows(run: Run, smaller?: Run): GoalRow[] {
  const rows: GoalRow[] = [];
  const bound = (goal: string, figures: Figure[], limit: number) => {
    const w = worst(figures);
    rows.push(
      w ? { goal, measured: `worst p95 ${f1(w.p95)} ms (${w.path}; ${figures.length} figures)`, pass: w.p95 <= limit } : { goal, measured: 'not measured', pass: null },
    );
  };
  const listNoSearch = run.figures.filter((f) => isListQuery(f) && f.goal === '≤ 50' && !f.path.includes('while'));
  bound('case list, every filter set, sort and page depth: p95 ≤ 50 ms', listNoSearch, 50);
  bound('case list, first page with a search: p95 ≤ 20 ms', run.figures.filter((f) => isListQuery(f) && f.path.includes('search') && f.goal === '≤ 20'), 20);
  bound('My work (case worker, supervisor): p95 ≤ 50 ms', run.figures.filter((f) => f.path.startsWith('My work')), 50);
  bound('duplicate check: p95 ≤ 30 ms', run.figures.filter((f) => f.path.startsWith('duplicate check')), 30);
  bound('scroll to row 10 000 (in the core): ≤ 5 000 ms', run.figures.filter((f) => f.path.includes('scroll to row')), 5000);
  bound('audit, incremental check: milliseconds (p95 ≤ 50 ms, with one list call)', run.figures.filter((f) => f.path.startsWith('audit: incremental')), 50);
  const full = run.figures.find((f) => f.path.startsWith('audit: full check alone, chain'));
  const busy = run.figures.find((f) => f.path.startsWith('audit: full check while the app answers, chain'));
  rows.push(
    full
      ? {
          goal: 'audit, full check of the chain off the main thread: ≤ 3 000 ms per million entries',
          measured: `${f1(full.p50)} ms alone (${full.path.replace(/^[^(]*\(/, '(')}; ${full.note ?? ''})${busy ? `; ${f1(busy.p50)} ms while the app answers list queries non-stop` : ''}`,
          pass: full.p50 <= 3000,
        }
      : { goal: 'audit, full check of the chain off the main thread: ≤ 3 000 ms per million entries', measured: 'not measured', pass: null },
  );
  bound('…the app answers meanwhile: list p95 ≤ 50 ms during the full check', run.figures.filter((f) => f.path.includes('while the full audit')), 50);
  rows.push(
    run.ratio
      ? { goal: 'encrypted / plain, interleaved: paired median ratio ≤ 1.3', measured: `paired median ${run.ratio.paired.toFixed(2)}, p95 / p95 ${run.ratio.p95.toFixed(2)}`, pass: run.ratio.paired <= 1.3 }
      : { goal: 'encrypted / plain, interleaved: paired median ratio ≤ 1.3', measured: 'not measured', pass: null },
  );
  rows.push(
    run.mainChunkKB !== undefined
      ? { goal: 'renderer main chunk ≤ 500 KB minified', measured: `${run.mainChunkKB.toFixed(0)} KB`, pass: run.mainChunkKB <= 500 }
      : { goal: 'renderer main chunk ≤ 500 KB minified', measured: 'not measured (no out/: run npm run build)', pass: null },
  );
  const tf = run.transfer;
  const sealGoal = "transfer file: seal at ≥ 0.5× the age command's throughput (same 50 MB, interleaved)";
  rows.push(
    tf
      ? {
          goal: sealGoal,
          measured: `${tf.seal.ratio.toFixed(2)}× (${tf.seal.oursMBps.toFixed(0)} vs ${tf.seal.ageMBps.toFixed(0)} MB/s); open ${tf.open.ratio.toFixed(2)}× (${tf.open.oursMBps.toFixed(0)} vs ${tf.open.ageMBps.toFixed(0)} MB/s); load ${tf.load.join(' → ')}`,
          pass: tf.seal.ratio >= 0.5,
        }
      : { goal: sealGoal, measured: 'not measured (no age command)', pass: null },
  );
  // Judged on the figures measured interleaved with the smaller office when the run has them (warm
  // and first calls), the growth between the two separate runs shown beside; else on the latter.
  const growth = growthRows(run, smaller);
  const inter = run.interleaved?.figures ?? [];
  const judged: { path: string; p50: number; p95: number }[] = inter.length > 0 ? inter : growth;
  const worstBy = <T extends { p50: number; p95: number }>(list: T[], q: 'p50' | 'p95') => list.reduce((w, g) => (g[q] > w[q] ? g : w));
  if (judged.length === 0) rows.push({ goal: 'growth 10k → 100k ≤ 2× for every list query', measured: 'needs runs at 10 000 and 100 000 cases', pass: null });
  else {
    const byMedian = worstBy(judged, 'p50');
    const byP95 = worstBy(judged, 'p95');
    const across = inter.length > 0 && growth.length > 0 ? worstBy(growth, 'p50') : null;
    rows.push({
      goal: `growth 10k → 100k ≤ 2× for every list query (judged on the median${inter.length > 0 ? ', interleaved with the smaller office' : ''}; p95 shown)`,
      measured: `worst median ×${byMedian.p50.toFixed(1)} (${byMedian.path}); worst p95 ×${byP95.p95.toFixed(1)} (${byP95.path})${
        across ? `; between the two separate runs, worst median ×${across.p50.toFixed(1)} (${across.path})` : ''
      }`,
      pass: byMedian.p50 <= 2,
    });
  }
  return rows;
}

export interface Growth {
  path: string;
  small: Figure;
  large: Figure;
  p50: number;
  p95: number;
}

/** Each list query's growth from the smaller run to this one (10k → 100k). */
export function growthRows(run: Run, smaller?: Run): Growth[] {
  if (!smaller) return [];
  const out: Growth[] = [];
  for (const large of run.figures.filter(isListQuery)) {
    const small = smaller.figures.find((x) => pathKey(x.path) === pathKey(large.path));
    if (small) out.push({ path: large.path, small, large, p50: large.p50 / Math.max(small.p50, 0.05), p95: large.p95 / Math.max(small.p95, 0.05) });
  }
  return out;
}

export function loadNow(): number[] {
  return os.loadavg().map((n) => Math.round(n * 10) / 10);
}

/** One line on how busy the machine was: on 2 cores, a load above 2 means the run shared them. */
export function loadLine(run: Run): string {
  if (!run.load) return 'load average: not recorded (a run from before it was)';
  const { start, end, cores } = run.load;
  const busy = Math.max(start[0], end[0], start[1], end[1]) > cores;
  return `load average (1/5/15 min) at the start ${start.join(' / ')}, at the end ${end.join(' / ')} on ${cores} cores — ${
    busy ? 'BUSY MACHINE: other work shared the cores, p95/max overstate what an idle machine gives' : 'a quiet machine'
  }`;
}

export function printGoals(run: Run, cases: number, smaller?: Run, log: (line: string) => void = console.log) {
  log(`\nGoals of issue 9 at ${cases.toLocaleString('en')} cases (${run.date}; ${run.machine})`);
  log(loadLine(run));
  log('\n| goal | measured | |\n|---|---|---|');
  for (const row of goalRows(run, smaller)) log(`| ${row.goal} | ${row.measured} | ${row.pass === null ? '– not measured' : row.pass ? 'PASS' : 'FAIL'} |`);
  if (run.interleaved) {
    log(`\nGrowth from ${run.interleaved.against.toLocaleString('en')} cases, interleaved in this run:`);
    printGrowth(run.interleaved.figures, log);
  }
  const growth = growthRows(run, smaller);
  if (growth.length > 0) {
    log(`\nGrowth between the two separate runs:\n| list query | p50 / p95 at ${smaller!.figures.length ? 'the smaller run' : ''} | p50 / p95 here | growth p50 | growth p95 |\n|---|---|---|---|---|`);
    for (const g of growth) {
      log(`| ${g.path} | ${f1(g.small.p50)} / ${f1(g.small.p95)} | ${f1(g.large.p50)} / ${f1(g.large.p95)} | ×${g.p50.toFixed(1)} | ×${g.p95.toFixed(1)} |`);
    }
  }
}

/** A list query's growth from a smaller office, measured interleaved (interleave.ts). */
export interface GrowthFigure {
  /** The query's figure, with ", first call" for round 0. */
  path: string;
  small: { p50: number; p95: number };
  large: { p50: number; p95: number };
  /** Large / small, wall time. */
  p50: number;
  p95: number;
  /** Large / small, this process's CPU time (process.cpuUsage) per call, medians. */
  cpuP50: number;
  n: number;
}

export function printGrowth(figures: GrowthFigure[], log: (line: string) => void = console.log) {
  const f = (n: number) => n.toFixed(2);
  log('| list query (interleaved) | small p50 / p95 ms | large p50 / p95 ms | growth p50 / p95 (wall) | growth p50 (CPU) | goal |');
  log('|---|---|---|---|---|---|');
  for (const g of figures) {
    log(
      `| ${g.path} | ${f(g.small.p50)} / ${f(g.small.p95)} | ${f(g.large.p50)} / ${f(g.large.p95)} | ×${g.p50.toFixed(1)} / ×${g.p95.toFixed(1)} | ×${g.cpuP50.toFixed(1)} | ≤ 2× ${g.p50 <= 2 ? 'PASS' : 'FAIL'} |`,
    );
  }
}
