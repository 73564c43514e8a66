// The M&E dashboard at scale, for npm run bench: the whole dashboard (every indicator) for a
// quarter and a year, split by each dimension, filtered, and the case list behind a number.
// Prints figures and asserts nothing.
import type { Kysely } from 'kysely';
import type { InProcessClient } from '../../electron/core/client';
import type { DB } from '../../electron/core/db/schema';
import { computeIndicators } from '../../electron/core/reports/engine';
import { dimensions, indicatorIds, type IndicatorId } from '../../shared/reports/indicators';

type Measure = (name: string, count: number, work: (i: number) => Promise<unknown>, options?: { cold?: boolean; goal?: string; note?: string }) => Promise<unknown>;

function quarters(now: Date): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (let q = 1; q <= 8; q += 1) {
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3 * (q - 1), 0));
    const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 2, 1));
    out.push({ from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) });
  }
  return out;
}

export async function benchReports(supervisor: InProcessClient, measure: Measure, iterations: number, now = new Date()): Promise<void> {
  const periods = quarters(now);
  const year = { from: periods[3].from, to: periods[0].to };
  await measure('M&E dashboard: every indicator, one quarter (channel)', iterations, (i) =>
    supervisor.ok('reports.dashboard', { period: periods[Math.max(0, i) % periods.length] }), { goal: '≤ 250' });
  await measure('M&E dashboard: every indicator, twelve months (channel)', Math.ceil(iterations / 3), () =>
    supervisor.ok('reports.dashboard', { period: year }), { goal: '≤ 250' });
  await measure(`M&E dashboard: split by each of ${dimensions.length} dimensions (channel)`, dimensions.length * 3, (i) =>
    supervisor.ok('reports.dashboard', { period: periods[Math.max(0, i) % 4], by: dimensions[Math.max(0, i) % dimensions.length] }), { goal: '≤ 250' });
  await measure('M&E dashboard: two filters (channel)', Math.ceil(iterations / 3), (i) =>
    supervisor.ok('reports.dashboard', { period: periods[Math.max(0, i) % 4], filters: { sex: i % 2 ? 'female' : 'male', disability: 'no' } }), { goal: '≤ 250' });
  await measure('case list behind a number (first page with total, channel)', Math.ceil(iterations / 3), (i) =>
    supervisor.ok('cases.list', { indicator: { id: i % 2 ? 'reunified' : 'traced', part: 'numerator', period: periods[Math.max(0, i) % 4], filters: {} }, limit: 50 }), { goal: '≤ 250' });
}

/** The de-identified export of every case, timed, with the process's peak RSS sampled meanwhile. */
export async function benchExport(supervisor: InProcessClient, sealed: boolean, now = new Date()): Promise<{ seconds: number; rows: number; bytes: number; peakRssMiB: number; startRssMiB: number }> {
  const period = { from: '2000-01-01', to: now.toISOString().slice(0, 10) };
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const started = performance.now();
  const protection = sealed ? { mode: 'passphrase' as const, passphrase: 'bench lantern orchard kettle' } : { mode: 'none' as const, reason: 'benchmark' };
  let job = await supervisor.ok('reports.exportStart', { kind: 'deidentified', period, areaLevel: 'top', protection });
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    job = await supervisor.ok('reports.exportStatus', { jobId: job.jobId });
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  // Take the file (the last chunk removes it), so nothing is left behind.
  let offset = 0;
  for (;;) {
    const chunk = await supervisor.ok('reports.exportDownload', { jobId: job.jobId, offset });
    offset += Buffer.from(chunk.dataBase64, 'base64').length;
    if (chunk.done) break;
  }
  return { seconds, rows: job.total, bytes: job.bytes, peakRssMiB: peak / 1048576, startRssMiB: startRss / 1048576 };
}

/**
 * Where the dashboard's time goes: each indicator alone (total, then split by each dimension),
 * median of a few runs over the last four quarters. Prints the slowest first.
 */
export async function profileIndicators(db: Kysely<DB>, runs = 3, now = new Date()): Promise<{ id: IndicatorId; ms: number; splitMs: number }[]> {
  const periods = quarters(now).slice(0, 4);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const out: { id: IndicatorId; ms: number; splitMs: number }[] = [];
  for (const id of indicatorIds) {
    const total: number[] = [];
    const split: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const period = periods[i % periods.length];
      let t = performance.now();
      await computeIndicators(db, { period, filters: {}, by: null, ids: [id] });
      total.push(performance.now() - t);
      t = performance.now();
      for (const by of dimensions) await computeIndicators(db, { period, filters: {}, by, ids: [id] });
      split.push((performance.now() - t) / dimensions.length);
    }
    out.push({ id, ms: median(total), splitMs: median(split) });
  }
  return out.sort((a, b) => b.ms - a.ms);
}
