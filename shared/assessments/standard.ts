// Environment-free. The standard Child Status Index factors are locked. Scores are only worth
// comparing (across visits, across offices, with other users of the instrument) when every office
// scores the same twelve factors, in the same six domains, against the same score descriptions. So a
// save of the standard template may not remove, rename, re-score, move or reorder them, nor add
// questions inside their domains (that would change a standard domain's score); an office adds
// domains and factors of its own after them. The check compares a save with the version it replaces
// (migration 21 made that version standard), and the core refuses any change it finds.
import type { Question, TemplateDefinition } from './template';

/** The key of the shipped Child Status Index template (migration 4, anchored by migration 21). */
export const STANDARD_TEMPLATE_KEY = 'csi';

/** The six standard domains and their two factors each, in the instrument's order. */
export const standardDomains = [
  { id: 'food_nutrition', factors: ['food_security', 'nutrition_growth'] },
  { id: 'shelter_care', factors: ['shelter', 'care'] },
  { id: 'protection', factors: ['abuse_exploitation', 'legal_protection'] },
  { id: 'health', factors: ['wellness', 'health_care_services'] },
  { id: 'psychosocial', factors: ['emotional_health', 'social_behaviour'] },
  { id: 'education_skills', factors: ['performance', 'education_work'] },
] as const;

const standardDomainIds: ReadonlySet<string> = new Set(standardDomains.map((d) => d.id));

/** Whether a domain of a template is one of the locked standard ones. */
export const isStandardDomain = (templateKey: string, domainId: string): boolean =>
  templateKey === STANDARD_TEMPLATE_KEY && standardDomainIds.has(domainId);

export const standardChangeCodes = [
  'standardRemoved',
  'standardRenamed',
  'standardRescored',
  'standardReordered',
  'standardMoved',
  'standardAdded',
] as const;
export type StandardChangeCode = (typeof standardChangeCodes)[number];

export interface StandardChange {
  path: (string | number)[];
  code: StandardChangeCode;
  message: StandardChangeCode;
}

/** JSON with its keys sorted: stored and newly parsed definitions may list keys in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
const same = (a: unknown, b: unknown): boolean => canonical(a ?? null) === canonical(b ?? null);

/** What scores a factor: everything but its identity and its name. */
function scoring(q: Question): unknown {
  return { type: q.type, required: q.required, help: q.help, scaleLabels: q.scaleLabels, anchors: q.anchors, ageGuidance: q.ageGuidance };
}

/**
 * Every change a save of the standard template makes to the standard domains and factors, compared
 * with the version it replaces. Empty when the standard part is untouched.
 */
export function standardChanges(previous: TemplateDefinition, next: TemplateDefinition): StandardChange[] {
  const changes: StandardChange[] = [];
  const add = (code: StandardChangeCode, ...path: (string | number)[]) => changes.push({ path: ['definition', ...path], code, message: code });
  const locked = previous.domains.filter((d) => standardDomainIds.has(d.id));
  if (locked.length > 0 && !same(previous.scaleLabels, next.scaleLabels)) add('standardRescored', 'scaleLabels');
  locked.forEach((before, position) => {
    const index = next.domains.findIndex((d) => d.id === before.id);
    if (index < 0) {
      add('standardRemoved', 'domains', position);
      return;
    }
    const after = next.domains[index]!;
    // The standard domains come first, in the instrument's order; an office's own follow them.
    if (index !== position) add('standardReordered', 'domains', index);
    if (!same(before.title, after.title)) add('standardRenamed', 'domains', index, 'title');
    before.questions.forEach((factor, qi) => {
      const at = after.questions.findIndex((q) => q.id === factor.id);
      if (at < 0) {
        const elsewhere = next.domains.findIndex((d) => d.questions.some((q) => q.id === factor.id));
        add(elsewhere >= 0 ? 'standardMoved' : 'standardRemoved', 'domains', elsewhere >= 0 ? elsewhere : index, 'questions');
        return;
      }
      const now = after.questions[at]!;
      if (at !== qi) add('standardReordered', 'domains', index, 'questions', at);
      if (!same(factor.label, now.label)) add('standardRenamed', 'domains', index, 'questions', at, 'label');
      if (!same(scoring(factor), scoring(now))) add('standardRescored', 'domains', index, 'questions', at);
    });
    after.questions.forEach((q, at) => {
      if (!before.questions.some((f) => f.id === q.id)) add('standardAdded', 'domains', index, 'questions', at);
    });
  });
  return changes;
}
