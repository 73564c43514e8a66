// Environment-free. The child's views, or a reasoned absence of them. Wherever the child's views
// are required (a halt, a halt review, the BID, the plan), a child who cannot give views — an
// infant, a non-verbal child, some disabilities, a child in acute distress — is not forced into
// filler text: the worker records why, and how the child's wishes were found out instead
// (observation, a trusted adult, an advocate, a communication aid) (G:L76, L205-208; A6).
import { z } from 'zod';

export const viewsAbsenceReasons = ['infant_or_young', 'non_verbal', 'disability', 'distress', 'not_present', 'other'] as const;
export type ViewsAbsenceReason = (typeof viewsAbsenceReasons)[number];

export const viewsMethods = ['observation', 'trusted_adult', 'advocate', 'communication_aid', 'other'] as const;
export type ViewsMethod = (typeof viewsMethods)[number];

export const childViewsAbsenceSchema = z
  .object({
    reason: z.enum(viewsAbsenceReasons),
    /** What the reason was, in the worker's words (required for "other"). */
    reasonNote: z.string().trim().max(2000).default(''),
    method: z.enum(viewsMethods),
    /** What the method showed of the child's wishes: required, the point of the method. */
    methodNote: z.string().trim().min(1).max(5000),
  })
  .strict()
  .refine((a) => a.reason !== 'other' || a.reasonNote !== '', { path: ['reasonNote'], message: 'required' });
export type ChildViewsAbsence = z.output<typeof childViewsAbsenceSchema>;
export type ChildViewsAbsenceInput = z.input<typeof childViewsAbsenceSchema>;

/** The pair every "views required" form sends: views in the child's own words, or the absence. */
export const childViewsFields = {
  childViews: z.string().trim().max(5000).default(''),
  childViewsAbsent: childViewsAbsenceSchema.nullable().default(null),
};

/**
 * The rule every gate on the child's views uses: views given in the child's own words, or a
 * reasoned absence with the method used instead. Not both: an absence beside views is a mistake.
 */
export function childViewsProblem(views: string, absence: ChildViewsAbsence | null): 'required' | 'bothGiven' | null {
  if (absence && views.trim() !== '') return 'bothGiven';
  if (!absence && views.trim() === '') return 'required';
  return null;
}

/** Refinement for an object schema holding `childViews` and `childViewsAbsent`. */
export function refineChildViews(value: { childViews: string; childViewsAbsent: ChildViewsAbsence | null }, ctx: z.RefinementCtx): void {
  const problem = childViewsProblem(value.childViews, value.childViewsAbsent);
  if (problem) ctx.addIssue({ code: 'custom', path: ['childViews'], message: problem });
}

/** Stored as JSON beside the views text; unreadable JSON reads as "no absence recorded". */
export function parseAbsence(json: string | null): ChildViewsAbsence | null {
  if (!json) return null;
  try {
    const parsed = childViewsAbsenceSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
