// Node-only. The indicator facts: for each indicator that looks at dated events of a child, one row
// per child and date — `at` (the date, or timestamp, that puts the row in a period), `num`, `unk`,
// `ref` (the date the child is looked at, for age bands), `days`, and `x` (one more value: for
// `traced`, the day the family was first found). They are kept in `report_facts` by triggers in the
// same transaction as every write that changes them (facts-install.ts), so the dashboard reads a
// period as one range of a narrow clustered table instead of scanning the case tables
// (issue 14: p95 ≤ 250 ms at 100 000 cases). The SQL below is each indicator's definition, per
// child: `only(column)` restricts it to the children a write touched (or to every child, when the
// table is rebuilt). The cohorts that read these rows are in fact-cohorts.ts.
import type { IndicatorId } from '../../../shared/reports/indicators';

/** A condition on a case id column: the children to (re)compute. */
export type Only = (column: string) => string;

/** A table whose rows a fact reads, and the children a changed row concerns. */
export interface FactSource {
  table: string;
  /** The case ids a row concerns, as a SELECT over the trigger's row (`NEW` or `OLD`); `SELECT <row>.case_id` when absent. */
  cases?: (row: 'NEW' | 'OLD') => string;
  /** Only changes of these columns matter for UPDATE (all columns when absent). */
  columns?: string[];
  /** Only rows matching this (over `NEW`/`OLD`) matter. */
  when?: (row: 'NEW' | 'OLD') => string;
}

export interface FactDefinition {
  indicator: IndicatorId;
  sources: FactSource[];
  /** Rows (case_id, at, num, unk, ref, days, x — and the `extra` columns), at most one per case and `at`. */
  rows: (only: Only) => string;
  /** Columns the rows also give: `n` (how many records a row stands for), `y` (one more date). */
  extra?: ('n' | 'y')[];
}

const FOUND = `('family_found', 'family_located')`;
const FACE_TO_FACE = `('short_meeting', 'supervised_visit', 'unsupervised_visit')`;
const WITH_FAMILY = `('same_caregiver', 'other_family')`;
const WELCOMED = `('yes', 'mostly')`;
const NOT_KNOWN = `('unknown', 'not_asked')`;
/** A protocol visit counts as on time when it is held within a week after its due date. */
export const ON_TIME_DAYS = 7;
/** How old the last well-being score may be to stand for the child's well-being at closure. */
const AT_CLOSURE_DAYS = 90;

/**
 * When the plans a child acknowledged on a day stopped being in force: the last of them superseded,
 * or the case halted, whichever came first ('9999' while neither has happened).
 */
const planStopped = (caseId: string, day: string) => `min(
  (SELECT max(coalesce(v.superseded_at, '9999')) FROM plan_versions v WHERE v.case_id = ${caseId} AND v.status != 'draft' AND v.acknowledged_on = ${day}),
  coalesce((SELECT h.halted_at FROM cases h WHERE h.id = ${caseId}), '9999'))`;

const spontaneousEvent: FactSource = {
  table: 'case_events',
  columns: ['case_id', 'type', 'details'],
  when: (r) => `${r}.type = 'case.spontaneousReunification'`,
};
const returnSources: FactSource[] = [{ table: 'reunifications', columns: ['case_id', 'reunified_on'] }, spontaneousEvent];

/** Every return home: recorded reunifications, and spontaneous returns (dated in their registration event). */
const returns = (only: Only) => `(
  SELECT r.case_id AS case_id, r.reunified_on AS on_date FROM reunifications r WHERE ${only('r.case_id')}
  UNION ALL
  SELECT e.case_id, json_extract(e.details, '$.reunifiedOn') FROM case_events e
   WHERE ${only('e.case_id')} AND e.type = 'case.spontaneousReunification' AND json_extract(e.details, '$.reunifiedOn') IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM reunifications r2 WHERE r2.case_id = e.case_id))`;

/** The latest N-month outcome of a return. */
const livingAt = (months: 6 | 12) => `(SELECT o.living FROM followup_outcomes o WHERE o.case_id = u.case_id AND o.milestone = ${months}
  ORDER BY o.recorded_on DESC LIMIT 1)`;
const livingWithFamily = (indicator: IndicatorId, months: 6 | 12): FactDefinition => ({
  indicator,
  sources: [...returnSources, { table: 'followup_outcomes' }],
  rows: (only) => `SELECT l.case_id, date(l.on_date, '+${months} months') AS at, coalesce(max(l.living IN ${WITH_FAMILY}), 0) AS num,
      max(l.living IS NULL OR l.living = 'unknown') AS unk, l.on_date AS ref, NULL AS days, NULL AS x
    FROM (SELECT u.case_id, u.on_date, ${livingAt(months)} AS living FROM ${returns(only)} u) l GROUP BY l.case_id, at`,
});

/** The last completed well-being assessment of a child on or before `day`, at most `days` older. */
const scoreAtClosure = (caseId: string, day: string) => `(SELECT a.id FROM assessments a WHERE a.case_id = ${caseId} AND a.kind = 'wellbeing'
  AND a.status = 'completed' AND a.date <= ${day} AND a.date >= date(${day}, '-${AT_CLOSURE_DAYS} days')
  ORDER BY a.date DESC, a.completed_at DESC LIMIT 1)`;
/** Whether an assessment has a scale question of its form answered 1 or 2. */
const hasLowFactor = (assessmentId: string) => `EXISTS (SELECT 1 FROM assessments a
    JOIN assessment_templates t ON t.key = a.template_key AND t.version = a.template_version,
      json_each(t.definition, '$.domains') d, json_each(d.value, '$.questions') q, json_each(a.answers) j
   WHERE a.id = ${assessmentId} AND json_extract(q.value, '$.type') = 'scale' AND j.key = json_extract(q.value, '$.id')
     AND j.type IN ('integer', 'real') AND j.value <= 2)`;

/** The overall score (or form) of the last completed well-being assessment in a window. */
const wellbeing = (what: string, window: string) => `(SELECT ${what} FROM assessments a WHERE a.case_id = u.case_id AND a.kind = 'wellbeing'
  AND a.status = 'completed' AND ${window} ORDER BY a.date DESC LIMIT 1)`;
const BASELINE = `a.date <= u.on_date`;
const SIX_MONTHS = `a.date BETWEEN date(u.on_date, '+150 days') AND date(u.on_date, '+210 days')`;
const OVERALL = `json_extract(a.scores, '$.overall')`;
const FORM = `a.template_key || '@' || a.template_version`;

export const factDefinitions: FactDefinition[] = [
  {
    indicator: 'registered',
    sources: [{ table: 'cases', cases: (r) => `SELECT ${r}.id`, columns: ['registered_at'] }],
    rows: (only) => `SELECT c0.id AS case_id, substr(c0.registered_at, 1, 10) AS at, 1 AS num, 0 AS unk, substr(c0.registered_at, 1, 10) AS ref,
      NULL AS days, NULL AS x FROM cases c0 WHERE ${only('c0.id')}`,
  },
  {
    // x: the first day the family was found (or located); days: from registration to it.
    indicator: 'traced',
    sources: [{ table: 'tracing_actions', columns: ['case_id', 'date', 'result', 'removed_at'] }, { table: 'cases', cases: (r) => `SELECT ${r}.id`, columns: ['registered_at'] }],
    rows: (only) => `SELECT f.case_id, f.date AS at, 0 AS num, 0 AS unk, NULL AS ref, julianday(f.found) - julianday(substr(f.registered_at, 1, 10)) AS days, f.found AS x
      FROM (SELECT t.case_id, t.date, c0.registered_at, (SELECT min(e.date) FROM tracing_actions e WHERE e.case_id = t.case_id
          AND e.removed_at IS NULL AND e.result IN ${FOUND}) AS found
        FROM tracing_actions t JOIN cases c0 ON c0.id = t.case_id WHERE ${only('t.case_id')} AND t.removed_at IS NULL GROUP BY t.case_id, t.date) f`,
  },
  {
    // at: the child's first tracing action.
    indicator: 'assessedBeforeTracing',
    sources: [{ table: 'tracing_actions', columns: ['case_id', 'date', 'removed_at'] }, { table: 'assessments', columns: ['case_id', 'kind', 'status', 'date'] }],
    rows: (only) => `SELECT t.case_id, t.first AS at, EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = t.case_id AND a.kind = 'child'
        AND a.status = 'completed' AND a.date <= t.first) AS num, 0 AS unk, t.first AS ref, NULL AS days, NULL AS x
      FROM (SELECT f.case_id, min(f.date) AS first FROM tracing_actions f WHERE ${only('f.case_id')} AND f.removed_at IS NULL GROUP BY f.case_id) t`,
  },
  {
    indicator: 'assessed',
    sources: [{ table: 'assessments', columns: ['case_id', 'status', 'date'] }],
    rows: (only) => `SELECT a.case_id, a.date AS at, 1 AS num, 0 AS unk, NULL AS ref, NULL AS days, NULL AS x
      FROM assessments a WHERE ${only('a.case_id')} AND a.status = 'completed' GROUP BY a.case_id, a.date`,
  },
  {
    // Every move out of stage 1; num: an approved BID by then.
    indicator: 'bidCompleted',
    sources: [{ table: 'case_events', columns: ['case_id', 'type', 'at', 'details'], when: (r) => `${r}.type = 'case.stageMove'` }, { table: 'bids', columns: ['case_id', 'status', 'decided_at'] }],
    rows: (only) => `SELECT e.case_id, e.at AS at, max(EXISTS (SELECT 1 FROM bids b WHERE b.case_id = e.case_id AND b.status = 'approved'
        AND b.decided_at <= e.at)) AS num, 0 AS unk, NULL AS ref, NULL AS days, NULL AS x
      FROM case_events e WHERE ${only('e.case_id')} AND e.type = 'case.stageMove'
        AND json_extract(e.details, '$.from') = 'tracing_assessment' AND json_extract(e.details, '$.to') = 'preparation'
      GROUP BY e.case_id, e.at`,
  },
  {
    indicator: 'plansMade',
    sources: [{ table: 'plan_acknowledgements', columns: ['case_id', 'date'] }],
    rows: (only) => `SELECT a.case_id, a.date AS at, 1 AS num, 0 AS unk, NULL AS ref, NULL AS days, NULL AS x
      FROM plan_acknowledgements a WHERE ${only('a.case_id')} GROUP BY a.case_id, a.date`,
  },
  {
    indicator: 'reunified',
    sources: returnSources,
    rows: (only) => `SELECT u.case_id, u.on_date AS at, 1 AS num, 0 AS unk, u.on_date AS ref, NULL AS days, NULL AS x
      FROM ${returns(only)} u GROUP BY u.case_id, u.on_date`,
  },
  {
    indicator: 'gateExceptions',
    sources: [{ table: 'gate_exceptions', columns: ['case_id', 'status', 'decided_at'] }],
    rows: (only) => `SELECT g.case_id, g.decided_at AS at, 1 AS num, 0 AS unk, NULL AS ref, NULL AS days, NULL AS x
      FROM gate_exceptions g WHERE ${only('g.case_id')} AND g.status = 'approved' GROUP BY g.case_id, g.decided_at`,
  },
  {
    // Every accepted outgoing transfer; num: to a local authority.
    indicator: 'transferredToAuthority',
    sources: [
      { table: 'transfers', columns: ['case_id', 'direction', 'status', 'decided_at', 'partner_id'] },
      { table: 'partner_offices', cases: (r) => `SELECT t.case_id FROM transfers t WHERE t.partner_id = ${r}.id`, columns: ['kind'] },
    ],
    rows: (only) => `SELECT t.case_id, t.decided_at AS at, max(po.kind = 'local_authority') AS num, 0 AS unk, NULL AS ref, NULL AS days, NULL AS x
      FROM transfers t JOIN partner_offices po ON po.id = t.partner_id
      WHERE ${only('t.case_id')} AND t.direction = 'out' AND t.status = 'accepted' AND t.case_id IS NOT NULL
      GROUP BY t.case_id, t.decided_at`,
  },
  {
    // Returns home; num: overall well-being above the baseline six months on; unk: not comparable.
    indicator: 'wellbeingImproved',
    sources: [...returnSources, { table: 'assessments' }],
    rows: (only) => `SELECT w.case_id, w.on_date AS at, max(w.base IS NOT NULL AND w.six IS NOT NULL AND w.base_t = w.six_t AND w.six > w.base) AS num,
        max(w.base IS NULL OR w.six IS NULL OR w.base_t != w.six_t) AS unk, w.on_date AS ref, NULL AS days, NULL AS x
      FROM (SELECT u.case_id, u.on_date, ${wellbeing(OVERALL, BASELINE)} AS base, ${wellbeing(FORM, BASELINE)} AS base_t,
          ${wellbeing(OVERALL, SIX_MONTHS)} AS six, ${wellbeing(FORM, SIX_MONTHS)} AS six_t FROM ${returns(only)} u) w
      GROUP BY w.case_id, w.on_date`,
  },
  {
    // Returns home from a recorded reunification; days: from entering alternative care.
    indicator: 'daysInCare',
    sources: [
      { table: 'reunifications', columns: ['case_id', 'reunified_on'] },
      { table: 'preparation_care', columns: ['case_id', 'since'] },
      { table: 'cases', cases: (r) => `SELECT ${r}.id`, columns: ['separation_date'] },
    ],
    rows: (only) => `SELECT d.case_id, d.ref AS at, (d.days IS NOT NULL) AS num, (d.days IS NULL) AS unk, d.ref, d.days, NULL AS x
      FROM (SELECT r.case_id, r.reunified_on AS ref,
          julianday(r.reunified_on) - julianday(coalesce((SELECT min(pc.since) FROM preparation_care pc WHERE pc.case_id = r.case_id),
            c0.separation_date)) AS days
        FROM reunifications r JOIN cases c0 ON c0.id = r.case_id WHERE ${only('r.case_id')}) d`,
  },
  {
    // at: the six-month point of each return.
    ...livingWithFamily('livingWithFamily6', 6),
  },
  {
    ...livingWithFamily('livingWithFamily12', 12),
  },
  {
    // at: the twelve-month point of each return; num: a breakdown within those twelve months.
    indicator: 'reSeparation',
    sources: [...returnSources, { table: 'followup_breakdowns', columns: ['case_id', 'date'] }],
    rows: (only) => `SELECT u.case_id, date(u.on_date, '+12 months') AS at, max(EXISTS (SELECT 1 FROM followup_breakdowns b WHERE b.case_id = u.case_id
        AND b.date BETWEEN u.on_date AND date(u.on_date, '+12 months'))) AS num, 0 AS unk, u.on_date AS ref, NULL AS days, NULL AS x
      FROM ${returns(only)} u GROUP BY u.case_id, at`,
  },
  {
    indicator: 'closed',
    sources: [{ table: 'case_closures', columns: ['case_id', 'status', 'decided_at'] }],
    rows: (only) => `SELECT cl.case_id, cl.decided_at AS at, 1 AS num, 0 AS unk, substr(cl.decided_at, 1, 10) AS ref, NULL AS days, NULL AS x
      FROM case_closures cl WHERE ${only('cl.case_id')} AND cl.status = 'approved' GROUP BY cl.case_id, cl.decided_at`,
  },
  {
    // Every approved closure; num: a factor at 1–2 in the score at closure; unk: no such score.
    indicator: 'lowFactorAtClosure',
    sources: [{ table: 'case_closures', columns: ['case_id', 'status', 'decided_at'] }, { table: 'assessments' }],
    rows: (only) => `SELECT z.case_id, z.at, (z.assessment_id IS NOT NULL AND ${hasLowFactor('z.assessment_id')}) AS num,
        (z.assessment_id IS NULL) AS unk, z.ref, NULL AS days, NULL AS x
      FROM (SELECT y.case_id, y.at, y.ref, ${scoreAtClosure('y.case_id', 'y.ref')} AS assessment_id
        FROM (SELECT cl.case_id, cl.decided_at AS at, substr(cl.decided_at, 1, 10) AS ref FROM case_closures cl
          WHERE ${only('cl.case_id')} AND cl.status = 'approved' GROUP BY cl.case_id, cl.decided_at) y) z`,
  },
  {
    // Every six-month outcome; num: welcomed; unk: not asked or unknown (the cohort combines them).
    indicator: 'feelsWelcomed',
    sources: [{ table: 'followup_outcomes', columns: ['case_id', 'milestone', 'recorded_on', 'welcomed'] }],
    rows: (only) => `SELECT o.case_id, o.recorded_on AS at, max(o.welcomed IN ${WELCOMED}) AS num, max(o.welcomed IN ${NOT_KNOWN}) AS unk,
        NULL AS ref, NULL AS days, NULL AS x
      FROM followup_outcomes o WHERE ${only('o.case_id')} AND o.milestone = 6 GROUP BY o.case_id, o.recorded_on`,
  },
  {
    // Every referral sent; num: completed; unk: still waiting (the cohort combines them).
    indicator: 'referralsCompleted',
    sources: [{ table: 'referrals', columns: ['case_id', 'status', 'sent_on'] }],
    rows: (only) => `SELECT r.case_id, r.sent_on AS at, max(r.status = 'completed') AS num,
        max(r.status IN ('sent', 'acknowledged', 'accepted', 'started')) AS unk, NULL AS ref, NULL AS days, NULL AS x
      FROM referrals r WHERE ${only('r.case_id')} AND r.sent_on IS NOT NULL GROUP BY r.case_id, r.sent_on`,
  },
  {
    // Face-to-face protocol visits due on a day (not cancelled): n of them, num held within a week,
    // unk still planned (late once its week is over). So that a period's cohort reads each child's
    // first day of the period alone (prev), x is the child's first day from this one on with a
    // visit held late or missed (n - num - unk > 0), y the first with one still planned.
    indicator: 'followUpOnTime',
    extra: ['n', 'y'],
    sources: [
      // Only face-to-face visits count: a phone call written or changed cannot move this fact.
      { table: 'followup_contacts', columns: ['case_id', 'due_on', 'type', 'status', 'visit_id'], when: (r) => `${r}.type IN ('home_visit', 'school_visit')` },
      { table: 'followup_visits', columns: ['case_id', 'date'] },
    ],
    rows: (only) => `SELECT g.case_id, g.at, g.num, g.unk, NULL AS ref, NULL AS days, min(CASE WHEN g.n - g.num - g.unk > 0 THEN g.at END) OVER later AS x,
        g.n, min(CASE WHEN g.unk > 0 THEN g.at END) OVER later AS y
      FROM (SELECT fc.case_id, fc.due_on AS at, sum(fc.status = 'done' AND v.date <= date(fc.due_on, '+${ON_TIME_DAYS} days')) AS num,
          sum(fc.status = 'planned') AS unk, count(*) AS n
        FROM followup_contacts fc LEFT JOIN followup_visits v ON v.id = fc.visit_id
        WHERE ${only('fc.case_id')} AND fc.status != 'cancelled' AND fc.type IN ('home_visit', 'school_visit') GROUP BY fc.case_id, fc.due_on) g
      WINDOW later AS (PARTITION BY g.case_id ORDER BY g.at ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)`,
  },
  {
    // Children registered (the cohort asks which consent is in force at the period's end): y the
    // first day of a consent never withdrawn; x every withdrawn consent's [given, withdrawn], or
    // null when none was (most children: then no list is read for them).
    indicator: 'consentRecorded',
    extra: ['y'],
    sources: [{ table: 'cases', cases: (r) => `SELECT ${r}.id`, columns: ['registered_at'] }, { table: 'consents', columns: ['case_id', 'given_on', 'withdrawn_on'] }],
    rows: (only) => `SELECT c0.id AS case_id, substr(c0.registered_at, 1, 10) AS at, 0 AS num, 0 AS unk, substr(c0.registered_at, 1, 10) AS ref, NULL AS days,
        (SELECT CASE WHEN count(*) > 0 THEN json_group_array(json_array(s.given_on, s.withdrawn_on)) END FROM consents s
          WHERE s.case_id = c0.id AND s.withdrawn_on IS NOT NULL) AS x,
        (SELECT min(s.given_on) FROM consents s WHERE s.case_id = c0.id AND s.withdrawn_on IS NULL) AS y
      FROM cases c0 WHERE ${only('c0.id')}`,
  },
  {
    // The child's plan, in stretches: each starts on a day a plan (not a draft) was acknowledged or
    // a review was held after it, and lasts until the next one starts. A row per stretch: y its
    // first day, `at` the first day of the next ('9999' for the last: a period's end falls in the
    // stretch that starts on or before it and whose next starts after it — one range of the primary
    // key, no look-up per child), ref the day the plan in force was acknowledged, x when that plan
    // stopped being in force (superseded, or the case halted; '9999' while it is), num 1 when the
    // stretch starts with a review. The cohort (plansReviewedOnTime) keeps the stretches holding a
    // period's end of plans acknowledged three months before it, and counts those started by a
    // review in the last three months: the latest review on or before the end is in them exactly
    // when one is. (Measured at 100 000 cases: probing each plan's child among the 42 000 reviewed
    // in the window cost 48 of the indicator's 61 ms for twelve months.) The plan in force on a day
    // is the one last acknowledged on or before it, whatever day a backdated acknowledgement was
    // recorded.
    indicator: 'plansReviewedOnTime',
    extra: ['y'],
    sources: [
      { table: 'plan_versions', columns: ['case_id', 'status', 'acknowledged_on', 'superseded_at'] },
      { table: 'plan_reviews', columns: ['case_id', 'date'] },
      { table: 'cases', cases: (r) => `SELECT ${r}.id`, columns: ['halted_at'] },
    ],
    rows: (only) => `SELECT s.case_id, coalesce(lead(s.at) OVER (PARTITION BY s.case_id ORDER BY s.at), '9999') AS at, s.num, 0 AS unk, s.ref, NULL AS days,
        ${planStopped('s.case_id', 's.ref')} AS x, s.at AS y
      FROM (SELECT u.case_id, u.at, u.num, max(u.ref) AS ref FROM (
          SELECT v.case_id, v.acknowledged_on AS at, 0 AS num, v.acknowledged_on AS ref
            FROM plan_versions v WHERE ${only('v.case_id')} AND v.status != 'draft' AND v.acknowledged_on IS NOT NULL
          UNION ALL
          SELECT r.case_id, r.date, 1, (SELECT max(v.acknowledged_on) FROM plan_versions v
              WHERE v.case_id = r.case_id AND v.status != 'draft' AND v.acknowledged_on < r.date)
            FROM plan_reviews r WHERE ${only('r.case_id')}) u
        WHERE u.ref IS NOT NULL GROUP BY u.case_id, u.at) s`,
  },
  {
    // Returns home; x: the first day a plan holding an objective was acknowledged on or after the
    // last supervised visit before the return (the plan counts once the period's end has reached it).
    indicator: 'supportPlanAgreed',
    sources: [
      ...returnSources,
      { table: 'plan_versions', columns: ['case_id', 'status', 'acknowledged_on'] },
      { table: 'plan_objectives', columns: ['case_id', 'plan_version_id'] },
      { table: 'contacts', columns: ['case_id', 'status', 'kind', 'held_on'] },
    ],
    rows: (only) => `SELECT u.case_id, u.on_date AS at, 0 AS num, 0 AS unk, u.on_date AS ref, NULL AS days,
        (SELECT min(v.acknowledged_on) FROM plan_versions v WHERE v.case_id = u.case_id AND v.status != 'draft'
          AND v.acknowledged_on >= coalesce((SELECT max(k2.held_on) FROM contacts k2 WHERE k2.case_id = u.case_id
            AND k2.status = 'held' AND k2.kind = 'supervised_visit' AND k2.held_on <= u.on_date), '0000-00-00')
          AND EXISTS (SELECT 1 FROM plan_objectives o WHERE o.plan_version_id = v.id)) AS x
      FROM ${returns(only)} u GROUP BY u.case_id, u.on_date`,
  },
  {
    // Every day a child's case was reunified, halted or refused; num: the reunification has the
    // caregivers' written willingness and the child's choices; ref: the day of the return; x: the
    // day by which both the family had been found and a face-to-face contact held; y: the first
    // refusal by the child.
    indicator: 'acceptReunification',
    extra: ['y'],
    sources: [
      { table: 'reunifications', columns: ['case_id', 'reunified_on', 'willingness_stated_on', 'child_choices'] },
      { table: 'cases', cases: (r) => `SELECT ${r}.id`, columns: ['halted_at'] },
      { table: 'contact_refusals', columns: ['case_id', 'refused_on', 'refused_by'] },
      { table: 'tracing_actions', columns: ['case_id', 'date', 'result', 'removed_at'] },
      { table: 'contacts', columns: ['case_id', 'status', 'kind', 'held_on'] },
    ],
    rows: (only) => `SELECT a.case_id, a.at, (r.case_id IS NOT NULL AND r.willingness_stated_on IS NOT NULL AND r.child_choices != '') AS num,
        0 AS unk, r.reunified_on AS ref, NULL AS days,
        max((SELECT min(t.date) FROM tracing_actions t WHERE t.case_id = a.case_id AND t.removed_at IS NULL AND t.result IN ${FOUND}),
          (SELECT min(k2.held_on) FROM contacts k2 WHERE k2.case_id = a.case_id AND k2.status = 'held' AND k2.kind IN ${FACE_TO_FACE})) AS x,
        (SELECT min(x.refused_on) FROM contact_refusals x WHERE x.case_id = a.case_id AND x.refused_by IN ('child', 'both')) AS y
      FROM (SELECT r1.case_id, r1.reunified_on AS at FROM reunifications r1 WHERE ${only('r1.case_id')}
        UNION SELECT c1.id, substr(c1.halted_at, 1, 10) FROM cases c1 WHERE ${only('c1.id')} AND c1.halted_at IS NOT NULL
        UNION SELECT x1.case_id, x1.refused_on FROM contact_refusals x1 WHERE ${only('x1.case_id')}) a
      LEFT JOIN reunifications r ON r.case_id = a.case_id`,
  },
];

export const factIndicators = new Set<IndicatorId>(factDefinitions.map((f) => f.indicator));
