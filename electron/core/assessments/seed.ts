// Node-only. Generated assessments made with the shipped templates (version 1): the child assessed
// early, the family once found, the community often; Child Status Index visits over the case's
// life with scores that tend to improve. A stage-1 case may have a draft in progress.
// Only the contributor is exported: the generator runs every exported function.
import { shippedTemplates } from '../../../migrations/0004_assessments';
import { computeScores, type Answers, type TemplateDefinition } from '../../../shared/assessments/template';
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { stageOnePhrases } from './seed-phrases';
import { dayBetween, hasDone, stampOn, stepDate, type SeedStatement } from './seed-timing';

const templates = new Map(shippedTemplates.map((t) => [t.key, { kind: t.kind, definition: t.definition as unknown as TemplateDefinition }]));

const prepared = new WeakMap<RawDatabase, { insert: SeedStatement; event: SeedStatement }>();

function statements(raw: RawDatabase) {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      insert: raw.prepare(`
        INSERT INTO assessments (id, case_id, template_key, template_version, kind, date, status, participants, answers, scores,
          child_views, summary, created_at, created_by, updated_at, updated_by, completed_at, completed_by, version)
        VALUES (@id, @case_id, @key, 1, @kind, @date, @status, @participants, @answers, @scores,
          @child_views, @summary, @at, @by, @at, @by, @completed_at, @completed_by, 1)`),
      event: raw.prepare('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

function answersFor(ctx: SeedContext, c: SeedCase, definition: TemplateDefinition, level: number, complete: boolean): Answers {
  const phrases = stageOnePhrases[c.language];
  const answers: Answers = {};
  for (const domain of definition.domains) {
    for (const q of domain.questions) {
      // A draft stops part-way through the form.
      if (!complete && ctx.rng() < 0.5) continue;
      if (q.type === 'scale') answers[q.id] = Math.max(1, Math.min(4, Math.round(level + (ctx.rng() - 0.5) * 1.6)));
      else if (q.type === 'yes_no') answers[q.id] = ctx.rng() < 0.25;
      else if (q.type === 'choice') answers[q.id] = ctx.rng() < 0.8 ? 'yes' : 'unsure';
      else if (q.required || ctx.rng() < 0.4) answers[q.id] = ctx.pick(phrases.assessmentNotes);
    }
  }
  return answers;
}

function seedCase(ctx: SeedContext, c: SeedCase): void {
  const s = statements(ctx.raw);
  const phrases = stageOnePhrases[c.language];
  const caregiver = ctx.personName(c.language, 'female');
  const add = (key: string, date: string, level: number, complete: boolean, event: boolean) => {
    const template = templates.get(key)!;
    const answers = answersFor(ctx, c, template.definition, level, complete);
    const at = stampOn(date, c, ctx.now);
    const childViews = key === 'child_assessment' || (key === 'csi' && ctx.rng() < 0.3) ? ctx.pick(phrases.childViews) : '';
    s.insert.run({
      id: ctx.uuid(),
      case_id: c.id,
      key,
      kind: template.kind,
      date,
      status: complete ? 'completed' : 'draft',
      participants: JSON.stringify([
        { role: 'child', name: '', perspective: '' },
        { role: 'caregiver', name: `${caregiver.givenName} ${c.familyName || caregiver.familyName}`, perspective: ctx.pick(phrases.assessmentNotes) },
      ]),
      answers: JSON.stringify(answers),
      scores: JSON.stringify(computeScores(template.definition, answers)),
      child_views: complete || ctx.rng() < 0.5 ? childViews : '',
      summary: complete ? ctx.pick(phrases.assessmentNotes) : '',
      at,
      by: c.workerId,
      completed_at: complete ? at : null,
      completed_by: complete ? c.workerId : null,
    });
    if (event) s.event.run(c.id, at, c.workerId, complete ? 'assessment.complete' : 'assessment.saveDraft', JSON.stringify({ kind: template.kind, date, status: complete ? 'completed' : 'draft' }));
  };

  if (hasDone(c, 'childAssessed')) add('child_assessment', stepDate(c, 'childAssessed', ctx.now), 2.5, true, true);
  else if (hasDone(c, 'lead') && ctx.rng() < 0.5) add('child_assessment', stepDate(c, 'childAssessed', ctx.now), 2.5, false, false);
  if (hasDone(c, 'familyAssessed')) {
    add('family_assessment', stepDate(c, 'familyAssessed', ctx.now), 2.8, true, true);
    if (ctx.rng() < 0.6) add('community_assessment', stepDate(c, 'familyAssessed', ctx.now), 2.8, true, false);
  }

  // Child Status Index visits: one when the child is first assessed, more as the case goes on.
  const visits =
    c.spontaneous ? 1 + Math.floor(ctx.rng() * 2)
    : c.stage === 'tracing_assessment' ? (hasDone(c, 'childAssessed') ? 1 : 0)
    : c.stage === 'preparation' ? 1
    : c.stage === 'reunification' ? 2
    : 2 + Math.floor(ctx.rng() * 2);
  const first = c.spontaneous ? c.registeredAt.slice(0, 10) : stepDate(c, 'childAssessed', ctx.now);
  for (let i = 0; i < visits; i += 1) {
    const date = i === 0 ? first : dayBetween(first, i / visits + ctx.rng() * (0.5 / visits), ctx.now);
    add('csi', date, Math.min(3.8, 2 + i * 0.5 + ctx.rng() * 0.5), true, false);
  }
}

export const seedAssessments: SeedContributor = (ctx, cases) => {
  for (const c of cases) seedCase(ctx, c);
};
