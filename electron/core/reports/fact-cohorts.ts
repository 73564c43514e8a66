// Node-only. The cohorts of the indicators, one row per child: `case_id`, `num` (1 when the child
// meets the indicator), `unk` (1 when it is not known whether they do; never also in `num`), `ref`
// (the date the child is looked at, for age bands), `days` (for durations; else null) and, for a
// split or filter, the child's split columns. The denominator is the cohort. Definitions follow
// DOMAIN-REVIEW.md B6. Each reads the facts kept per child and date (`report_facts`, facts.ts): one
// range of the table's primary key (indicator, at), the child's rows of the period combined as the
// indicator's definition says.
// Dates are compared as dates (`at BETWEEN from AND to`), timestamps as timestamps
// (`at >= from AND at < toNext`).
import { sql, type RawBuilder } from 'kysely';
import type { IndicatorId } from '../../../shared/reports/indicators';
import { factDimColumns } from './facts-install';
import { ON_TIME_DAYS } from './facts';

export interface PeriodParams {
  from: string;
  to: string;
  /** The day after `to`, for comparing timestamps (`at < toNext`). */
  toNext: string;
  /** `to` minus three months. */
  to3m: string;
  /**
   * Read a grouped cohort's facts in the child's order (no sort, but every fact of the indicator)
   * rather than the period's range by date (then sorted by child): the engine chooses per indicator
   * from how much of its facts the period covers (engine.ts, readByChild).
   */
  byChild?: boolean;
  /** The cohort rows also carry the child's split columns (a split or a filter reads them). */
  dims?: boolean;
}

type Cohort = (p: PeriodParams) => RawBuilder<unknown>;

/**
 * The child's split columns, which every fact row carries (migration 26), when a split or filter
 * reads them: no look-up of the child by its case id. A grouped cohort takes them from any of the
 * child's rows (they are the same on each).
 */
const dims = (p: PeriodParams, from = 'f') => (p.dims ? sql.raw(factDimColumns.map((c) => `, ${from}.${c}`).join('')) : sql``);

/**
 * Where a cohort that combines a child's rows of a period reads them: in the child's order (migration
 * 24's index report_facts_child: indicator, case_id, at and the figures, not the split columns), grouped as they are read
 * but every fact of the indicator; or the period's range of the primary key, sorted by child. Which is
 * cheaper depends on how much of the facts the period holds (the engine decides: PeriodParams.byChild).
 * Measured at 100 000 cases, follow-up visits: a year 203 ms by date, 43 ms by child; a quarter 32 / 34.
 */
// The child index does not carry the split columns: with them, the engine reads by date.
const grouped = (p: PeriodParams) => (p.byChild && !p.dims ? sql`report_facts f INDEXED BY report_facts_child` : sql`report_facts f`);

const days = (id: IndicatorId, p: PeriodParams) => sql`f.indicator = ${id} AND f.at BETWEEN ${p.from} AND ${p.to}`;
const stamps = (id: IndicatorId, p: PeriodParams) => sql`f.indicator = ${id} AND f.at >= ${p.from} AND f.at < ${p.toNext}`;

/**
 * The child's first fact of the period (its previous one, if any, is before the period): one row per
 * child without sorting the period's facts by child, for indicators whose figures are the same on
 * each of a child's facts (facts-install.ts, prev).
 */
const first = (p: PeriodParams) => sql`(f.prev IS NULL OR f.prev < ${p.from})`;

/** The first due day whose visit's week of grace has not ended at the period's end. */
const weekBefore = (p: PeriodParams) => sql`date(${p.to}, ${`-${ON_TIME_DAYS} days`})`;

/** One row per fact (at most one per child in a period). */
const each = (id: IndicatorId) => (p: PeriodParams) => sql`SELECT f.case_id, f.num, f.unk, f.ref, f.days${dims(p)} FROM report_facts f WHERE ${days(id, p)}`;
/** Children with any row in the period (counts), each at its first. */
const anyIn = (id: IndicatorId, within: typeof days) => (p: PeriodParams) =>
  sql`SELECT f.case_id, 1 AS num, 0 AS unk, ${p.to} AS ref, NULL AS days${dims(p)} FROM report_facts f WHERE ${within(id, p)} AND ${first(p)}`;
/**
 * The indicators whose cohort combines each child's rows of the period (read through `grouped`):
 * only for these does the engine choose between the date's order and the child's (engine.ts).
 */
export const combiningCohorts = new Set<IndicatorId>();
function combining(id: IndicatorId, cohort: Cohort): Cohort {
  combiningCohorts.add(id);
  return cohort;
}

/** The child's last row in the period decides (SQLite takes the other columns from the max row). */
const last = (id: IndicatorId) => combining(id, (p: PeriodParams) =>
  sql`SELECT f.case_id, f.num, f.unk, ${id === 'lowFactorAtClosure' ? sql`f.ref` : sql`${p.to}`} AS ref, NULL AS days, max(f.at) AS last_at${dims(p)}
    FROM ${grouped(p)} WHERE ${stamps(id, p)} GROUP BY f.case_id`);
/** Met when any row of the period meets it; unknown when none does and one is unknown. */
const anyMet = (id: IndicatorId, within: typeof days, ref: 'to' | 'lastAt') => combining(id, (p: PeriodParams) =>
  sql`SELECT f.case_id, max(f.num) AS num, (max(f.num) = 0 AND max(f.unk) = 1) AS unk, ${ref === 'to' ? sql`${p.to}` : sql`max(f.at)`} AS ref, NULL AS days${dims(p)}
    FROM ${grouped(p)} WHERE ${within(id, p)} GROUP BY f.case_id`);

export const factCohorts: Partial<Record<IndicatorId, Cohort>> = {
  /**
   * Plans in force at the period's end and acknowledged more than three months before it (the case
   * not halted by then); those reviewed in the last three months (G:L160). Read from the stretch of
   * the child's plan that holds the period's end (facts.ts): one per child, no look-up of reviews.
   */
  plansReviewedOnTime: (p) => sql`SELECT f.case_id, (f.num = 1 AND f.y > ${p.to3m}) AS num, 0 AS unk, ${p.to} AS ref, NULL AS days${dims(p)}
    FROM report_facts f WHERE f.indicator = 'plansReviewedOnTime' AND f.at > ${p.to} AND f.y <= ${p.to} AND f.ref <= ${p.to3m} AND f.x >= ${p.toNext}`,
  /** Children registered in the period. */
  registered: each('registered'),
  /**
   * Of the children traced in the period whose family had not been found before it, those whose
   * family was found (or located) in the period; days from registration to found, for the median.
   */
  traced: (p) => sql`SELECT f.case_id, coalesce(f.x <= ${p.to}, 0) AS num, 0 AS unk, ${p.to} AS ref,
      CASE WHEN f.x <= ${p.to} THEN f.days END AS days${dims(p)}
    FROM report_facts f WHERE ${days('traced', p)} AND (f.x IS NULL OR f.x >= ${p.from}) AND ${first(p)}`,
  /** Children whose first tracing action was in the period; those with a child assessment completed by then (G:L123). */
  assessedBeforeTracing: each('assessedBeforeTracing'),
  /** Children with an assessment (child, family, community or well-being) completed in the period. */
  assessed: anyIn('assessed', days),
  /** Cases that left stage 1 in the period; those with an approved BID by then. */
  bidCompleted: last('bidCompleted'),
  /** Children with a case plan acknowledged by the family in the period. */
  plansMade: anyIn('plansMade', days),
  /** Children who went home in the period, assisted or spontaneously. */
  reunified: each('reunified'),
  /** Children with a gate exception approved in the period (for quality review). */
  gateExceptions: anyIn('gateExceptions', stamps),
  /**
   * O4 (G:L331). Children whose case left this office in the period (an accepted outgoing
   * transfer; closures count here once recorded); those whose file went to a local authority.
   */
  transferredToAuthority: anyMet('transferredToAuthority', stamps, 'to'),
  /**
   * O8. Children whose return was six months old during the period; those whose overall
   * well-being score six months on (150–210 days) is above the baseline (the last one on or before
   * the return). No baseline, no six-month score, or scores from different instrument versions:
   * unknown — never counted as improved.
   */
  wellbeingImproved: (p) => sql`SELECT f.case_id, f.num, f.unk, f.ref, f.days${dims(p)} FROM report_facts f
    WHERE f.indicator = 'wellbeingImproved' AND f.at BETWEEN date(${p.from}, '-6 months') AND date(${p.to}, '-6 months')`,
  /**
   * P5 (G:L170). Children who went home in the period after a recorded reunification: days from
   * entering alternative care (the first waiting arrangement, else the separation date) to the
   * return. Neither date known: unknown.
   */
  daysInCare: each('daysInCare'),
  /** O5: the children whose +6-month point fell in the period; living with family then. No outcome, or unknown: unknown. */
  livingWithFamily6: each('livingWithFamily6'),
  /** O5 at +12 months, with the same rules. */
  livingWithFamily12: each('livingWithFamily12'),
  /** O6. Children whose twelve months after the return ended in the period; those with a breakdown within them. */
  reSeparation: each('reSeparation'),
  /** Cases whose closure a supervisor or panel approved in the period. */
  closed: combining('closed', (p) => sql`SELECT f.case_id, 1 AS num, 0 AS unk, max(f.ref) AS ref, NULL AS days${dims(p)}
    FROM ${grouped(p)} WHERE ${stamps('closed', p)} GROUP BY f.case_id`),
  /**
   * O8, second part. Children whose closure was approved in the period (the last one, if several);
   * those whose well-being score at closure — the last completed one on or before the approval and
   * at most 90 days older — has any factor (a scale question of its form) at 1–2, whatever the
   * averages say. No score in those 90 days: unknown, never counted either way.
   */
  lowFactorAtClosure: last('lowFactorAtClosure'),
  /**
   * O3 (G:L330). Children with a 6-month outcome recorded in the period; those who answered "yes" or
   * "mostly" to feeling welcome at home. Not asked, or unknown: unknown.
   */
  feelsWelcomed: anyMet('feelsWelcomed', days, 'lastAt'),
  /**
   * P9 (G:L273). Children with a referral sent in the period; those for whom one was completed
   * (service received). Referrals still waiting for an answer or for the service: unknown.
   */
  referralsCompleted: anyMet('referralsCompleted', days, 'to'),
  /**
   * P6 (G:L261). Children with face-to-face protocol visits due in the period (not cancelled); those
   * whose every such visit was held within a week of its date. A visit not yet held but still within
   * its week at the period's end is unknown.
   */
  // From the child's first day of the period: late when a visit from then on was held late or missed
  // by the period's end (x), or one is still planned whose week ended before it (y); unknown when
  // one is still planned within its week at the period's end.
  followUpOnTime: (p) => sql`SELECT d.case_id, (d.late = 0 AND d.open = 0) AS num, (d.late = 0 AND d.open = 1) AS unk, ${p.to} AS ref, NULL AS days${dims(p, 'd')}
    FROM (SELECT f.case_id${dims(p)}, (coalesce(f.x <= ${p.to}, 0) OR coalesce(f.y < ${weekBefore(p)}, 0)) AS late,
        coalesce(f.y BETWEEN ${weekBefore(p)} AND ${p.to}, 0) AS open
      FROM report_facts f WHERE ${days('followUpOnTime', p)} AND ${first(p)}) d`,
  /** Children registered in the period; those with an informed consent in force at the period's end. */
  consentRecorded: (p) => sql`SELECT f.case_id, (coalesce(f.y <= ${p.to}, 0) OR (f.x IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(f.x) s
        WHERE s.value ->> 0 <= ${p.to} AND s.value ->> 1 > ${p.to}))) AS num, 0 AS unk, f.ref, NULL AS days${dims(p)}
    FROM report_facts f WHERE ${days('consentRecorded', p)}`,
  /**
   * O2 (G:L329). Children who went home in the period; those with a plan acknowledged on or after
   * the last supervised visit before the return, by the period's end, holding at least one objective.
   */
  supportPlanAgreed: (p) => sql`SELECT f.case_id, coalesce(f.x <= ${p.to}, 0) AS num, 0 AS unk, f.ref, NULL AS days${dims(p)}
    FROM report_facts f WHERE ${days('supportPlanAgreed', p)}`,
  /**
   * O1 (G:L328). Children whose family was found and who had a face-to-face contact, and whose
   * case ended the period reunified, refused or halted (that event in the period); those reunified
   * with the caregivers' written willingness and the child's recorded choices, with no refusal by the child.
   */
  acceptReunification: (p) => sql`SELECT f.case_id,
      coalesce(f.ref BETWEEN ${p.from} AND ${p.to} AND f.num = 1 AND (f.y IS NULL OR f.y > ${p.to}), 0) AS num,
      0 AS unk, coalesce(f.ref, ${p.to}) AS ref, NULL AS days${dims(p)}
    FROM report_facts f WHERE ${days('acceptReunification', p)} AND f.x <= ${p.to} AND ${first(p)}`,
};
