// Set-up for the follow-up tests: a staffed office and cases brought into follow-up by the real
// stage move (the gates before it belong to other features: approved exceptions stand in for them,
// as a supervisor's would), with a reunification day.
import crypto from 'node:crypto';
import { forwardGates } from '../../../shared/cases/stages';
import { caseInStage, daysAgo, type Team } from '../reunification/fixture';

export { setUpTeam, daysAgo, daysAhead, type Team } from '../reunification/fixture';

export function raw(team: Team) {
  return team.office.core.store.get().raw;
}

/** A case that entered follow-up through cases.moveStage, reunified `reunifiedDaysAgo` days ago. */
export async function caseInFollowUp(team: Team, options: { reunifiedDaysAgo?: number; risk?: 'low' | 'medium' | 'high' } = {}): Promise<string> {
  const caseId = await caseInStage(team, 'reunification', 200);
  const db = raw(team);
  const now = new Date().toISOString();
  for (const gate of forwardGates.reunification.gates) {
    db.prepare(
      `INSERT INTO gate_exceptions (id, case_id, gate_id, reason_kind, reason, status, requested_at, decided_at, decision_note, self_approved)
       VALUES (?, ?, ?, 'other', 'test set-up', 'approved', ?, ?, '', 0)`,
    ).run(crypto.randomUUID(), caseId, gate.id, now, now);
  }
  db.prepare(
    `INSERT INTO reunifications (case_id, reunified_on, willingness_stated_by, willingness_statement, guardianship_from, guardianship_to,
       guardianship_reference, accompanied_by, child_choices, handover_notes, notes, created_at, updated_at, version)
     VALUES (?, ?, 'Mother', '', '', '', '', '', '', '', '', ?, ?, 1)`,
  ).run(caseId, daysAgo(options.reunifiedDaysAgo ?? 3), now, now);
  if (options.risk) db.prepare('UPDATE cases SET risk_level = ? WHERE id = ?').run(options.risk, caseId);
  const file = await team.worker.ok('cases.get', { caseId });
  await team.worker.ok('cases.moveStage', { caseId, version: file.version, to: 'follow_up' });
  return caseId;
}

/** A completed well-being re-score with the shipped form (CSI): every factor at `score`, some lower. */
export async function wellbeingScore(team: Team, caseId: string, date: string, score: number, low: Record<string, number> = {}) {
  const templates = await team.worker.ok('assessments.templates', { kind: 'wellbeing' });
  const csi = templates.find((t) => t.key === 'csi')!;
  const answers: Record<string, number> = {};
  for (const d of csi.definition.domains) for (const q of d.questions) if (q.type === 'scale') answers[q.id] = low[q.id] ?? score;
  const saved = await team.worker.ok('assessments.save', {
    caseId,
    templateKey: 'csi',
    templateVersion: csi.version,
    date,
    answers,
    complete: true,
  });
  return saved.id;
}
