// DOM-free. The form side of "the child's views, or why they could not be given" (shared rule:
// shared/casework/child-views.ts). Any form that needs the child's views spreads these fields into
// its schema, adds the refinement, and turns its values into the wire pair with `childViewsPayload`.
import { z } from 'zod';
import { viewsAbsenceReasons, viewsMethods, type ChildViewsAbsence } from '@shared/casework/child-views';

export const childViewsFormShape = {
  childViews: z.string().trim().max(5000),
  viewsCannotGive: z.boolean(),
  viewsAbsence: z.object({
    reason: z.enum(viewsAbsenceReasons).or(z.literal('')),
    reasonNote: z.string().trim().max(2000),
    method: z.enum(viewsMethods).or(z.literal('')),
    methodNote: z.string().trim().max(5000),
  }),
};

export interface ChildViewsFormValues {
  childViews: string;
  viewsCannotGive: boolean;
  viewsAbsence: { reason: ChildViewsAbsence['reason'] | ''; reasonNote: string; method: ChildViewsAbsence['method'] | ''; methodNote: string };
}

export const emptyChildViews: ChildViewsFormValues = {
  childViews: '',
  viewsCannotGive: false,
  viewsAbsence: { reason: '', reasonNote: '', method: '', methodNote: '' },
};

/** Views required, or — when the child cannot give them — the reason, the method and what it showed. */
export function refineChildViewsForm(values: ChildViewsFormValues, ctx: z.RefinementCtx): void {
  const required = (path: (string | number)[]) => ctx.addIssue({ code: 'custom', path, message: 'validation.required' });
  if (!values.viewsCannotGive) {
    if (!values.childViews.trim()) required(['childViews']);
    return;
  }
  const a = values.viewsAbsence;
  if (!a.reason) required(['viewsAbsence', 'reason']);
  if (a.reason === 'other' && !a.reasonNote.trim()) required(['viewsAbsence', 'reasonNote']);
  if (!a.method) required(['viewsAbsence', 'method']);
  if (!a.methodNote.trim()) required(['viewsAbsence', 'methodNote']);
}

export function childViewsPayload(values: ChildViewsFormValues): { childViews: string; childViewsAbsent: ChildViewsAbsence | null } {
  if (!values.viewsCannotGive || !values.viewsAbsence.reason || !values.viewsAbsence.method) return { childViews: values.childViews.trim(), childViewsAbsent: null };
  return {
    childViews: '',
    childViewsAbsent: {
      reason: values.viewsAbsence.reason,
      reasonNote: values.viewsAbsence.reasonNote.trim(),
      method: values.viewsAbsence.method,
      methodNote: values.viewsAbsence.methodNote.trim(),
    },
  };
}
