// npm run bench (called from run.ts) or alone:
//   npx tsx tests/bench/services.ts [--cases 100000] [--iterations 40] [--dir DIR]
// --dir keeps the built office in DIR and measures it again on the next run without rebuilding
// (building 100 000 cases takes minutes on a loaded machine); without it the office is removed.
// The service directory and the coverage-gap matrix at size, through the real handlers (validation,
// session, SQLCipher): a directory of 5 000 services over a 3-level area tree searched by category,
// area, language, age and words (goal p95 ≤ 20 ms), and the gap matrix over N open cases with plan
// objectives, well-being assessments and referrals (goal p95 ≤ 250 ms at 100 000). The office is
// built in a temp folder with bulk inserts (the case generator's full records are not needed for
// these queries) and removed afterwards. Prints figures; asserts nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { builtinCategories } from '../../shared/services/categories';
import { wellbeingDomains } from '../../shared/plans/schemas';

export interface ServicesFigure {
  path: string;
  cold: number | null;
  p50: number;
  p95: number;
  max: number;
  n: number;
  goal?: string;
  note?: string;
}

const password = 'bench services long passphrase';
const factors = ['food_security', 'nutrition_growth', 'shelter', 'care', 'abuse_exploitation', 'legal_protection', 'wellness', 'health_care_services', 'emotional_health', 'social_behaviour', 'performance', 'education_work', 'family_relationships', 'community_belonging', 'stigma'];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

export async function benchServices(caseCount: number, iterations = 40, log: (line: string) => void = console.log, keepDir?: string): Promise<ServicesFigure[]> {
  const dir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-services-'));
  const figures: ServicesFigure[] = [];
  const reuse = keepDir !== undefined && fs.existsSync(path.join(keepDir, 'homeward.db'));
  const core = createCore({ dataDir: dir, log: () => undefined, kdfCost: { memoryKiB: 1024, iterations: 1, parallelism: 1 } });
  try {
    if (reuse) {
      const sup = createInProcessClient(core);
      const login = await sup.call('session.login', { username: 'sup', password: `${password} again` });
      if (!login.ok) throw new Error(JSON.stringify(login.error));
      const raw = core.store.get().raw;
      const n = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
      log(`services bench: reusing the office in ${dir} (${n('SELECT count(*) AS n FROM cases').toLocaleString('en')} cases, ${n('SELECT count(*) AS n FROM services').toLocaleString('en')} services, ${n('SELECT count(*) AS n FROM service_areas')} areas)`);
      await measureAll(sup, n('SELECT count(*) AS n FROM cases'), iterations, figures, log);
      sup.close();
      return figures;
    }
    const admin = createInProcessClient(core);
    const setup = await admin.call('session.setupOffice', { office: { name: 'Bench', code: 'BEN', country: 'UG', defaultLanguage: 'en' }, admin: { username: 'admin', displayName: 'Admin', password } });
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));
    await admin.call('session.login', { username: 'admin', password });
    const created = await admin.call('admin.createUser', { username: 'sup', displayName: 'Supervisor', role: 'supervisor', password });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const sup = createInProcessClient(core);
    await sup.call('session.login', { username: 'sup', password });
    // An administrator-set password is replaced at first sign-in.
    await sup.call('session.changePassword', { currentPassword: password, newPassword: `${password} again` });
    const raw = core.store.get().raw;
    const now = new Date().toISOString();
    const started = performance.now();

    // Areas: 10 regions × 10 districts × 10 sub-counties.
    const areas: { id: string; code: string; name: string; level: number }[] = [];
    raw.transaction(() => {
      const insert = raw.prepare('INSERT INTO service_areas (id, code, name, level, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (let r = 0; r < 10; r++) {
        const rid = crypto.randomUUID();
        insert.run(rid, `R${r}`, `Region ${r}`, 'region', null, now, now);
        areas.push({ id: rid, code: `R${r}`, name: `Region ${r}`, level: 0 });
        for (let d = 0; d < 10; d++) {
          const did = crypto.randomUUID();
          insert.run(did, `R${r}D${d}`, `District ${r}-${d}`, 'district', rid, now, now);
          areas.push({ id: did, code: `R${r}D${d}`, name: `District ${r}-${d}`, level: 1 });
          for (let s = 0; s < 10; s++) {
            const sid = crypto.randomUUID();
            insert.run(sid, `R${r}D${d}S${s}`, `Sub ${r}-${d}-${s}`, 'sub-county', did, now, now);
            areas.push({ id: sid, code: `R${r}D${d}S${s}`, name: `Sub ${r}-${d}-${s}`, level: 2 });
          }
        }
      }
    })();
    const subs = areas.filter((a) => a.level === 2);
    const districts = areas.filter((a) => a.level === 1);

    // 1 000 providers × 5 services; each serves one to three areas (mostly sub-counties).
    raw.transaction(() => {
      const provider = raw.prepare(`INSERT INTO service_providers (id, name, name_key, kind, language, created_at, updated_at, last_verified) VALUES (?, ?, ?, 'ngo', 'en', ?, ?, '2026-01-01')`);
      const service = raw.prepare(`INSERT INTO services (id, provider_id, name, category, min_age, max_age, languages, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const cover = raw.prepare('INSERT OR IGNORE INTO service_coverage (service_id, area_id) VALUES (?, ?)');
      const langs = ['English', 'Acholi', 'Luganda', 'Swahili', 'French'];
      for (let p = 0; p < 1000; p++) {
        const pid = crypto.randomUUID();
        provider.run(pid, `Provider ${p}`, `provider ${p}`, now, now);
        for (let s = 0; s < 5; s++) {
          const sid = crypto.randomUUID();
          const category = builtinCategories[(p * 5 + s) % builtinCategories.length];
          service.run(sid, pid, `Service ${p}-${s}`, category, s % 3 === 0 ? null : 5 + (s % 4), s % 2 === 0 ? null : 14 + (s % 5), JSON.stringify([langs[p % 5], langs[(p + s) % 5]]), now, now);
          const n = 1 + ((p + s) % 3);
          for (let k = 0; k < n; k++) cover.run(sid, (p * 7 + s * 13 + k) % 17 === 0 ? districts[(p + k) % districts.length].id : subs[(p * 31 + s * 7 + k * 11) % subs.length].id);
        }
      }
    })();

    // Cases: 90 % open, spread over the sub-counties (by name), a current plan with two objectives
    // each, a well-being assessment for half of them, and a referral for one in five.
    raw.transaction(() => {
      const kase = raw.prepare(`INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, documentation_status, separation_reasons, care_arrangement, area, stage, status, risk_level, risk_rank, priority, registered_at, updated_at)
        VALUES (?, ?, ?, 'BEN', 'Child', ?, ?, 'female', 'unknown', '[]', 'kinship_care', ?, 'follow_up', ?, 'low', 1, 'normal', ?, ?)`);
      const version = raw.prepare(`INSERT INTO plan_versions (id, case_id, version, status, acknowledged_on, created_at, updated_at) VALUES (?, ?, 1, 'current', '2026-01-01', ?, ?)`);
      const objective = raw.prepare(`INSERT INTO plan_objectives (id, plan_version_id, case_id, objective_key, position, domain, objective, indicator, target_date, responsible, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'x', 'x', '2026-06-01', 'x', ?, ?)`);
      const assessment = raw.prepare(`INSERT INTO assessments (id, case_id, template_key, template_version, kind, date, status, answers, created_at, updated_at) VALUES (?, ?, 'csi', 1, 'wellbeing', '2026-01-15', 'completed', ?, ?, ?)`);
      const firstProvider = (raw.prepare('SELECT id FROM service_providers LIMIT 1').get() as { id: string }).id;
      const referral = raw.prepare(`INSERT INTO referrals (id, case_id, provider_id, category, area_key, need, urgency, status, sent_on, due_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', 'routine', ?, '2026-01-01', '2026-01-15', ?, ?)`);
      const statuses = ['sent', 'accepted', 'declined', 'no_response', 'completed'];
      const objectiveStatuses = ['not_started', 'in_progress', 'achieved'];
      for (let i = 0; i < caseCount; i++) {
        const id = crypto.randomUUID();
        const area = subs[(i * 7919) % subs.length].name;
        kase.run(id, `BEN-${i}`, i + 1, `Case${i}`, `child case${i}`, area, i % 10 === 0 ? 'closed' : 'open', now, now);
        const vid = crypto.randomUUID();
        version.run(vid, id, now, now);
        for (let k = 0; k < 2; k++) objective.run(crypto.randomUUID(), vid, id, `o${k}`, k, wellbeingDomains[(i + k * 3) % wellbeingDomains.length], objectiveStatuses[(i + k) % 3], now);
        if (i % 2 === 0) {
          const answers = Object.fromEntries(factors.map((f, j) => [f, ((i + j) % 7) === 0 ? 1 + ((i + j) % 2) : 3]));
          assessment.run(crypto.randomUUID(), id, JSON.stringify(answers), now, now);
        }
        if (i % 5 === 0) referral.run(crypto.randomUUID(), id, firstProvider, builtinCategories[i % builtinCategories.length], area.toLowerCase(), statuses[i % statuses.length], now, now);
      }
    })();
    raw.exec('ANALYZE');
    // Building a large office takes longer than the auto-lock: the measuring session starts afresh.
    await sup.call('session.unlock', { password: `${password} again` });
    log(`services bench: office built in ${((performance.now() - started) / 1000).toFixed(1)} s (${caseCount.toLocaleString('en')} cases, 5 000 services, ${areas.length} areas)`);

    await measureAll(sup, caseCount, iterations, figures, log);
    admin.close();
    sup.close();
  } finally {
    core.close();
    if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

type Client = ReturnType<typeof createInProcessClient>;

/**
 * Each path: one cold call, then `iterations` timed calls. Wall-clock figures on a shared machine
 * mostly measure the neighbours, so the CPU time this process spent per call (process.cpuUsage, all
 * threads) and the load average are printed beside them.
 */
async function measureAll(sup: Client, caseCount: number, iterations: number, figures: ServicesFigure[], log: (line: string) => void) {
  const measure = async (name: string, work: (i: number) => Promise<unknown>, goal?: string) => {
    const t0 = performance.now();
    await work(-1);
    const cold = performance.now() - t0;
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      await work(i);
      samples.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    const s = stats(samples);
    const c = stats(cpu);
    const load = os.loadavg()[0].toFixed(1);
    const note = `CPU per call p50 ${c.p50.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms; load ${load} on ${os.cpus().length} cores`;
    figures.push({ path: name, cold, ...s, n: samples.length, goal, note });
    log(`${name}: cold ${cold.toFixed(1)} ms, p50 ${s.p50.toFixed(1)}, p95 ${s.p95.toFixed(1)}, max ${s.max.toFixed(1)} ms (n=${samples.length})${goal ? ` — goal ${goal}` : ''} — ${note}`);
  };
  const must = async (p: Promise<{ ok: boolean; error?: unknown }>) => {
    const r = await p;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r;
  };
  const areas = await sup.ok('services.areas', {});
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const subs = areas.filter((a) => /^R\d+D\d+S\d+$/.test(a.code));
  const districts = areas.filter((a) => /^R\d+D\d+$/.test(a.code));
  if (subs.length === 0 || districts.length === 0 || !byCode.has('R0')) throw new Error('not a services bench office');
  const langs = ['english', 'acholi', 'luganda', 'swahili', 'french'];
  const at = (list: { id: string }[], i: number) => list[Math.abs(i) % list.length].id;
  await measure('services.search: category + sub-county + language + age (5 000 services)', (i) =>
    must(sup.call('services.search', { category: builtinCategories[Math.abs(i) % builtinCategories.length], areaId: at(subs, i * 37), language: langs[Math.abs(i) % 5], age: 6 + (Math.abs(i) % 10) })), 'p95 ≤ 20 ms');
  await measure('services.search: district (with its parents and sub-areas), any category', (i) => must(sup.call('services.search', { areaId: at(districts, i * 13) })), 'p95 ≤ 20 ms');
  await measure('services.search: words, first 200 of all', (i) => must(sup.call('services.search', { text: `service ${Math.abs(i) % 100}` })), 'p95 ≤ 20 ms');
  await measure(`services.gaps: area × category matrix (${caseCount.toLocaleString('en')} cases)`, () => must(sup.call('services.gaps', {})), 'p95 ≤ 250 ms');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, iterations: { type: 'string', default: '40' }, dir: { type: 'string' } } });
  if (values.dir) fs.mkdirSync(values.dir, { recursive: true });
  await benchServices(Number(values.cases), Number(values.iterations), console.log, values.dir ? path.resolve(values.dir) : undefined);
}
