// Environment-free. Assessment templates are data: domains of questions (a 1–4 scale, yes/no, free
// text, a choice), with titles and labels in every shipped language. Offices adapt them without
// code; each save is a new version, and a completed assessment keeps the version it was made with,
// so its scores stay comparable. Scoring and the completeness check live here so the form can show
// them live and the core can enforce them with the same rules.
import { z } from 'zod';
import { languages, type Language } from '../i18n/languages';
import { childViewsProblem, type ChildViewsAbsence } from '../casework/child-views';

export const assessmentKinds = ['child', 'family', 'community', 'wellbeing'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];

export const questionTypes = ['scale', 'yes_no', 'text', 'choice'] as const;
export type QuestionType = (typeof questionTypes)[number];

/** The scale every scale question uses, as in the Child Status Index: 1 very bad … 4 good. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 4;

const labelText = z.string().trim().min(1).max(500);
/** A text in every shipped language. */
export const localizedText = z.object(
  Object.fromEntries(languages.map((l) => [l, labelText])) as Record<Language, typeof labelText>,
).strict();
export type LocalizedText = z.infer<typeof localizedText>;

const localizedHelp = z.object(
  Object.fromEntries(languages.map((l) => [l, z.string().trim().max(2000)])) as Record<Language, z.ZodString>,
).strict();

/** A longer text in every shipped language: a score's description, an age band's guidance. */
const guideText = z.string().trim().min(1).max(1000);
const localizedGuide = z.object(
  Object.fromEntries(languages.map((l) => [l, guideText])) as Record<Language, typeof guideText>,
).strict();

/** Age bands a factor's guidance is written for (years completed). */
export const ageBands = ['under5', 'age5to12', 'age13to17'] as const;
export type AgeBand = (typeof ageBands)[number];

/** The band a child of this age (completed years) falls in; 18 and over read as the oldest band. */
export function ageBandOf(ageYears: number | null | undefined): AgeBand | null {
  if (ageYears === null || ageYears === undefined || !Number.isFinite(ageYears) || ageYears < 0) return null;
  return ageYears < 5 ? 'under5' : ageYears <= 12 ? 'age5to12' : 'age13to17';
}

export const templateKey = z.string().regex(/^[a-z][a-z0-9_]{1,48}$/u, { message: 'templateKey' });
const itemId = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,48}$/u, { message: 'itemId' });

export const choiceOptionSchema = z.object({ value: itemId, label: localizedText }).strict();

export const questionSchema = z
  .object({
    id: itemId,
    type: z.enum(questionTypes),
    label: localizedText,
    help: localizedHelp.optional(),
    required: z.boolean().default(false),
    /** Choice questions only. */
    options: z.array(choiceOptionSchema).max(30).optional(),
    /** Choice questions only: several options may be picked. */
    multiple: z.boolean().optional(),
    /** Scale questions only: labels for 1..4, when they differ from the template's. */
    scaleLabels: z.array(localizedText).length(SCALE_MAX - SCALE_MIN + 1).optional(),
    /** Scale questions only: what a score of 1, 2, 3 and 4 looks like for this factor (its anchors). */
    anchors: z.array(localizedGuide).length(SCALE_MAX - SCALE_MIN + 1).optional(),
    /** Scale questions only: how to read the factor for a child of each age band. */
    ageGuidance: z.array(z.object({ band: z.enum(ageBands), text: localizedGuide }).strict()).max(ageBands.length).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.type === 'choice' && (!q.options || q.options.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'choiceNeedsOptions' });
    }
    if (q.type !== 'choice' && q.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'onlyForChoice' });
    if (q.type !== 'scale' && q.scaleLabels) ctx.addIssue({ code: 'custom', path: ['scaleLabels'], message: 'onlyForScale' });
    if (q.type !== 'scale' && q.anchors) ctx.addIssue({ code: 'custom', path: ['anchors'], message: 'onlyForScale' });
    if (q.type !== 'scale' && q.ageGuidance) ctx.addIssue({ code: 'custom', path: ['ageGuidance'], message: 'onlyForScale' });
    if (q.ageGuidance && new Set(q.ageGuidance.map((g) => g.band)).size !== q.ageGuidance.length) {
      ctx.addIssue({ code: 'custom', path: ['ageGuidance'], message: 'duplicateOption' });
    }
    if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'duplicateOption' });
    }
  });
export type Question = z.output<typeof questionSchema>;

export const domainSchema = z
  .object({
    id: itemId,
    title: localizedText,
    questions: z.array(questionSchema).min(1).max(60),
  })
  .strict();
export type Domain = z.output<typeof domainSchema>;

export const templateDefinitionSchema = z
  .object({
    domains: z.array(domainSchema).min(1).max(40),
    /** Labels of scale points 1..4 (very bad, bad, fair, good). */
    scaleLabels: z.array(localizedText).length(SCALE_MAX - SCALE_MIN + 1),
    /** Completing needs the child's views in their own words. */
    childViewsRequired: z.boolean().default(false),
  })
  .strict()
  .superRefine((d, ctx) => {
    const domainIds = new Set<string>();
    const questionIds = new Set<string>();
    d.domains.forEach((domain, di) => {
      if (domainIds.has(domain.id)) ctx.addIssue({ code: 'custom', path: ['domains', di, 'id'], message: 'duplicateId' });
      domainIds.add(domain.id);
      domain.questions.forEach((q, qi) => {
        if (questionIds.has(q.id)) {
          ctx.addIssue({ code: 'custom', path: ['domains', di, 'questions', qi, 'id'], message: 'duplicateId' });
        }
        questionIds.add(q.id);
      });
    });
  });
export type TemplateDefinition = z.output<typeof templateDefinitionSchema>;
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;

/** One answer: a scale point, yes/no, text, or the picked option(s); null when skipped. */
export const answerSchema = z.union([
  z.number().int().min(SCALE_MIN).max(SCALE_MAX),
  z.boolean(),
  z.string().trim().max(10_000),
  z.array(itemId).max(30),
  z.null(),
]);
export type Answer = z.infer<typeof answerSchema>;
export const answersSchema = z.record(itemId, answerSchema);
export type Answers = z.infer<typeof answersSchema>;

export interface DomainScore {
  /** Mean of the answered scale questions, 2 decimals; null when none answered. */
  mean: number | null;
  answered: number;
  total: number;
}
export interface Scores {
  domains: Record<string, DomainScore>;
  /** Mean of the domain means (each domain weighs the same, as in the CSI). */
  overall: number | null;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Domain scores from the scale questions; domains without scale questions are left out. */
export function computeScores(definition: TemplateDefinition, answers: Answers): Scores {
  const domains: Record<string, DomainScore> = {};
  for (const domain of definition.domains) {
    const scale = domain.questions.filter((q) => q.type === 'scale');
    if (scale.length === 0) continue;
    const values = scale.map((q) => answers[q.id]).filter((a): a is number => typeof a === 'number');
    domains[domain.id] = {
      mean: values.length ? round2(values.reduce((s, v) => s + v, 0) / values.length) : null,
      answered: values.length,
      total: scale.length,
    };
  }
  const means = Object.values(domains)
    .map((d) => d.mean)
    .filter((m): m is number => m !== null);
  return { domains, overall: means.length ? round2(means.reduce((s, v) => s + v, 0) / means.length) : null };
}

export interface AnswerIssue {
  path: (string | number)[];
  code: 'required' | 'bothGiven' | 'wrongType' | 'unknownQuestion' | 'unknownOption';
  message: string;
}

function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined || answer === null) return false;
  if (typeof answer === 'string') return answer.trim().length > 0;
  if (Array.isArray(answer)) return answer.length > 0;
  return true;
}

function fitsType(question: Question, answer: Answer): boolean {
  switch (question.type) {
    case 'scale':
      return typeof answer === 'number';
    case 'yes_no':
      return typeof answer === 'boolean';
    case 'text':
      return typeof answer === 'string';
    case 'choice':
      return question.multiple ? Array.isArray(answer) : typeof answer === 'string' || (Array.isArray(answer) && answer.length <= 1);
  }
}

/**
 * Checks answers against a template: types always; required answers (and the child's views,
 * where the template asks for them) when completing. Issues are keyed by question id.
 */
export function checkAnswers(
  definition: TemplateDefinition,
  answers: Answers,
  options: { completing: boolean; childViews?: string; childViewsAbsent?: ChildViewsAbsence | null },
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const questions = new Map(definition.domains.flatMap((d) => d.questions.map((q) => [q.id, q] as const)));
  for (const [id, answer] of Object.entries(answers)) {
    const question = questions.get(id);
    if (!question) {
      issues.push({ path: ['answers', id], code: 'unknownQuestion', message: 'unknownQuestion' });
      continue;
    }
    if (answer === null) continue;
    if (!fitsType(question, answer)) {
      issues.push({ path: ['answers', id], code: 'wrongType', message: 'wrongType' });
      continue;
    }
    if (question.type === 'choice') {
      const picked = Array.isArray(answer) ? answer : [answer as string];
      const allowed = new Set((question.options ?? []).map((o) => o.value));
      if (picked.some((p) => !allowed.has(p))) issues.push({ path: ['answers', id], code: 'unknownOption', message: 'unknownOption' });
    }
  }
  if (options.completing) {
    for (const question of questions.values()) {
      if (question.required && !isAnswered(answers[question.id])) {
        issues.push({ path: ['answers', question.id], code: 'required', message: 'required' });
      }
    }
    // The child's views, or a reasoned absence of them (shared/casework/child-views.ts).
    const views = definition.childViewsRequired ? childViewsProblem(options.childViews ?? '', options.childViewsAbsent ?? null) : null;
    if (views) issues.push({ path: ['childViews'], code: views, message: views });
  }
  return issues;
}

/** A template's text in a language, falling back to English. */
export function localized(text: LocalizedText | undefined, language: string): string {
  if (!text) return '';
  return (text as Record<string, string>)[language] || text.en;
}
