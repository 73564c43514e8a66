// The gap matrix reads needs kept by triggers (case_needs, need_counts: migration 15), never the
// office's cases. This proves those kept counts equal a from-scratch recount, written here in
// JavaScript from the source rows (open cases, objectives of the plan in force, the latest completed
// Child Status Index, unmet referrals), after each kind of change made through the real channels:
// a case registered and assessed, an objective achieved, a newer assessment, a referral declined,
// a child who moved, a case halted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { unmetStatuses } from '../../../shared/referrals/lifecycle';
import { openRawWithKey } from '../../fixtures/core';
import { gapCell, setUpDirectoryOffice, type DirectoryOffice } from './fixture';

const factors = ['food_security', 'nutrition_growth', 'shelter', 'care', 'abuse_exploitation', 'legal_protection', 'wellness', 'health_care_services', 'emotional_health', 'social_behaviour', 'performance', 'education_work', 'family_relationships', 'community_belonging', 'stigma'];
const scores = (low: Record<string, number>) => Object.fromEntries(factors.map((f) => [f, low[f] ?? 3]));

type Count = { area_key: string; category: string; n: number };

/** Distinct cases with an open need, by lower-cased area and category, from the source rows. */
function recount(raw: RawDatabase): Count[] {
  const map = new Map((raw.prepare('SELECT kind, key, category FROM need_categories').all() as { kind: string; key: string; category: string }[]).map((r) => [`${r.kind}:${r.key}`, r.category]));
  const open = new Map((raw.prepare(`SELECT id, area FROM cases WHERE status = 'open'`).all() as { id: string; area: string }[]).map((r) => [r.id, r.area.toLowerCase()]));
  const needs = new Set<string>();
  const add = (caseId: string, category: string | undefined) => {
    if (category && open.has(caseId)) needs.add(`${caseId}\u001f${category}`);
  };
  const objectives = raw
    .prepare(`SELECT o.case_id, o.domain, o.status, v.status AS plan FROM plan_objectives o JOIN plan_versions v ON v.id = o.plan_version_id`)
    .all() as { case_id: string; domain: string; status: string; plan: string }[];
  for (const o of objectives) if (o.plan === 'current' && (o.status === 'not_started' || o.status === 'in_progress')) add(o.case_id, map.get(`domain:${o.domain}`));
  const latest = new Map<string, { at: string; answers: Record<string, unknown> }>();
  const assessments = raw.prepare(`SELECT case_id, date, completed_at, answers FROM assessments WHERE template_key = 'csi' AND status = 'completed'`).all() as {
    case_id: string;
    date: string;
    completed_at: string | null;
    answers: string;
  }[];
  for (const a of assessments) {
    const at = `${a.date}|${a.completed_at ?? ''}`;
    if ((latest.get(a.case_id)?.at ?? '') < at) latest.set(a.case_id, { at, answers: JSON.parse(a.answers) as Record<string, unknown> });
  }
  for (const [caseId, { answers }] of latest) {
    for (const [factor, score] of Object.entries(answers)) if (Number.isInteger(score) && (score as number) <= 2) add(caseId, map.get(`factor:${factor}`));
  }
  const referrals = raw.prepare('SELECT case_id, category, status FROM referrals').all() as { case_id: string; category: string; status: string }[];
  for (const r of referrals) if ((unmetStatuses as readonly string[]).includes(r.status)) add(r.case_id, r.category);
  const counts = new Map<string, Count>();
  for (const need of needs) {
    const [caseId, category] = need.split('\u001f');
    const area_key = open.get(caseId)!;
    const key = `${area_key}\u001f${category}`;
    const c = counts.get(key) ?? { area_key, category, n: 0 };
    c.n += 1;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => (a.area_key + a.category < b.area_key + b.category ? -1 : 1));
}

/** Referrals sent and not yet answered, and those declined or unmet, by area text and category. */
function recountReferrals(raw: RawDatabase) {
  const counts = new Map<string, { area_key: string; category: string; pending: number; declined: number }>();
  for (const r of raw.prepare('SELECT area_key, category, status FROM referrals').all() as { area_key: string; category: string; status: string }[]) {
    const pending = ['sent', 'acknowledged', 'accepted'].includes(r.status) ? 1 : 0;
    const declined = (unmetStatuses as readonly string[]).includes(r.status) ? 1 : 0;
    if (pending + declined === 0) continue;
    const key = `${r.area_key}\u001f${r.category}`;
    const c = counts.get(key) ?? { area_key: r.area_key, category: r.category, pending: 0, declined: 0 };
    c.pending += pending;
    c.declined += declined;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => (a.area_key + a.category < b.area_key + b.category ? -1 : 1));
}

let o: DirectoryOffice;
let layibiCase: string;

function expectKeptEqualsRecount(expected: Partial<Count>[]) {
  const raw = openRawWithKey(o.core);
  try {
    const kept = raw.prepare(`SELECT area_key, category, n FROM need_counts WHERE n > 0 ORDER BY area_key || category`).all() as Count[];
    const fresh = recount(raw);
    expect(kept).toEqual(fresh);
    // Every count is a whole case: none is left at zero or below by a later change.
    expect(raw.prepare('SELECT count(*) AS n FROM need_counts WHERE n < 0').get()).toEqual({ n: 0 });
    expect(kept).toEqual(expected.map((e) => expect.objectContaining(e)));
    // Referrals pending and declined or unmet by area and category, kept the same way (migration 19).
    const keptReferrals = raw.prepare(`SELECT area_key, category, pending, declined FROM referral_counts WHERE pending > 0 OR declined > 0 ORDER BY area_key || category`).all();
    expect(keptReferrals).toEqual(recountReferrals(raw));
  } finally {
    raw.close();
  }
}

beforeAll(async () => {
  o = await setUpDirectoryOffice();
});
afterAll(() => o?.cleanup());

describe('needs kept by triggers equal a recount from the source rows', () => {
  it('after a plan is acknowledged (setup): its open objectives', () => {
    expectKeptEqualsRecount([
      { area_key: 'pece', category: 'education', n: 1 },
      { area_key: 'pece', category: 'mental_health', n: 1 },
    ]);
  });

  it('after a child is registered and assessed with low factors', async () => {
    layibiCase = (await o.register(o.worker, { area: 'Layibi', givenName: 'Okot' })).id;
    await o.worker.ok('assessments.save', { caseId: layibiCase, templateKey: 'csi', templateVersion: 1, date: '2025-09-01', answers: scores({ emotional_health: 1, legal_protection: 2, wellness: 2 }), complete: true });
    expectKeptEqualsRecount([
      { area_key: 'layibi', category: 'health', n: 1 },
      { area_key: 'layibi', category: 'legal_aid', n: 1 },
      { area_key: 'layibi', category: 'mental_health', n: 1 },
      { area_key: 'pece', category: 'education', n: 1 },
      { area_key: 'pece', category: 'mental_health', n: 1 },
    ]);
  });

  it('after an objective is achieved and a newer assessment scores well', async () => {
    await o.travelTo('2025-09-03T08:00:00.000Z');
    const plan = await o.worker.ok('plans.get', { caseId: o.caseId });
    const education = plan.current!.objectives.find((x) => x.domain === 'education_skills')!;
    await o.worker.ok('plans.updateObjective', { caseId: o.caseId, objectiveId: education.id, status: 'achieved', progress: { date: '2025-09-01', note: 'Enrolled' } });
    await o.worker.ok('assessments.save', { caseId: layibiCase, templateKey: 'csi', templateVersion: 1, date: '2025-09-02', answers: scores({ legal_protection: 1 }), complete: true });
    expectKeptEqualsRecount([
      { area_key: 'layibi', category: 'legal_aid', n: 1 },
      { area_key: 'pece', category: 'mental_health', n: 1 },
    ]);
  });

  it('after a referral is declined, and a child moves to another area', async () => {
    const draft = await o.worker.ok('referrals.saveDraft', {
      caseId: layibiCase,
      referral: { providerId: o.clinic.id, serviceId: null, category: 'mental_health', objectiveKey: null, need: 'Counselling', urgency: 'routine', fields: ['name', 'age', 'sex', 'location', 'need', 'urgency'] },
    });
    const sent = await o.worker.ok('referrals.send', { caseId: layibiCase, referralId: draft.id, date: '2025-09-02', emergencyReason: 'Night terrors' });
    const raw = openRawWithKey(o.core);
    try {
      expect(recountReferrals(raw)).toEqual([{ area_key: 'layibi', category: 'mental_health', pending: 1, declined: 0 }]);
    } finally {
      raw.close();
    }
    await o.worker.ok('referrals.move', { caseId: layibiCase, referralId: draft.id, to: 'declined', date: '2025-09-03', version: sent.version, reason: 'Full until January' });
    expectKeptEqualsRecount([
      { area_key: 'layibi', category: 'legal_aid', n: 1 },
      { area_key: 'layibi', category: 'mental_health', n: 1 },
      { area_key: 'pece', category: 'mental_health', n: 1 },
    ]);
    const file = await o.worker.ok('cases.get', { caseId: layibiCase });
    await o.worker.ok('cases.update', { caseId: layibiCase, version: file.version, child: { ...file.child, area: 'Pece' }, riskLevel: file.riskLevel, priority: file.priority });
    // Both children now in Pece with a mental-health need: one count of two cases.
    expectKeptEqualsRecount([
      { area_key: 'pece', category: 'legal_aid', n: 1 },
      { area_key: 'pece', category: 'mental_health', n: 2 },
    ]);
    const m = await o.worker.ok('services.gaps', {});
    expect(gapCell(m, o.areas.pece.id, 'mental_health')?.needs).toBe(2);
    expect(gapCell(m, o.areas.layibi.id, 'mental_health')?.needs ?? 0).toBe(0);
  });

  it('after a case is halted: its needs leave the counts', async () => {
    const file = await o.worker.ok('cases.get', { caseId: o.caseId });
    await o.worker.ok('cases.halt', { caseId: o.caseId, version: file.version, alternative: 'temporary_alternative_care', reason: 'Not safe at home yet', childViews: 'She wants to stay with her aunt for now' });
    expectKeptEqualsRecount([
      { area_key: 'pece', category: 'legal_aid', n: 1 },
      { area_key: 'pece', category: 'mental_health', n: 1 },
    ]);
  });
});
