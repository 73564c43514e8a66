// Node-only. Recording a monitoring visit: it holds a planned contact (a phone call never holds a
// face-to-face one, G:L260), checks the child was spoken with or says why not (G:L262), links the
// well-being re-score made with the case's form, and records the warning signs. Any sign makes a
// risk re-assessment due and shows the safety plan; an urgent one raises the case to urgent
// priority, which puts it at the top of the supervisor's queue. One transaction.
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Scores, TemplateDefinition, Answers } from '../../../shared/assessments/template';
import { AppError, type ValidationIssue } from '../../../shared/contract/errors';
import { addDays, childSpokenWith, isFaceToFace, signIsUrgent, type VisitFields, type WarningSignInput } from '../../../shared/followup/contract';
import { assertEventDate } from '../cases/dates';
import { recordCaseChange, type CaseDbRow } from '../cases/scope';
import type { DB } from '../db/schema';
import type { HandlerEnv } from '../handler';
import { templateRow } from '../assessments/templates';
import { RISK_REASSESSMENT_DAYS } from './queries';

type Db = Kysely<DB> | Transaction<DB>;

/** How far ahead of its due date a visit may hold a planned contact. */
const HOLD_AHEAD_DAYS = 14;

function invalid(issues: ValidationIssue[]): AppError {
  return new AppError('VALIDATION', 'the visit is incomplete', { issues });
}

/** Scale answers at 1–2 in a well-being assessment: the factors a warning sign names. */
async function lowFactors(db: Db, assessmentId: string): Promise<string[]> {
  const row = await db.selectFrom('assessments').select(['answers', 'template_key', 'template_version']).where('id', '=', assessmentId).executeTakeFirst();
  if (!row) return [];
  const template = await templateRow(db, row.template_key, row.template_version);
  if (!template) return [];
  const answers = JSON.parse(row.answers) as Answers;
  const low: string[] = [];
  for (const domain of (JSON.parse(template.definition) as TemplateDefinition).domains) {
    for (const q of domain.questions) {
      const a = answers[q.id];
      if (q.type === 'scale' && typeof a === 'number' && a <= 2) low.push(q.id);
    }
  }
  return low;
}

export async function recordVisit(env: HandlerEnv, kase: CaseDbRow, visit: VisitFields) {
  const db = env.db();
  const today = env.now().toISOString().slice(0, 10);
  assertEventDate(visit.date, today, kase.registered_at.slice(0, 10), 'visit.date');
  const issues: ValidationIssue[] = [];
  const spoken = childSpokenWith(visit);
  if (!spoken && !visit.childNotSeenReason) issues.push({ path: ['visit', 'childNotSeenReason'], code: 'required', message: 'required' });
  if (spoken && !visit.childWords) issues.push({ path: ['visit', 'childWords'], code: 'required', message: 'required' });
  if (issues.length > 0) throw invalid(issues);

  let wellbeingScores: Scores | null = null;
  if (visit.wellbeingAssessmentId) {
    const a = await db
      .selectFrom('assessments')
      .select(['id', 'kind', 'status', 'scores'])
      .where('id', '=', visit.wellbeingAssessmentId)
      .where('case_id', '=', kase.id)
      .executeTakeFirst();
    if (!a || a.kind !== 'wellbeing' || a.status !== 'completed') {
      throw invalid([{ path: ['visit', 'wellbeingAssessmentId'], code: 'notWellbeing', message: 'notWellbeing' }]);
    }
    wellbeingScores = JSON.parse(a.scores) as Scores;
  }
  const signs: WarningSignInput[] = [...visit.warningSigns];
  // A well-being factor at 1–2 is a warning sign whether or not the worker ticked it (G:L263).
  const low = visit.wellbeingAssessmentId ? await lowFactors(db, visit.wellbeingAssessmentId) : [];
  if (low.length > 0 && !signs.some((s) => s.sign === 'low_wellbeing_factor')) {
    signs.push({ sign: 'low_wellbeing_factor', urgent: false, note: low.join(', ') });
  }

  const id = crypto.randomUUID();
  const at = env.now().toISOString();
  const urgent = signs.some((s) => signIsUrgent({ sign: s.sign, urgent: s.urgent }));
  await env.tx(async (trx) => {
    // The planned contact this visit holds.
    let contactId: string | null = null;
    if (visit.plannedContactId) {
      const c = await trx.selectFrom('followup_contacts').selectAll().where('id', '=', visit.plannedContactId).where('case_id', '=', kase.id).executeTakeFirst();
      if (!c || c.status !== 'planned') throw new AppError('CONFLICT', 'that contact is no longer planned', { params: { reason: 'contactClosed' } });
      if (visit.mode === 'phone' && isFaceToFace(c.type)) throw invalid([{ path: ['visit', 'mode'], code: 'phoneNotFaceToFace', message: 'phoneNotFaceToFace' }]);
      contactId = c.id;
    } else {
      let q = trx
        .selectFrom('followup_contacts')
        .select('id')
        .where('case_id', '=', kase.id)
        .where('status', '=', 'planned')
        .where('due_on', '<=', addDays(visit.date, HOLD_AHEAD_DAYS));
      if (visit.mode === 'phone') q = q.where('type', '=', 'phone_call');
      contactId = (await q.orderBy('due_on').limit(1).executeTakeFirst())?.id ?? null;
    }
    await trx
      .insertInto('followup_visits')
      .values({
        id,
        case_id: kase.id,
        date: visit.date,
        mode: visit.mode,
        contact_id: contactId,
        child_spoken_with: spoken ? 1 : 0,
        emergency_route_confirmed: visit.emergencyRouteConfirmed ? 1 : 0,
        wellbeing_assessment_id: visit.wellbeingAssessmentId,
        data: JSON.stringify({ ...visit, warningSigns: signs }),
        created_at: at,
        created_by: env.session.userId,
      })
      .execute();
    if (contactId) {
      await trx.updateTable('followup_contacts').set({ status: 'done', visit_id: id, updated_at: at }).where('id', '=', contactId).execute();
    }
    for (const s of signs) {
      await trx
        .insertInto('followup_signs')
        .values({
          id: crypto.randomUUID(),
          case_id: kase.id,
          visit_id: id,
          sign: s.sign,
          urgent: signIsUrgent({ sign: s.sign, urgent: s.urgent }) ? 1 : 0,
          note: s.note ?? '',
          observed_on: visit.date,
          resolved_at: null,
          resolved_by: null,
          resolution: null,
        })
        .execute();
    }
    if (urgent && kase.priority !== 'urgent') {
      await trx.updateTable('cases').set({ priority: 'urgent' }).where('id', '=', kase.id).execute();
    }
    await recordCaseChange(
      env,
      trx,
      kase.id,
      'followup.visit',
      { visitId: id, mode: visit.mode, contactId, signs: signs.map((s) => s.sign), urgent, childSpokenWith: spoken, wellbeingAssessmentId: visit.wellbeingAssessmentId },
      { date: visit.date, mode: visit.mode, signs: signs.map((s) => s.sign), urgent, childSpokenWith: spoken, overall: wellbeingScores?.overall ?? null },
    );
  });
  return {
    visitId: id,
    urgent,
    riskReassessmentDue: signs.length === 0 ? null : urgent ? visit.date : addDays(visit.date, RISK_REASSESSMENT_DAYS),
    showSafetyPlan: signs.length > 0,
  };
}
