// Environment-free. Well-being scores that do not hide harm, compared like with like.
// - Factor by factor: every scale question (a CSI "factor") keeps its own score, and any factor at
//   1–2 is flagged even when its domain's average looks fine (abuse = 1 beside legal protection = 4
//   must not read as 2.5).
// - Version-safe: two versions of a form are comparable when they score the same factors in the
//   same domains (wording and translations may change; adding, removing or moving a factor makes a
//   new comparability key). Charts and comparisons only join answers with the same key.
// This is the API other features (follow-up visits, re-scores) use: `formKey` to know whether two
// assessments can be compared, `factorScores` for the factor values and flags.
import type { Answers, TemplateDefinition } from './template';

/** A factor scored 1 or 2 needs attention (a plan objective or a referral). */
export const LOW_FACTOR_MAX = 2;

export interface FactorScore {
  domainId: string;
  factorId: string;
  /** 1..4, or null when not scored. */
  score: number | null;
  low: boolean;
}

/** The scored factors of a form, in order, as `domain/factor` pairs. */
export function scoredFactors(definition: TemplateDefinition): { domainId: string; factorId: string }[] {
  return definition.domains.flatMap((d) => d.questions.filter((q) => q.type === 'scale').map((q) => ({ domainId: d.id, factorId: q.id })));
}

/**
 * The comparability key of a form version: the template key and its scored factors (by domain).
 * Equal keys mean the scores can be charted and compared together.
 */
export function formKey(templateKey: string, definition: TemplateDefinition): string {
  return `${templateKey}:${scoredFactors(definition).map((f) => `${f.domainId}/${f.factorId}`).join(',')}`;
}

export function factorScores(definition: TemplateDefinition, answers: Answers): FactorScore[] {
  return scoredFactors(definition).map(({ domainId, factorId }) => {
    const answer = answers[factorId];
    const score = typeof answer === 'number' ? answer : null;
    return { domainId, factorId, score, low: score !== null && score <= LOW_FACTOR_MAX };
  });
}

/** Factors scored low, whatever their domain's average says. */
export function lowFactors(scores: readonly FactorScore[]): string[] {
  return scores.filter((s) => s.low).map((s) => s.factorId);
}
