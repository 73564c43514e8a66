// Node-only. The generator's case plans (only the contributor is exported: the generator runs
// every exported function): every case past stage 1 has a plan the family
// acknowledged (sometimes a revised one, the first kept as superseded), its latest review and the
// due date written to cases.review_due — about a quarter of open plans overdue. Cases still in
// stage 1 have no plan yet, a draft, or an acknowledged plan on the way to the gate.
import type { SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { stageIndex } from '../../../shared/cases/stages';
import { todayIso } from '../../../shared/cases/fields';
import { planReviewDue, type AcknowledgementMethod, type ObjectiveStatus } from '../../../shared/plans/schemas';
import { signaturePng, thumbprintPng } from './seed-image';
import { seedText, type SeedObjective } from './seed-text';
import { addDays, daysBetween, planAcknowledgedOn, stampOn } from './seed-timing';

function statements(raw: RawDatabase) {
  return {
    version: raw.prepare(
      `INSERT INTO plan_versions (id, case_id, version, status, revision, based_on, family_ownership, contingency_plan,
         guardian_current, guardian_returns_to, guardian_returns_on, guardian_notes, acknowledged_on, approved_at,
         approved_by, approval_notes, created_at, created_by, updated_at, superseded_at)
       VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, NULL, '', ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    objective: raw.prepare(
      `INSERT INTO plan_objectives (id, plan_version_id, case_id, objective_key, position, domain, objective, indicator,
         target_date, responsible, resources, partial_support_what, partial_support_share, status, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    acknowledgement: raw.prepare(
      `INSERT INTO plan_acknowledgements (plan_version_id, case_id, date, method, family_members, child_acknowledged,
         witness_name, witness_role, image_mime, notes, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
    ),
    image: raw.prepare('INSERT INTO plan_acknowledgement_images (plan_version_id, data) VALUES (?, ?)'),
    review: raw.prepare(
      `INSERT INTO plan_reviews (id, case_id, plan_version_id, date, notes, next_due, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    progress: raw.prepare(
      `INSERT INTO plan_progress_notes (id, case_id, objective_key, plan_version_id, review_id, date, note, status, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    reviewDue: raw.prepare('UPDATE cases SET review_due = ? WHERE id = ?'),
  };
}

const cache = new WeakMap<RawDatabase, ReturnType<typeof statements>>();
const prepared = (raw: RawDatabase) => {
  let s = cache.get(raw);
  if (!s) cache.set(raw, (s = statements(raw)));
  return s;
};

/** Objective statuses further along the later the case is. */
function objectiveStatus(ctx: SeedContext, stage: number): ObjectiveStatus {
  const r = ctx.rng();
  if (stage >= 3) return r < 0.6 ? 'achieved' : r < 0.85 ? 'in_progress' : r < 0.95 ? 'not_achieved' : 'dropped';
  if (stage >= 1) return r < 0.25 ? 'achieved' : r < 0.75 ? 'in_progress' : 'not_started';
  return r < 0.2 ? 'in_progress' : 'not_started';
}

function pickObjectives(ctx: SeedContext, all: SeedObjective[], count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(ctx.rng() * all.length));
  return [...chosen];
}

export const seedPlans: SeedContributor = (ctx, cases) => {
  const s = prepared(ctx.raw);
  const today = todayIso(ctx.now);
  const nowIso = ctx.now.toISOString();
  const now = ctx.now;
  const supervisors = ctx.staff.filter((p) => p.role === 'supervisor');

  for (const c of cases) {
    const stage = stageIndex(c.stage);
    const text = seedText[c.language];
    const registered = c.registeredAt.slice(0, 10);
    const span = Math.max(0, daysBetween(registered, today));
    const r = ctx.rng();
    const mode = stage >= 1 ? 'current' : r < 0.3 ? 'none' : r < 0.75 ? 'draft' : 'current';
    if (mode === 'none') continue;

    const templates = pickObjectives(ctx, text.objectives, 3);
    const keys = templates.map(() => ctx.uuid());
    const guardian = ctx.pick(text.guardians);
    const mother = ctx.personName(c.language, 'female');
    const father = ctx.personName(c.language, 'male');
    const content = (version: number, status: string, basedOn: number | null, ackOn: string | null, created: string, superseded: string | null, approved: boolean) => {
      const id = ctx.uuid();
      const approver = approved && supervisors.length > 0 ? ctx.pick(supervisors) : null;
      s.version.run(
        id,
        c.id,
        version,
        status,
        basedOn,
        ctx.pick(text.ownership),
        ctx.pick(text.contingency),
        guardian,
        `${mother.givenName} ${c.familyName}`,
        ackOn,
        approver ? stampOn(ackOn ?? registered, c, now, 15) : null,
        approver?.id ?? null,
        approver ? '' : null,
        created,
        c.workerId,
        ackOn ? stampOn(ackOn, c, now, 12) : created,
        superseded,
      );
      return id;
    };
    const addObjectives = (versionId: string, from: string, count: number, updated: string) => {
      for (let i = 0; i < count; i += 1) {
        const o = text.objectives[templates[i]];
        s.objective.run(
          ctx.uuid(),
          versionId,
          c.id,
          keys[i],
          i,
          o.domain,
          o.objective,
          o.indicator,
          addDays(from, 90 + Math.floor(ctx.rng() * 270)),
          o.responsible,
          o.resources,
          o.partial?.what ?? null,
          o.partial?.share ?? null,
          objectiveStatus(ctx, stage),
          updated,
        );
      }
    };
    const acknowledge = (versionId: string, date: string, recorded: string) => {
      const roll = ctx.rng();
      const method: AcknowledgementMethod = roll < 0.4 ? 'verbal' : roll < 0.75 ? 'thumbprint' : 'signature';
      const members = [{ name: `${mother.givenName} ${c.familyName}`, relationship: text.relationships.mother }];
      if (ctx.rng() < 0.5) members.push({ name: `${father.givenName} ${c.familyName}`, relationship: text.relationships.father });
      const witness = method === 'verbal' ? ctx.personName(c.language, ctx.rng() < 0.5 ? 'female' : 'male') : null;
      s.acknowledgement.run(
        versionId,
        c.id,
        date,
        method,
        JSON.stringify(members),
        c.ageYears >= 7 ? 1 : 0,
        witness ? `${witness.givenName} ${witness.familyName}` : '',
        witness ? ctx.pick(text.witnessRoles) : '',
        method === 'verbal' ? null : 'image/png',
        recorded,
        c.workerId,
      );
      if (method !== 'verbal') s.image.run(versionId, method === 'signature' ? signaturePng : thumbprintPng);
    };

    if (mode === 'draft') {
      const created = stampOn(ctx.dateBetween(c.registeredAt, nowIso), c, now);
      const id = content(1, 'draft', null, null, created, null, false);
      addObjectives(id, created.slice(0, 10), 3, created);
      continue;
    }

    // An acknowledged plan: sometimes revised once, the first version kept as superseded.
    const revised = ctx.rng() < 0.2 && span > 120;
    const firstAck = planAcknowledgedOn(c, now, ctx.rng);
    let currentAck = firstAck;
    let version = 1;
    if (revised) {
      const created = stampOn(firstAck, c, now, 8);
      currentAck = addDays(firstAck, 1 + Math.floor(ctx.rng() * Math.max(1, daysBetween(firstAck, today) * 0.5)));
      if (currentAck > today) currentAck = today;
      const id = content(1, 'superseded', null, firstAck, created, stampOn(currentAck, c, now, 12), false);
      addObjectives(id, firstAck, 2, created);
      acknowledge(id, firstAck, stampOn(firstAck, c, now, 11));
      version = 2;
    }
    const created = stampOn(currentAck, c, now, 8);
    const currentId = content(version, 'current', revised ? 1 : null, currentAck, created, null, ctx.rng() < 0.5);
    addObjectives(currentId, currentAck, 3, created);
    acknowledge(currentId, currentAck, stampOn(currentAck, c, now, 11));

    // The latest review: most plans reviewed in the last three months, about a quarter overdue.
    const sinceAck = daysBetween(currentAck, today);
    let lastReview: string | null = null;
    if (sinceAck >= 90) {
      if (ctx.rng() < 0.75) lastReview = addDays(today, -Math.floor(ctx.rng() * Math.min(85, sinceAck)));
      else if (sinceAck > 190) lastReview = addDays(currentAck, 1 + Math.floor(ctx.rng() * (sinceAck - 190)));
    }
    const due = planReviewDue(lastReview, currentAck);
    if (lastReview) {
      const reviewId = ctx.uuid();
      const recorded = stampOn(lastReview, c, now, 16);
      s.review.run(reviewId, c.id, currentId, lastReview, ctx.pick(text.reviewNotes), due, recorded, c.workerId);
      s.progress.run(ctx.uuid(), c.id, keys[0], currentId, reviewId, lastReview, ctx.pick(text.progressNotes), null, recorded, c.workerId);
    }
    s.reviewDue.run(due, c.id);

    // A revision in progress on some acknowledged plans.
    if (ctx.rng() < 0.1) {
      const draftCreated = stampOn(ctx.dateBetween(created, nowIso), c, now, 14);
      const draftId = content(version + 1, 'draft', version, null, draftCreated, null, false);
      addObjectives(draftId, currentAck, 3, draftCreated);
    }
  }
};
