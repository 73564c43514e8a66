// Node-only. One case's follow-up at a glance: its schedule with overdue flags, visits, warning
// signs, the face-to-face rule, the emergency route, the well-being baseline, breakdowns and the
// 6- and 12-month outcomes due.
import { addMonths } from '../../../shared/cases/fields';
import type { FollowupSummary, PlannedContact, RecordedWarningSign, WarningSign } from '../../../shared/followup/contract';
import { addDays, faceToFaceOverdue, isOverdue, outcomeMilestones } from '../../../shared/followup/contract';
import { nameOf, staffNames } from '../assessments/people';
import type { CaseDbRow } from '../cases/scope';
import type { HandlerEnv } from '../handler';
import { readPractice } from '../practice/settings';
import { followupStart } from './plan';
import { readProtocol } from './protocol';
import { riskReassessmentsDue } from './queries';
import type { FollowupContactsTable, FollowupSignsTable } from './tables';

/** The window around a 6- or 12-month outcome's date within which it counts as on time. */
export const OUTCOME_WINDOW_DAYS = 30;

export const toContact = (r: FollowupContactsTable, today: string): PlannedContact => ({
  id: r.id,
  caseId: r.case_id,
  dueOn: r.due_on,
  type: r.type,
  performer: r.performer,
  source: r.source,
  status: r.status,
  overdue: isOverdue({ dueOn: r.due_on, status: r.status }, today),
  visitId: r.visit_id,
  reason: r.reason,
});

export const toSign = (r: FollowupSignsTable): RecordedWarningSign => ({
  id: r.id,
  visitId: r.visit_id,
  sign: r.sign as WarningSign,
  urgent: r.urgent === 1,
  note: r.note,
  observedOn: r.observed_on,
  resolvedAt: r.resolved_at,
  resolution: r.resolution,
});

export async function followupSummary(env: HandlerEnv, kase: CaseDbRow): Promise<FollowupSummary> {
  const db = env.db();
  const today = env.now().toISOString().slice(0, 10);
  const caseId = kase.id;
  const [start, protocol, practice] = [await followupStart(db, caseId), await readProtocol(db), await readPractice(db)];
  const contacts = await db.selectFrom('followup_contacts').selectAll().where('case_id', '=', caseId).orderBy('due_on').orderBy('created_at').execute();
  const visits = await db
    .selectFrom('followup_visits')
    .select(['id', 'date', 'mode', 'child_spoken_with', 'emergency_route_confirmed', 'created_by'])
    .where('case_id', '=', caseId)
    .orderBy('date', 'desc')
    .execute();
  const signs = await db.selectFrom('followup_signs').selectAll().where('case_id', '=', caseId).orderBy('observed_on', 'desc').execute();
  const breakdowns = await db.selectFrom('followup_breakdowns').selectAll().where('case_id', '=', caseId).orderBy('date', 'desc').execute();
  const outcomes = await db.selectFrom('followup_outcomes').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();
  const wellbeing = await db
    .selectFrom('assessments')
    .select(['date'])
    .where('case_id', '=', caseId)
    .where('kind', '=', 'wellbeing')
    .where('status', '=', 'completed')
    .orderBy('date')
    .execute();
  const plan = await db
    .selectFrom('plan_objectives as o')
    .innerJoin('plan_versions as v', 'v.id', 'o.plan_version_id')
    .select(['o.objective_key', 'o.objective'])
    .where('o.case_id', '=', caseId)
    .where('v.status', '=', 'current')
    .orderBy('o.position')
    .execute();
  const names = await staffNames(db, [...visits.map((v) => v.created_by), ...breakdowns.map((b) => b.created_by), ...outcomes.map((o) => o.created_by)]);

  const lastFaceToFace = visits.find((v) => v.mode === 'in_person')?.date ?? null;
  const inFollowUp = kase.stage === 'follow_up' && kase.status === 'open';
  const signsByVisit = new Map<string, { n: number; urgent: boolean }>();
  for (const s of signs) {
    const entry = signsByVisit.get(s.visit_id) ?? { n: 0, urgent: false };
    entry.n += 1;
    entry.urgent ||= s.urgent === 1;
    signsByVisit.set(s.visit_id, entry);
  }

  // The baseline re-score (B1.6): before reunification, or within N days of a spontaneous return.
  const spontaneous = kase.spontaneous === 1;
  const baselineDueBy = spontaneous ? addDays(kase.registered_at.slice(0, 10), practice.spontaneousBaselineDays) : start;
  const baselineDate = wellbeing.find((w) => baselineDueBy === null || w.date <= baselineDueBy)?.date ?? null;
  const baselineStatus = baselineDate ? 'present' : spontaneous && baselineDueBy ? (today > baselineDueBy ? 'overdue' : 'due') : 'missing';

  const reassessment = inFollowUp ? await riskReassessmentsDue(db, null, caseId, 1) : [];
  return {
    stage: kase.stage,
    start,
    spontaneous,
    schedule: contacts.map((c) => toContact(c, today)),
    visits: visits.map((v) => ({
      id: v.id,
      date: v.date,
      mode: v.mode,
      childSpokenWith: v.child_spoken_with === 1,
      warningSigns: signsByVisit.get(v.id)?.n ?? 0,
      urgent: signsByVisit.get(v.id)?.urgent ?? false,
      recordedBy: nameOf(names, v.created_by),
    })),
    signs: signs.map(toSign),
    lastFaceToFace,
    faceToFaceOverdue:
      inFollowUp && start !== null
        ? faceToFaceOverdue({ start, lastFaceToFace, today, maxGapDays: protocol.definition.maxFaceToFaceGapDays, contacts: contacts.map((c) => ({ dueOn: c.due_on, status: c.status, type: c.type })) })
        : false,
    emergencyRouteConfirmed: visits.some((v) => v.emergency_route_confirmed === 1),
    riskReassessmentDue: reassessment[0]?.dueOn ?? null,
    baseline: { status: baselineStatus, date: baselineDate, dueBy: baselineDueBy },
    breakdowns: breakdowns.map((b) => ({
      id: b.id,
      date: b.date,
      whatHappened: b.what_happened,
      whereNow: b.where_now,
      wherePlace: b.where_place,
      decidedBy: b.decided_by,
      fromStage: b.from_stage,
      bidReviewDue: b.bid_review_due,
      recordedBy: nameOf(names, b.created_by),
    })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      milestone: o.milestone as 6 | 12,
      recordedOn: o.recorded_on,
      living: o.living as never,
      school: o.school as never,
      welcomed: o.welcomed as never,
      belonging: o.belonging as never,
      childWords: o.child_words,
      note: o.note,
      result: o.result,
      baselineOverall: o.baseline_overall,
      latestOverall: o.latest_overall,
      recordedBy: nameOf(names, o.created_by),
      recordedAt: o.created_at,
    })),
    outcomesDue: start
      ? outcomeMilestones.map((milestone) => {
          const dueOn = addMonths(start, milestone);
          return {
            milestone,
            dueOn,
            windowFrom: addDays(dueOn, -OUTCOME_WINDOW_DAYS),
            windowTo: addDays(dueOn, OUTCOME_WINDOW_DAYS),
            recorded: outcomes.some((o) => o.milestone === milestone),
          };
        })
      : [],
    objectives: plan.map((o) => ({ id: o.objective_key, title: o.objective })),
    protocolIsDefault: protocol.isDefault,
  };
}
