// Node-only. The indicators of the later stages, now that their records exist: follow-up visits and
// outcomes (electron/core/followup), referrals (electron/core/referrals) and closures (electron/core/
// closure). Same shape as cohorts.ts: one row per child — case_id, num, unk (never also num), ref
// (the date the child is looked at, for age bands), days. "Unknown" is always apart, never success.
import { sql, type RawBuilder } from 'kysely';
import type { IndicatorId } from '../../../shared/reports/indicators';
import { reunionSql, type PeriodParams } from './cohorts';

type Cohort = (p: PeriodParams) => RawBuilder<unknown>;

/** A protocol visit counts as on time when it is held within a week after its due date. */
const ON_TIME_DAYS = 7;
const WITH_FAMILY = sql`('same_caregiver', 'other_family')`;
const WELCOMED = sql`('yes', 'mostly')`;
const NOT_KNOWN = sql`('unknown', 'not_asked')`;
/** How old the last well-being score may be to stand for the child's well-being at closure. */
const AT_CLOSURE_DAYS = 90;

/** Children reunified whose +N-month point fell in the period, with their N-month outcome if recorded. */
const outcomeAt = (p: PeriodParams, months: 6 | 12) => sql`SELECT u.case_id, u.on_date,
      (SELECT o.living FROM followup_outcomes o WHERE o.case_id = u.case_id AND o.milestone = ${months}
        ORDER BY o.recorded_on DESC LIMIT 1) AS living
    FROM ${reunionSql} u
    WHERE date(u.on_date, ${`+${months} months`}) BETWEEN ${p.from} AND ${p.to}`;

export const laterCohorts: Partial<Record<IndicatorId, Cohort>> = {
  /**
   * P6 (G:L261). Children with face-to-face protocol visits due in the period (not cancelled); those
   * whose every such visit was held within a week of its date. A visit not yet held but still within
   * its week at the period's end is unknown.
   */
  followUpOnTime: (p) => sql`SELECT f.case_id,
      (f.late = 0 AND f.open = 0) AS num, (f.late = 0 AND f.open > 0) AS unk, ${p.to} AS ref, NULL AS days
    FROM (SELECT fc.case_id,
        sum(CASE WHEN fc.status = 'done' AND v.date <= date(fc.due_on, ${`+${ON_TIME_DAYS} days`}) THEN 0
                 WHEN fc.status = 'planned' AND date(fc.due_on, ${`+${ON_TIME_DAYS} days`}) >= ${p.to} THEN 0
                 ELSE 1 END) AS late,
        sum(fc.status = 'planned' AND date(fc.due_on, ${`+${ON_TIME_DAYS} days`}) >= ${p.to}) AS open
      FROM followup_contacts fc LEFT JOIN followup_visits v ON v.id = fc.visit_id
      WHERE fc.due_on BETWEEN ${p.from} AND ${p.to} AND fc.status != 'cancelled' AND fc.type IN ('home_visit', 'school_visit')
      GROUP BY fc.case_id) f`,

  /**
   * P9 (G:L273). Children with a referral sent in the period; those for whom one was completed
   * (service received). Referrals still waiting for an answer or for the service: unknown.
   */
  referralsCompleted: (p) => sql`SELECT r.case_id, max(r.status = 'completed') AS num,
      (max(r.status = 'completed') = 0 AND max(r.status IN ('sent', 'acknowledged', 'accepted', 'started')) = 1) AS unk,
      ${p.to} AS ref, NULL AS days
    FROM referrals r WHERE r.sent_on BETWEEN ${p.from} AND ${p.to} GROUP BY r.case_id`,

  /** Cases whose closure a supervisor or panel approved in the period. */
  closed: (p) => sql`SELECT cl.case_id, 1 AS num, 0 AS unk, substr(cl.decided_at, 1, 10) AS ref, NULL AS days
    FROM case_closures cl WHERE cl.status = 'approved' AND cl.decided_at >= ${p.from} AND cl.decided_at < ${p.toNext}
    GROUP BY cl.case_id`,

  /**
   * O3 (G:L330). Children with a 6-month outcome recorded in the period; those who answered "yes" or
   * "mostly" to feeling welcome at home. Not asked, or unknown: unknown.
   */
  feelsWelcomed: (p) => sql`SELECT o.case_id, max(o.welcomed IN ${WELCOMED}) AS num,
      (max(o.welcomed IN ${WELCOMED}) = 0 AND max(o.welcomed IN ${NOT_KNOWN}) = 1) AS unk, max(o.recorded_on) AS ref, NULL AS days
    FROM followup_outcomes o WHERE o.milestone = 6 AND o.recorded_on BETWEEN ${p.from} AND ${p.to} GROUP BY o.case_id`,

  /** O5: the children whose +6-month point fell in the period; living with family then. No outcome, or unknown: unknown. */
  livingWithFamily6: (p) => sql`SELECT k.case_id, (k.living IN ${WITH_FAMILY}) AS num,
      (k.living IS NULL OR k.living = 'unknown') AS unk, k.on_date AS ref, NULL AS days FROM (${outcomeAt(p, 6)}) k`,

  /** O5 at +12 months, with the same rules. */
  livingWithFamily12: (p) => sql`SELECT k.case_id, (k.living IN ${WITH_FAMILY}) AS num,
      (k.living IS NULL OR k.living = 'unknown') AS unk, k.on_date AS ref, NULL AS days FROM (${outcomeAt(p, 12)}) k`,

  /** O6. Children whose twelve months after the return ended in the period; those with a breakdown within them. */
  reSeparation: (p) => sql`SELECT u.case_id, EXISTS (SELECT 1 FROM followup_breakdowns b WHERE b.case_id = u.case_id
        AND b.date BETWEEN u.on_date AND date(u.on_date, '+12 months')) AS num, 0 AS unk, u.on_date AS ref, NULL AS days
    FROM ${reunionSql} u WHERE date(u.on_date, '+12 months') BETWEEN ${p.from} AND ${p.to}`,

  /**
   * O8, second part. Children whose closure was approved in the period (the last one, if several);
   * those whose well-being score at closure — the last completed one on or before the approval and
   * at most 90 days older — has any factor (a scale question of its form) at 1–2, whatever the
   * averages say. No score in those 90 days: unknown, never counted either way.
   */
  lowFactorAtClosure: (p) => sql`SELECT z.case_id,
      (z.assessment_id IS NOT NULL AND EXISTS (SELECT 1 FROM assessments a
        JOIN assessment_templates t ON t.key = a.template_key AND t.version = a.template_version,
          json_each(t.definition, '$.domains') d, json_each(d.value, '$.questions') q, json_each(a.answers) j
        WHERE a.id = z.assessment_id AND json_extract(q.value, '$.type') = 'scale' AND j.key = json_extract(q.value, '$.id')
          AND j.type IN ('integer', 'real') AND j.value <= 2)) AS num,
      (z.assessment_id IS NULL) AS unk, z.ref, NULL AS days
    FROM (SELECT y.case_id, y.ref, (SELECT a.id FROM assessments a WHERE a.case_id = y.case_id AND a.kind = 'wellbeing'
          AND a.status = 'completed' AND a.date <= y.ref AND a.date >= date(y.ref, ${`-${AT_CLOSURE_DAYS} days`})
          ORDER BY a.date DESC, a.completed_at DESC LIMIT 1) AS assessment_id
      FROM (SELECT cl.case_id, substr(max(cl.decided_at), 1, 10) AS ref FROM case_closures cl
        WHERE cl.status = 'approved' AND cl.decided_at >= ${p.from} AND cl.decided_at < ${p.toNext} GROUP BY cl.case_id) y) z`,
};
