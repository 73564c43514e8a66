// Node-only. Reads plan versions, their objectives with progress, acknowledgements and reviews into
// the shapes of the shared contract.
import { parseAbsence } from '../../../shared/casework/child-views';
import { isDeskReview } from '../../../shared/family/confidential';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import type { Objective, PlanOverview, PlanReview, PlanVersion } from '../../../shared/plans/contract';
import { planReviewDue } from '../../../shared/plans/schemas';
import type { DB } from '../db/schema';
import type { PlanObjectivesTable, PlanVersionsTable } from './tables';

type Db = Kysely<DB> | Transaction<DB>;
export type PlanVersionRow = Selectable<PlanVersionsTable>;

async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The objectives of one version, each with every progress note on it across versions. */
export async function readObjectives(db: Db, caseId: string, versionId: string): Promise<Objective[]> {
  const rows = await db
    .selectFrom('plan_objectives')
    .selectAll()
    .where('plan_version_id', '=', versionId)
    .orderBy('position')
    .execute();
  if (rows.length === 0) return [];
  const notes = await db
    .selectFrom('plan_progress_notes')
    .selectAll()
    .where('case_id', '=', caseId)
    .where(
      'objective_key',
      'in',
      rows.map((r) => r.objective_key),
    )
    .orderBy('date', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
  const names = await userNames(db, notes.map((n) => n.recorded_by));
  return rows.map((row) => toObjective(row, notes.filter((n) => n.objective_key === row.objective_key), names));
}

function toObjective(
  row: Selectable<PlanObjectivesTable>,
  notes: Selectable<DB['plan_progress_notes']>[],
  names: Map<string, string>,
): Objective {
  return {
    id: row.id,
    key: row.objective_key,
    domain: row.domain,
    objective: row.objective,
    indicator: row.indicator,
    targetDate: row.target_date,
    responsible: row.responsible,
    resources: row.resources,
    partialSupport:
      row.partial_support_what !== null ? { what: row.partial_support_what, familyShare: row.partial_support_share ?? '' } : null,
    status: row.status,
    confidential: row.confidential === 1,
    progress: notes.map((n) => ({
      id: n.id,
      date: n.date,
      note: n.note,
      status: n.status,
      reviewId: n.review_id,
      recordedAt: n.recorded_at,
      recordedByName: n.recorded_by ? (names.get(n.recorded_by) ?? null) : null,
    })),
  };
}

export async function readVersion(db: Db, row: PlanVersionRow): Promise<PlanVersion> {
  const ack = await db.selectFrom('plan_acknowledgements').selectAll().where('plan_version_id', '=', row.id).executeTakeFirst();
  const names = await userNames(db, [row.created_by, row.approved_by, ack?.recorded_by ?? null]);
  const name = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    revision: row.revision,
    basedOn: row.based_on,
    familyOwnership: row.family_ownership,
    childViews: row.child_views,
    childViewsAbsent: parseAbsence(row.child_views_absent),
    contingencyPlan: row.contingency_plan,
    guardianship: {
      currentHolder: row.guardian_current,
      returnsTo: row.guardian_returns_to,
      returnsOn: row.guardian_returns_on,
      notes: row.guardian_notes,
    },
    objectives: await readObjectives(db, row.case_id, row.id),
    acknowledgement: ack
      ? {
          date: ack.date,
          method: ack.method,
          familyMembers: JSON.parse(ack.family_members) as { name: string; relationship: string }[],
          childAcknowledged: ack.child_acknowledged === 1,
          witnessName: ack.witness_name,
          witnessRole: ack.witness_role,
          imageMime: ack.image_mime as 'image/png' | null,
          notes: ack.notes,
          recordedAt: ack.recorded_at,
          recordedByName: name(ack.recorded_by),
        }
      : null,
    approval: row.approved_at ? { at: row.approved_at, byName: name(row.approved_by), notes: row.approval_notes ?? '' } : null,
    createdAt: row.created_at,
    createdByName: name(row.created_by),
    updatedAt: row.updated_at,
    supersededAt: row.superseded_at,
  };
}

export async function versionRow(db: Db, caseId: string, status: 'draft' | 'current'): Promise<PlanVersionRow | undefined> {
  return db.selectFrom('plan_versions').selectAll().where('case_id', '=', caseId).where('status', '=', status).executeTakeFirst();
}

/** One version of a case's plan by its number; NOT_FOUND when the case has no such version. */
export async function numberedVersion(db: Db, caseId: string, version: number): Promise<PlanVersionRow> {
  const row = await db.selectFrom('plan_versions').selectAll().where('case_id', '=', caseId).where('version', '=', version).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such plan version');
  return row;
}

/** The latest review date of the case, whichever version it was recorded under. */
export async function lastReviewOn(db: Db, caseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('plan_reviews')
    .select((eb) => eb.fn.max('date').as('date'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return (row?.date as string | null | undefined) ?? null;
}

export async function readOverview(db: Db, caseId: string, today: string): Promise<PlanOverview> {
  const current = await versionRow(db, caseId, 'current');
  const draft = await versionRow(db, caseId, 'draft');
  const versions = await db
    .selectFrom('plan_versions')
    .leftJoin('plan_acknowledgements', 'plan_acknowledgements.plan_version_id', 'plan_versions.id')
    .select([
      'plan_versions.version',
      'plan_versions.status',
      'plan_versions.created_at',
      'plan_versions.approved_at',
      'plan_versions.superseded_at',
      'plan_acknowledgements.date',
      'plan_acknowledgements.method',
    ])
    .where('plan_versions.case_id', '=', caseId)
    .orderBy('plan_versions.version', 'desc')
    .execute();
  const reviewRows = await db
    .selectFrom('plan_reviews')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_reviews.plan_version_id')
    .select([
      'plan_reviews.id',
      'plan_reviews.date',
      'plan_reviews.notes',
      'plan_reviews.participants',
      'plan_reviews.child_views',
      'plan_reviews.child_views_absent',
      'plan_reviews.next_due',
      'plan_reviews.recorded_at',
      'plan_reviews.recorded_by',
      'plan_versions.version',
    ])
    .where('plan_reviews.case_id', '=', caseId)
    .orderBy('plan_reviews.date', 'desc')
    .orderBy('plan_reviews.recorded_at', 'desc')
    .execute();
  const names = await userNames(db, reviewRows.map((r) => r.recorded_by));
  const reviews: PlanReview[] = reviewRows.map((r) => ({
    id: r.id,
    version: r.version,
    date: r.date,
    notes: r.notes,
    participants: JSON.parse(r.participants) as PlanReview['participants'],
    deskReview: isDeskReview(JSON.parse(r.participants) as PlanReview['participants']),
    childViews: r.child_views,
    childViewsAbsent: parseAbsence(r.child_views_absent),
    nextDue: r.next_due,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by ? (names.get(r.recorded_by) ?? null) : null,
  }));
  const reviewDue =
    current?.acknowledged_on ? planReviewDue(reviews.length > 0 ? reviews[0].date : null, current.acknowledged_on) : null;
  return {
    current: current ? await readVersion(db, current) : null,
    draft: draft ? await readVersion(db, draft) : null,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      createdAt: v.created_at,
      acknowledgedOn: v.date,
      method: v.method,
      approved: v.approved_at !== null,
      supersededAt: v.superseded_at,
    })),
    reviews,
    reviewDue,
    overdue: reviewDue !== null && reviewDue < today,
  };
}
