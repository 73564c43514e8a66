// Node-only. The review sheet of one case in a session (B2.4): what the records hold today — plan
// objectives and their latest progress, how current the risk assessment and safety plan are, the
// child's recorded views, active consents, overdue items, earlier reviews and open actions. The
// follow-up and services features' parts (well-being, warning signs, referrals, visits) come
// through followup-links.ts.
import type { Kysely } from 'kysely';
import type { ReviewSheet } from '../../../shared/review/contract';
import { todayIso } from '../../../shared/cases/fields';
import type { CaseDbRow } from '../cases/scope';
import type { DB } from '../db/schema';
import { openReferrals, openWarningSigns, overdueVisits, wellbeingTrend } from './followup-links';
import { actionsOf } from './sessions';

export async function reviewSheet(db: Kysely<DB>, kase: CaseDbRow, now: Date): Promise<ReviewSheet> {
  const caseId = kase.id;
  const today = todayIso(now);
  const plan = await db.selectFrom('plan_versions').select(['id', 'acknowledged_on']).where('case_id', '=', caseId).where('status', '=', 'current').executeTakeFirst();
  const objectives = plan
    ? await db.selectFrom('plan_objectives').select(['objective', 'status', 'objective_key']).where('plan_version_id', '=', plan.id).orderBy('position').execute()
    : [];
  const notes = plan
    ? await db.selectFrom('plan_progress_notes').select(['objective_key', 'note', 'date']).where('case_id', '=', caseId).orderBy('date', 'desc').execute()
    : [];
  const latestNote = new Map<string, { note: string; date: string }>();
  for (const n of notes) if (!latestNote.has(n.objective_key)) latestNote.set(n.objective_key, n);
  const risk = await db.selectFrom('risk_assessments').select(['date', 'overall_level']).where('case_id', '=', caseId).orderBy('date', 'desc').limit(1).executeTakeFirst();
  const safety = await db.selectFrom('safety_plans').select(['created_at']).where('case_id', '=', caseId).orderBy('number', 'desc').limit(1).executeTakeFirst();
  const bids = await db.selectFrom('bids').select(['date', 'child_views']).where('case_id', '=', caseId).where('child_views', '!=', '').orderBy('date', 'desc').limit(2).execute();
  const contacts = await db
    .selectFrom('contacts')
    .select(['held_on', 'child_feedback'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'held')
    .where('child_feedback', '!=', '')
    .orderBy('held_on', 'desc')
    .limit(3)
    .execute();
  const childViews = [
    ...bids.map((b) => ({ date: b.date, source: 'bid', text: b.child_views })),
    ...contacts.map((c) => ({ date: c.held_on ?? '', source: 'contact', text: c.child_feedback })),
    ...(kase.halt_child_views ? [{ date: (kase.halted_at ?? '').slice(0, 10), source: 'halt', text: kase.halt_child_views }] : []),
  ].sort((a, b) => b.date.localeCompare(a.date));
  const consents = await db
    .selectFrom('consents')
    .select(['purposes', 'given_by', 'given_on'])
    .where('case_id', '=', caseId)
    .where('withdrawn_on', 'is', null)
    .orderBy('given_on', 'desc')
    .execute();
  const lateContacts = await db
    .selectFrom('contacts')
    .select(['kind', 'planned_for'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'planned')
    .where('planned_for', '<', today)
    .execute();
  const overdue = [
    ...(kase.review_due && kase.review_due < today ? [{ kind: 'planReview', due: kase.review_due }] : []),
    ...lateContacts.map((c) => ({ kind: `contact:${c.kind}`, due: c.planned_for ?? '' })),
    ...(await overdueVisits(db, caseId, today)),
  ];
  const previous = await db
    .selectFrom('review_items')
    .innerJoin('review_sessions', 'review_sessions.id', 'review_items.session_id')
    .select(['review_sessions.held_on', 'review_items.decision', 'review_items.counts_as_plan_review'])
    .where('review_items.case_id', '=', caseId)
    .where('review_items.decided_at', 'is not', null)
    .orderBy('review_sessions.held_on', 'desc')
    .limit(5)
    .execute();
  const registered = Date.parse(kase.registered_at);
  return {
    caseId,
    stage: kase.stage,
    daysSinceRegistration: Math.max(0, Math.floor((now.getTime() - registered) / 86_400_000)),
    objectives: objectives.map((o) => ({
      description: o.objective,
      status: o.status,
      lastProgress: latestNote.get(o.objective_key)?.note ?? null,
      lastProgressOn: latestNote.get(o.objective_key)?.date ?? null,
    })),
    planAcknowledgedOn: plan?.acknowledged_on ?? null,
    planReviewDue: kase.review_due,
    riskAssessedOn: risk?.date ?? null,
    riskLevel: risk?.overall_level ?? kase.risk_level,
    safetyPlanOn: safety ? safety.created_at.slice(0, 10) : null,
    wellbeing: await wellbeingTrend(db, caseId),
    warningSigns: await openWarningSigns(db, caseId),
    childViews,
    consents: consents.map((c) => ({ purposes: JSON.parse(c.purposes) as string[], givenBy: c.given_by, date: c.given_on })),
    openReferrals: await openReferrals(db, caseId),
    overdue,
    previousReviews: previous.map((p) => ({ heldOn: p.held_on, decision: p.decision, countsAsPlanReview: p.counts_as_plan_review === 1 })),
    openActions: (await actionsOf(db, { caseId })).filter((a) => a.status === 'open'),
  };
}
