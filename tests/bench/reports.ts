// The M&E dashboard at scale, for npm run bench: the whole dashboard (every indicator) for a
// quarter and a year, split by each dimension, filtered, and the case list behind a number.
// Prints figures and asserts nothing.
import type { InProcessClient } from '../../electron/core/client';
import { dimensions } from '../../shared/reports/indicators';

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
