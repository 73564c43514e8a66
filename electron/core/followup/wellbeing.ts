// Node-only. A case's well-being over time, factor by factor (each scale question of the case's
// well-being form), with the real date of each re-score. Templates are read once per version, so
// 30 re-scores cost one query for the assessments and one per form version used.
import type { LocalizedText, TemplateDefinition, Answers, Scores } from '../../../shared/assessments/template';
import type { WellbeingChart } from '../../../shared/followup/contract';
import type { DB } from '../db/schema';
import type { Kysely } from 'kysely';

export async function wellbeingChart(db: Kysely<DB>, caseId: string): Promise<WellbeingChart> {
  const rows = await db
    .selectFrom('assessments')
    .select(['id', 'date', 'template_key', 'template_version', 'answers', 'scores'])
    .where('case_id', '=', caseId)
    .where('kind', '=', 'wellbeing')
    .where('status', '=', 'completed')
    .orderBy('date')
    .orderBy('completed_at')
    .execute();
  const versions = [...new Set(rows.map((r) => `${r.template_key}@${r.template_version}`))];
  const templates = new Map<string, TemplateDefinition>();
  if (versions.length > 0) {
    const keys = [...new Set(rows.map((r) => r.template_key))];
    const defs = await db.selectFrom('assessment_templates').select(['key', 'version', 'definition']).where('key', 'in', keys).execute();
    for (const d of defs) if (versions.includes(`${d.key}@${d.version}`)) templates.set(`${d.key}@${d.version}`, JSON.parse(d.definition) as TemplateDefinition);
  }
  // Factors from the newest form version first, then any older ones: factors are compared only
  // where their ids are identical across versions (B1.6).
  const factors: WellbeingChart['factors'] = [];
  const seen = new Set<string>();
  for (const key of [...versions].reverse()) {
    for (const domain of templates.get(key)?.domains ?? []) {
      for (const q of domain.questions) {
        if (q.type !== 'scale' || seen.has(q.id)) continue;
        seen.add(q.id);
        factors.push({ id: q.id, domainId: domain.id, label: q.label as LocalizedText, domainTitle: domain.title as LocalizedText });
      }
    }
  }
  const points = rows.map((r) => {
    const answers = JSON.parse(r.answers) as Answers;
    const scores: Record<string, number | null> = {};
    for (const f of factors) {
      const a = answers[f.id];
      scores[f.id] = typeof a === 'number' ? a : null;
    }
    return { assessmentId: r.id, date: r.date, scores, overall: (JSON.parse(r.scores) as Scores).overall, templateVersion: r.template_version };
  });
  return { factors, points };
}
