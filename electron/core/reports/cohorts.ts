// Node-only. The indicators the office's records answer today, each as one set-based query: a
// cohort with one row per child — `case_id`, `num` (1 when the child meets the indicator), `unk`
// (1 when it is not known whether they do; never also in `num`), `ref` (the date the child is
// looked at, for age bands) and `days` (for durations; else null). The denominator is the cohort.
// Definitions follow DOMAIN-REVIEW.md B6; where the office's records force a choice, it is said.
import { sql, type RawBuilder } from 'kysely';
import type { IndicatorId } from '../../../shared/reports/indicators';

export interface PeriodParams {
  from: string;
  to: string;
  /** The day after `to`, for comparing timestamps (`at < toNext`). */
  toNext: string;
  /** `to` minus three months. */
  to3m: string;
}

type Cohort = (p: PeriodParams) => RawBuilder<unknown>;

const FOUND = sql`('family_found', 'family_located')`;
const FACE_TO_FACE = sql`('short_meeting', 'supervised_visit', 'unsupervised_visit')`;

/** Every return home: recorded reunifications, and spontaneous returns (dated in their registration event). */
export const reunionSql = sql`(
  SELECT r.case_id AS case_id, r.reunified_on AS on_date, 0 AS spontaneous FROM reunifications r
  UNION ALL
  SELECT e.case_id, json_extract(e.details, '$.reunifiedOn'), 1 FROM case_events e
  WHERE e.type = 'case.spontaneousReunification' AND json_extract(e.details, '$.reunifiedOn') IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM reunifications r2 WHERE r2.case_id = e.case_id)
)`;

export const cohorts: Partial<Record<IndicatorId, Cohort>> = {
  /** Children registered in the period. */
  registered: (p) => sql`SELECT c0.id AS case_id, 1 AS num, 0 AS unk, substr(c0.registered_at, 1, 10) AS ref, NULL AS days
    FROM cases c0 WHERE c0.registered_at >= ${p.from} AND c0.registered_at < ${p.toNext}`,

  /**
   * Of the children traced in the period whose family had not been found before it, those whose
   * family was found (or located) in the period; days from registration to found, for the median.
   */
  traced: (p) => sql`SELECT t.case_id, max(t.result IN ${FOUND}) AS num, 0 AS unk, ${p.to} AS ref,
      min(CASE WHEN t.result IN ${FOUND} THEN julianday(t.date) - julianday(substr(c0.registered_at, 1, 10)) END) AS days
    FROM tracing_actions t JOIN cases c0 ON c0.id = t.case_id
    WHERE t.removed_at IS NULL AND t.date BETWEEN ${p.from} AND ${p.to}
      AND NOT EXISTS (SELECT 1 FROM tracing_actions e WHERE e.case_id = t.case_id AND e.removed_at IS NULL
        AND e.result IN ${FOUND} AND e.date < ${p.from})
    GROUP BY t.case_id`,

  /** Children whose first tracing action was in the period; those with a child assessment completed by then (G:L123). */
  assessedBeforeTracing: (p) => sql`SELECT t.case_id, EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = t.case_id
        AND a.kind = 'child' AND a.status = 'completed' AND a.date <= t.first) AS num, 0 AS unk, t.first AS ref, NULL AS days
    FROM (SELECT f.case_id, min(f.date) AS first FROM tracing_actions f WHERE f.removed_at IS NULL AND f.date BETWEEN ${p.from} AND ${p.to}
        AND NOT EXISTS (SELECT 1 FROM tracing_actions e WHERE e.case_id = f.case_id AND e.removed_at IS NULL AND e.date < ${p.from})
      GROUP BY f.case_id) t`,

  /** Children with an assessment (child, family, community or well-being) completed in the period. */
  assessed: (p) => sql`SELECT a.case_id, 1 AS num, 0 AS unk, ${p.to} AS ref, NULL AS days
    FROM assessments a WHERE a.status = 'completed' AND a.date BETWEEN ${p.from} AND ${p.to} GROUP BY a.case_id`,

  /** Cases that left stage 1 in the period; those with an approved BID by then. */
  bidCompleted: (p) => sql`SELECT m.case_id, EXISTS (SELECT 1 FROM bids b WHERE b.case_id = m.case_id AND b.status = 'approved'
        AND b.decided_at <= m.at) AS num, 0 AS unk, ${p.to} AS ref, NULL AS days
    FROM (SELECT e.case_id, max(e.at) AS at FROM case_events e WHERE e.type = 'case.stageMove' AND e.at >= ${p.from} AND e.at < ${p.toNext}
        AND json_extract(e.details, '$.from') = 'tracing_assessment' AND json_extract(e.details, '$.to') = 'preparation'
      GROUP BY e.case_id) m`,

  /** Children with a case plan acknowledged by the family in the period. */
  plansMade: (p) => sql`SELECT a.case_id, 1 AS num, 0 AS unk, ${p.to} AS ref, NULL AS days
    FROM plan_acknowledgements a WHERE a.date BETWEEN ${p.from} AND ${p.to} GROUP BY a.case_id`,

  /**
   * Plans in force at the period's end and acknowledged more than three months before it (the case
   * not halted by then); those reviewed in the last three months (G:L160).
   */
  plansReviewedOnTime: (p) => sql`SELECT v.case_id, EXISTS (SELECT 1 FROM plan_reviews r WHERE r.case_id = v.case_id
        AND r.date > ${p.to3m} AND r.date <= ${p.to}) AS num, 0 AS unk, ${p.to} AS ref, NULL AS days
    FROM plan_versions v JOIN cases c0 ON c0.id = v.case_id
    WHERE v.status != 'draft' AND v.acknowledged_on <= ${p.to3m} AND (v.superseded_at IS NULL OR v.superseded_at >= ${p.toNext})
      AND (c0.halted_at IS NULL OR c0.halted_at >= ${p.toNext})`,

  /** Children who went home in the period, assisted or spontaneously. */
  reunified: (p) => sql`SELECT u.case_id, 1 AS num, 0 AS unk, u.on_date AS ref, NULL AS days
    FROM ${reunionSql} u WHERE u.on_date BETWEEN ${p.from} AND ${p.to}`,

  /** Children registered in the period; those with an informed consent in force at the period's end. */
  consentRecorded: (p) => sql`SELECT c0.id AS case_id, EXISTS (SELECT 1 FROM consents s WHERE s.case_id = c0.id
        AND s.given_on <= ${p.to} AND (s.withdrawn_on IS NULL OR s.withdrawn_on > ${p.to})) AS num,
      0 AS unk, substr(c0.registered_at, 1, 10) AS ref, NULL AS days
    FROM cases c0 WHERE c0.registered_at >= ${p.from} AND c0.registered_at < ${p.toNext}`,

  /** Children with a gate exception approved in the period (for quality review). */
  gateExceptions: (p) => sql`SELECT g.case_id, 1 AS num, 0 AS unk, ${p.to} AS ref, NULL AS days
    FROM gate_exceptions g WHERE g.status = 'approved' AND g.decided_at >= ${p.from} AND g.decided_at < ${p.toNext}
    GROUP BY g.case_id`,

  /**
   * O1 (G:L328). Children whose family was found and who had a face-to-face contact, and whose
   * case ended the period reunified, refused or halted (that event in the period); those reunified
   * with the caregivers' written willingness and the child's recorded choices, with no refusal by the child.
   */
  acceptReunification: (p) => sql`SELECT c0.id AS case_id,
      (r.case_id IS NOT NULL AND r.reunified_on BETWEEN ${p.from} AND ${p.to} AND r.willingness_stated_on IS NOT NULL
        AND r.child_choices != '' AND NOT EXISTS (SELECT 1 FROM contact_refusals x WHERE x.case_id = c0.id
          AND x.refused_by IN ('child', 'both') AND x.refused_on <= ${p.to})) AS num,
      0 AS unk, coalesce(r.reunified_on, ${p.to}) AS ref, NULL AS days
    FROM cases c0 LEFT JOIN reunifications r ON r.case_id = c0.id
    WHERE (r.reunified_on BETWEEN ${p.from} AND ${p.to}
        OR (c0.halted_at >= ${p.from} AND c0.halted_at < ${p.toNext})
        OR EXISTS (SELECT 1 FROM contact_refusals x WHERE x.case_id = c0.id AND x.refused_on BETWEEN ${p.from} AND ${p.to}))
      AND EXISTS (SELECT 1 FROM tracing_actions t WHERE t.case_id = c0.id AND t.removed_at IS NULL AND t.result IN ${FOUND} AND t.date <= ${p.to})
      AND EXISTS (SELECT 1 FROM contacts k2 WHERE k2.case_id = c0.id AND k2.status = 'held' AND k2.kind IN ${FACE_TO_FACE} AND k2.held_on <= ${p.to})`,

  /**
   * O2 (G:L329). Children who went home in the period; those with a plan acknowledged on or after
   * the last supervised visit before the return, by the period's end, holding at least one objective.
   */
  supportPlanAgreed: (p) => sql`SELECT u.case_id, EXISTS (SELECT 1 FROM plan_versions v WHERE v.case_id = u.case_id
        AND v.status != 'draft' AND v.acknowledged_on <= ${p.to}
        AND v.acknowledged_on >= coalesce((SELECT max(k2.held_on) FROM contacts k2 WHERE k2.case_id = u.case_id
          AND k2.status = 'held' AND k2.kind = 'supervised_visit' AND k2.held_on <= u.on_date), '0000-00-00')
        AND EXISTS (SELECT 1 FROM plan_objectives o WHERE o.plan_version_id = v.id)) AS num,
      0 AS unk, u.on_date AS ref, NULL AS days
    FROM ${reunionSql} u WHERE u.on_date BETWEEN ${p.from} AND ${p.to}`,

  /**
   * O4 (G:L331). Children whose case left this office in the period (an accepted outgoing
   * transfer; closures count here once recorded); those whose file went to a local authority.
   */
  transferredToAuthority: (p) => sql`SELECT t.case_id, max(po.kind = 'local_authority') AS num, 0 AS unk, ${p.to} AS ref, NULL AS days
    FROM transfers t JOIN partner_offices po ON po.id = t.partner_id
    WHERE t.direction = 'out' AND t.status = 'accepted' AND t.case_id IS NOT NULL
      AND t.decided_at >= ${p.from} AND t.decided_at < ${p.toNext}
    GROUP BY t.case_id`,

  /**
   * O8. Children whose return was six months old during the period; those whose overall
   * well-being score six months on (150–210 days) is above the baseline (the last one on or before
   * the return). No baseline, no six-month score, or scores from different instrument versions:
   * unknown — never counted as improved.
   */
  wellbeingImproved: (p) => sql`SELECT w.case_id,
      (w.base IS NOT NULL AND w.six IS NOT NULL AND w.base_t = w.six_t AND w.six > w.base) AS num,
      (w.base IS NULL OR w.six IS NULL OR w.base_t != w.six_t) AS unk, w.on_date AS ref, NULL AS days
    FROM (SELECT u.case_id, u.on_date,
        (SELECT json_extract(a.scores, '$.overall') FROM assessments a WHERE a.case_id = u.case_id AND a.kind = 'wellbeing'
          AND a.status = 'completed' AND a.date <= u.on_date ORDER BY a.date DESC LIMIT 1) AS base,
        (SELECT a.template_key || '@' || a.template_version FROM assessments a WHERE a.case_id = u.case_id AND a.kind = 'wellbeing'
          AND a.status = 'completed' AND a.date <= u.on_date ORDER BY a.date DESC LIMIT 1) AS base_t,
        (SELECT json_extract(a.scores, '$.overall') FROM assessments a WHERE a.case_id = u.case_id AND a.kind = 'wellbeing'
          AND a.status = 'completed' AND a.date BETWEEN date(u.on_date, '+150 days') AND date(u.on_date, '+210 days')
          ORDER BY a.date DESC LIMIT 1) AS six,
        (SELECT a.template_key || '@' || a.template_version FROM assessments a WHERE a.case_id = u.case_id AND a.kind = 'wellbeing'
          AND a.status = 'completed' AND a.date BETWEEN date(u.on_date, '+150 days') AND date(u.on_date, '+210 days')
          ORDER BY a.date DESC LIMIT 1) AS six_t
      FROM ${reunionSql} u WHERE u.on_date BETWEEN date(${p.from}, '-6 months') AND date(${p.to}, '-6 months')) w`,

  /**
   * P5 (G:L170). Children who went home in the period after a recorded reunification: days from
   * entering alternative care (the first waiting arrangement, else the separation date) to the
   * return. Neither date known: unknown.
   */
  daysInCare: (p) => sql`SELECT d.case_id, (d.days IS NOT NULL) AS num, (d.days IS NULL) AS unk, d.ref, d.days
    FROM (SELECT r.case_id, r.reunified_on AS ref,
        julianday(r.reunified_on) - julianday(coalesce((SELECT min(pc.since) FROM preparation_care pc WHERE pc.case_id = r.case_id),
          c0.separation_date)) AS days
      FROM reunifications r JOIN cases c0 ON c0.id = r.case_id
      WHERE r.reunified_on BETWEEN ${p.from} AND ${p.to}) d`,
};
