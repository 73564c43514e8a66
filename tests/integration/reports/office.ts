// A hand-made office for the indicator tests: six children whose records are written row by row
// into a real encrypted database, so every numerator and denominator has an answer worked out by
// hand (in the comments of indicators.test.ts). Period under test: 2025-01-01 to 2025-03-31.
import type { RawDatabase } from '../../../electron/core/db/open';
import { setUpStaffedOffice } from '../../fixtures/core';

export const period = { from: '2025-01-01', to: '2025-03-31' };

interface ChildRow {
  id: string;
  sex: 'female' | 'male';
  dob?: string;
  estimatedAge?: number;
  registeredAt: string;
  area?: string;
  reasons: string[];
  disability?: boolean;
  care?: string;
  spontaneous?: boolean;
  worker: string;
  given?: string;
  family?: string;
}

export async function handMadeOffice() {
  const office = await setUpStaffedOffice();
  const raw: RawDatabase = office.core.store.get().raw;
  const { worker, otherWorker, supervisor } = office.users;
  let seq = 0;
  const child = (c: ChildRow) => {
    seq += 1;
    raw
      .prepare(
        `INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, date_of_birth, estimated_age,
          has_disability, documentation_status, separation_reasons, separation_date, care_arrangement, area, stage, status, risk_level,
          risk_rank, priority, spontaneous, worker_id, registered_at, updated_at)
         VALUES (?, ?, ?, 'GUL', ?, ?, ?, ?, ?, ?, ?, 'unknown', ?, ?, ?, ?, 'tracing_assessment', 'open', 'low', 1, 'normal', ?, ?, ?, ?)`,
      )
      .run(c.id, `GUL-2025-${String(seq).padStart(5, '0')}`, seq, c.given ?? `Child${c.id}`, c.family ?? 'Okello', `child${c.id.toLowerCase()} okello`, c.sex,
        c.dob ?? null, c.estimatedAge ?? null, c.disability ? 1 : 0, JSON.stringify(c.reasons), '2024-01-01', c.care ?? 'kinship_care', c.area ?? '',
        c.spontaneous ? 1 : 0, c.worker, c.registeredAt, c.registeredAt);
  };
  child({ id: 'A', sex: 'female', dob: '2015-06-01', registeredAt: '2025-01-10T09:00:00.000Z', area: 'North', reasons: ['poverty', 'violence'], disability: true, care: 'foster_care', worker: worker.id, given: 'Akello', family: 'Auma' });
  child({ id: 'B', sex: 'male', dob: '2012-02-01', registeredAt: '2025-02-15T09:00:00.000Z', area: 'North', reasons: ['poverty'], worker: worker.id });
  child({ id: 'C', sex: 'male', estimatedAge: 16, registeredAt: '2024-06-01T09:00:00.000Z', reasons: ['conflict_disaster'], spontaneous: true, care: 'street', worker: otherWorker.id });
  child({ id: 'D', sex: 'female', registeredAt: '2024-11-01T09:00:00.000Z', area: 'South', reasons: [], worker: otherWorker.id });
  child({ id: 'E', sex: 'female', dob: '2010-01-01', registeredAt: '2025-03-31T23:00:00.000Z', area: 'South', reasons: [], worker: otherWorker.id });
  child({ id: 'F', sex: 'male', dob: '2011-01-01', registeredAt: '2025-04-01T00:00:00.000Z', area: 'South', reasons: ['poverty'], worker: otherWorker.id });

  const at = '2025-01-01T00:00:00.000Z';
  const tracing = raw.prepare(`INSERT INTO tracing_actions (id, case_id, date, method, country, result, created_at, updated_at, removed_at)
    VALUES (?, ?, ?, 'home_visit', 'UG', ?, ?, ?, ?)`);
  tracing.run('t1', 'A', '2025-01-15', 'lead', at, at, null);
  tracing.run('t2', 'A', '2025-02-01', 'family_found', at, at, null);
  tracing.run('t3', 'B', '2025-02-20', 'no_information', at, at, null);
  tracing.run('t4', 'D', '2024-06-01', 'family_found', at, at, null);
  tracing.run('t5', 'D', '2025-01-05', 'other', at, at, null);
  tracing.run('t6', 'E', '2025-03-01', 'family_found', at, at, '2025-03-02T00:00:00.000Z');

  const template = raw.prepare(`SELECT key, version, kind FROM assessment_templates`).all() as { key: string; version: number; kind: string }[];
  const tpl = (kind: string) => template.find((t) => t.kind === kind)!;
  const assessment = raw.prepare(`INSERT INTO assessments (id, case_id, template_key, template_version, kind, date, status, scores, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const add = (id: string, caseId: string, kind: string, date: string, status: string, overall: number | null = null) =>
    assessment.run(id, caseId, tpl(kind).key, tpl(kind).version, kind, date, status, JSON.stringify({ domains: {}, overall }), at, at);
  add('a1', 'A', 'child', '2025-01-12', 'completed');
  add('a2', 'B', 'child', '2025-03-01', 'completed');
  add('a3', 'E', 'child', '2025-03-02', 'draft');
  add('w1', 'C', 'wellbeing', '2024-07-20', 'completed', 2);
  add('w2', 'C', 'wellbeing', '2025-01-28', 'completed', 3);

  const event = raw.prepare('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)');
  event.run('A', '2025-02-10T10:00:00.000Z', worker.id, 'case.stageMove', JSON.stringify({ from: 'tracing_assessment', to: 'preparation', reason: '' }));
  event.run('B', '2025-03-10T10:00:00.000Z', worker.id, 'case.stageMove', JSON.stringify({ from: 'tracing_assessment', to: 'preparation', reason: '' }));
  event.run('C', '2024-06-01T09:00:00.000Z', otherWorker.id, 'case.spontaneousReunification', JSON.stringify({ reunifiedOn: '2024-08-01', caregiverNames: 'x', notes: '' }));
  raw.prepare(`INSERT INTO bids (id, case_id, status, date, decision, created_at, updated_at, decided_at, decided_by)
    VALUES ('b1', 'A', 'approved', '2025-02-04', 'reintegration_with_family', ?, ?, '2025-02-05T10:00:00.000Z', ?)`).run(at, at, supervisor.id);

  const plan = raw.prepare(`INSERT INTO plan_versions (id, case_id, version, status, acknowledged_on, created_at, updated_at) VALUES (?, ?, 1, 'current', ?, ?, ?)`);
  plan.run('pA', 'A', '2025-02-20', at, at);
  plan.run('pC', 'C', '2024-08-05', at, at);
  plan.run('pD', 'D', '2024-10-01', at, at);
  raw.prepare(`INSERT INTO plan_objectives (id, plan_version_id, case_id, objective_key, position, domain, objective, indicator, target_date, responsible, status, updated_at)
    VALUES ('o1', 'pA', 'A', 'k1', 0, 'education_skills', 'Back to school', 'Enrolled', '2025-06-01', 'Worker', 'not_started', ?)`).run(at);
  raw.prepare(`INSERT INTO plan_acknowledgements (plan_version_id, case_id, date, method, family_members, child_acknowledged, witness_name, recorded_at)
    VALUES ('pA', 'A', '2025-02-20', 'verbal', '[]', 1, 'Teacher', ?)`).run(at);
  raw.prepare(`INSERT INTO plan_reviews (id, case_id, plan_version_id, date, notes, next_due, recorded_at) VALUES ('r1', 'D', 'pD', '2025-02-01', 'ok', '2025-05-01', ?)`).run(at);

  const contact = raw.prepare(`INSERT INTO contacts (id, case_id, kind, mode, with_whom, status, held_on, outcome, created_at, updated_at)
    VALUES (?, ?, ?, 'in_person', 'Mother', 'held', ?, 'successful', ?, ?)`);
  contact.run('k1', 'A', 'supervised_visit', '2025-02-10', at, at);
  contact.run('k2', 'D', 'short_meeting', '2024-08-01', at, at);
  raw.prepare(`INSERT INTO contact_refusals (id, case_id, refused_on, refused_by, reasons, created_at) VALUES ('x1', 'D', '2025-02-10', 'family', '[]', ?)`).run(at);
  const reunion = raw.prepare(`INSERT INTO reunifications (case_id, reunified_on, willingness_stated_on, child_choices, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
  reunion.run('A', '2025-03-15', '2025-03-10', 'She chose to travel with her aunt', at, at);
  reunion.run('D', '2024-09-15', null, '', at, at);
  raw.prepare(`INSERT INTO preparation_care (id, case_id, arrangement, place, since, recorded_at) VALUES ('pc1', 'A', 'foster_care', 'Gulu', '2025-01-20', ?)`).run(at);

  const consent = raw.prepare(`INSERT INTO consents (id, case_id, given_by, purposes, method, given_on, recorded_at, withdrawn_on) VALUES (?, ?, 'caregiver', '[]', 'written', ?, ?, ?)`);
  consent.run('s1', 'A', '2025-01-10', at, null);
  consent.run('s2', 'B', '2025-01-20', at, '2025-03-01');
  raw.prepare(`INSERT INTO gate_exceptions (id, case_id, gate_id, reason_kind, reason, status, requested_at, decided_by, decided_at)
    VALUES ('g1', 'A', 'supervisedVisitSucceeded', 'other', 'far', 'approved', '2025-03-09T00:00:00.000Z', ?, '2025-03-10T00:00:00.000Z')`).run(supervisor.id);

  const partner = raw.prepare(`INSERT INTO partner_offices (id, kind, name, code, country, age_recipient, signing_public_key, fingerprint, trusted_at)
    VALUES (?, ?, ?, ?, 'UG', 'age1x', ?, 'fp', ?)`);
  partner.run('p-la', 'local_authority', 'District Council', 'DC', 'key-la', at);
  partner.run('p-of', 'office', 'Kampala Office', 'KLA', 'key-of', at);
  const transfer = raw.prepare(`INSERT INTO transfers (id, direction, case_id, partner_id, status, reason, basis, child_assent, sections, records,
      file_sha256, file_bytes, sent_at, created_at, decided_at) VALUES (?, 'out', ?, ?, ?, 'moved', 'consent', 'given', '[]', '[]', 'x', 1, ?, ?, ?)`);
  transfer.run('tr1', 'B', 'p-la', 'accepted', at, at, '2025-03-20T10:00:00.000Z');
  transfer.run('tr2', 'E', 'p-of', 'accepted', at, at, '2025-03-25T10:00:00.000Z');
  transfer.run('tr3', 'D', 'p-la', 'pending', at, at, null);

  // Later stages (follow-up, referrals, closure) — answers in indicators.test.ts.
  const visit = raw.prepare(`INSERT INTO followup_visits (id, case_id, date, mode, child_spoken_with, emergency_route_confirmed, data, created_at)
    VALUES (?, ?, ?, 'in_person', 1, 1, '{}', ?)`);
  visit.run('v1', 'C', '2025-02-03', at);
  visit.run('v2', 'D', '2025-03-01', at);
  const fcontact = raw.prepare(`INSERT INTO followup_contacts (id, case_id, due_on, type, performer, source, status, visit_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'case_worker', 'protocol', ?, ?, ?, ?)`);
  fcontact.run('fc1', 'C', '2025-02-01', 'home_visit', 'done', 'v1', at, at); // held 2 days after: on time
  fcontact.run('fc2', 'D', '2025-02-15', 'home_visit', 'done', 'v2', at, at); // held 14 days after: late
  fcontact.run('fc3', 'A', '2025-03-28', 'home_visit', 'planned', null, at, at); // still within its week on 31 March: unknown
  fcontact.run('fc4', 'D', '2025-02-20', 'phone_call', 'planned', null, at, at); // a phone call is not a visit
  fcontact.run('fc5', 'C', '2025-03-01', 'home_visit', 'cancelled', null, at, at);
  const outcome = raw.prepare(`INSERT INTO followup_outcomes (id, case_id, milestone, recorded_on, living, school, welcomed, belonging, child_words, note, result, created_at)
    VALUES (?, ?, 6, ?, ?, 'unknown', ?, 'unknown', '', '', ?, ?)`);
  outcome.run('oc1', 'C', '2025-02-03', 'same_caregiver', 'yes', 'success', at);
  outcome.run('oc2', 'D', '2025-03-20', 'unknown', 'not_asked', 'unknown', at);
  raw.prepare(`INSERT INTO followup_breakdowns (id, case_id, date, what_happened, where_now, where_place, decided_by, from_stage, bid_review_due, created_at)
    VALUES ('bd1', 'D', '2025-06-10', 'Left home after a fight', 'street', '', 'child', 'follow_up', '2025-07-10', ?)`).run(at);
  const category = (raw.prepare('SELECT key FROM service_categories ORDER BY key LIMIT 1').get() as { key: string }).key;
  raw.prepare(`INSERT INTO service_providers (id, name, name_key, kind, created_at, updated_at) VALUES ('sp1', 'Gulu Clinic', 'gulu clinic', 'ngo', ?, ?)`).run(at, at);
  const referral = raw.prepare(`INSERT INTO referrals (id, case_id, provider_id, category, need, urgency, status, sent_on, created_at, updated_at)
    VALUES (?, ?, 'sp1', ?, 'Health check', 'routine', ?, ?, ?, ?)`);
  referral.run('rf1', 'B', category, 'completed', '2025-02-20', at, at);
  referral.run('rf2', 'A', category, 'sent', '2025-03-20', at, at); // no answer yet: unknown
  referral.run('rf3', 'D', category, 'completed', '2024-12-20', at, at); // sent before the period
  const closure = raw.prepare(`INSERT INTO case_closures (id, case_id, status, reason, observations_reviewed, progress_reviewed, providers_consulted, risks,
      child_views, family_views, stage_before, status_before, recommended_at, decided_at) VALUES (?, ?, ?, 'reintegrated', 1, 1, 'Teacher', '[]', 'x', 'y', 'follow_up', 'open', ?, ?)`);
  closure.run('cl1', 'D', 'approved', '2025-03-20T00:00:00.000Z', '2025-03-25T10:00:00.000Z');
  closure.run('cl2', 'C', 'recommended', '2025-03-28T00:00:00.000Z', null); // not decided: not closed
  closure.run('cl3', 'B', 'approved', '2025-03-21T00:00:00.000Z', '2025-03-22T10:00:00.000Z'); // after its transfer
  closure.run('cl4', 'E', 'approved', '2025-03-31T23:10:00.000Z', '2025-03-31T23:30:00.000Z');
  // Well-being at closure: B's last score before its closure is fine (an earlier one had a factor at
  // 1); D's, 88 days before its closure, has abuse and exploitation at 2 (the average is 3.2); E has none.
  const csi = (low: Record<string, number>) => JSON.stringify({ food_security: 3, nutrition_growth: 4, shelter: 3, care: 3, abuse_exploitation: 3,
    legal_protection: 4, wellness: 3, health_care_services: 3, emotional_health: 3, social_behaviour: 4, performance: 3, education_work: 3, ...low });
  const wellbeing = raw.prepare(`INSERT INTO assessments (id, case_id, template_key, template_version, kind, date, status, answers, scores, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'wellbeing', ?, 'completed', ?, ?, ?, ?)`);
  const score = (id: string, caseId: string, date: string, low: Record<string, number>) =>
    wellbeing.run(id, caseId, tpl('wellbeing').key, tpl('wellbeing').version, date, csi(low), JSON.stringify({ domains: {}, overall: 3.2 }), at, at);
  score('wB1', 'B', '2025-02-20', { emotional_health: 1 });
  score('wB2', 'B', '2025-03-01', {});
  score('wD1', 'D', '2024-12-27', { abuse_exploitation: 2 });
  return { ...office, raw };
}
