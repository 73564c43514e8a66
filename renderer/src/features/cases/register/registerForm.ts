// DOM-free. The registration form's values, its schema (the shared childDetailsSchema for the
// child) and the resolver that adds the rules checked on every submit.
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { childDetailsSchema, prioritySchema, riskLevelSchema } from '@shared/cases/contract';
import { ageInYears, type caseRiskLevels, type priorities } from '@shared/cases/fields';
import { spontaneousKinds, type SpontaneousKind } from '@shared/tasks/rules';
import { errorKey } from '../../../ui/errors';
import { caseIssueMessage, emptyChild, toChildValues, withChildRules, type ChildValues } from '../form/childForm';

export const DRAFT_KEY = 'cases:new';

export interface RegisterValues {
  child: ChildValues;
  riskLevel: (typeof caseRiskLevels)[number];
  priority: (typeof priorities)[number];
  /** '' = the person registering. */
  workerId: string;
  /** '' = none. */
  familyWorkerId: string;
  /** kind '' until the worker says how the child came home. */
  /** Entered from paper records: the day the paper file began ('' until given). */
  paper: { enabled: boolean; since: string; note: string };
  spontaneous: { enabled: boolean; kind: SpontaneousKind | ''; kindOther: string; reunifiedOn: string; caregiverNames: string; notes: string };
}

export const emptyRegister: RegisterValues = {
  child: emptyChild,
  riskLevel: 'not_assessed',
  priority: 'normal',
  workerId: '',
  familyWorkerId: '',
  paper: { enabled: false, since: '', note: '' },
  spontaneous: { enabled: false, kind: '', kindOther: '', reunifiedOn: '', caregiverNames: '', notes: '' },
};

const registerSchema = z.object({
  child: childDetailsSchema,
  riskLevel: riskLevelSchema,
  priority: prioritySchema,
  workerId: z.string(),
  familyWorkerId: z.string(),
  paper: z.object({ enabled: z.boolean(), since: z.string(), note: z.string().trim().max(2000) }),
  spontaneous: z.object({
    enabled: z.boolean(),
    kind: z.enum(spontaneousKinds).or(z.literal('')),
    kindOther: z.string().trim().max(200),
    reunifiedOn: z.string(),
    caregiverNames: z.string().trim().max(200),
    notes: z.string().trim().max(5000),
  }),
});
export type RegisterOutput = z.output<typeof registerSchema>;

const base = zodResolver(registerSchema, { error: caseIssueMessage }) as unknown as Resolver<RegisterValues, unknown, RegisterOutput>;

export const registerResolver: Resolver<RegisterValues, unknown, RegisterOutput> = async (values, context, options) => {
  const result = await base(values, context, options);
  let errors = withChildRules(result.errors as FieldErrors<RegisterValues>, values.child);
  if (values.spontaneous.enabled && !/^\d{4}-\d{2}-\d{2}$/u.test(values.spontaneous.reunifiedOn)) {
    const current = (errors.spontaneous ?? {}) as Record<string, unknown>;
    if (!current.reunifiedOn) {
      errors = {
        ...errors,
        spontaneous: { ...current, reunifiedOn: { type: 'rule', message: errorKey(values.spontaneous.reunifiedOn ? 'validation.format' : 'validation.required') } },
      } as FieldErrors<RegisterValues>;
    }
  }
  if (values.paper.enabled && !/^\d{4}-\d{2}-\d{2}$/u.test(values.paper.since)) {
    errors = { ...errors, paper: { since: { type: 'rule', message: errorKey(values.paper.since ? 'validation.format' : 'validation.required') } } } as FieldErrors<RegisterValues>;
  }
  if (values.spontaneous.enabled) {
    // How the child came home is required (G:L277), and "other" says what it was.
    const current = (errors.spontaneous ?? {}) as Record<string, unknown>;
    const required = { type: 'rule', message: errorKey('validation.required') };
    if (!values.spontaneous.kind) errors = { ...errors, spontaneous: { ...current, kind: required } } as FieldErrors<RegisterValues>;
    else if (values.spontaneous.kind === 'other' && !values.spontaneous.kindOther.trim()) {
      errors = { ...errors, spontaneous: { ...current, kindOther: required } } as FieldErrors<RegisterValues>;
    }
  }
  if (Object.keys(errors).length === 0) return result;
  return { values: {}, errors };
};

/** A saved draft back into form values (anything unexpected falls back to empty). */
export function fromDraft(data: unknown): RegisterValues {
  if (typeof data !== 'object' || data === null) return emptyRegister;
  const draft = data as Partial<RegisterValues>;
  return {
    ...emptyRegister,
    ...draft,
    child: toChildValues(draft.child as Record<string, unknown> | undefined),
    paper: { ...emptyRegister.paper, ...(draft.paper ?? {}) },
    spontaneous: { ...emptyRegister.spontaneous, ...(draft.spontaneous ?? {}) },
  };
}

/** What the duplicate check needs, or null until names and an age (or birth date) are there. */
export function duplicateQuery(child: ChildValues) {
  const givenName = child.givenName.trim();
  const hasAge = Boolean(child.dateOfBirth) || (child.estimatedAgeYears !== null && Number.isInteger(child.estimatedAgeYears));
  if (!givenName || !hasAge) return null;
  const validDate = child.dateOfBirth && /^\d{4}-\d{2}-\d{2}$/u.test(child.dateOfBirth) ? child.dateOfBirth : null;
  const age = child.estimatedAgeYears !== null && child.estimatedAgeYears >= 0 && child.estimatedAgeYears <= 25 ? child.estimatedAgeYears : null;
  return {
    givenName: givenName.slice(0, 100),
    familyName: child.familyName.trim().slice(0, 100),
    otherNames: child.otherNames.map((n) => n.trim()).filter(Boolean).slice(0, 10),
    ...(child.sex ? { sex: child.sex as 'female' } : {}),
    dateOfBirth: validDate,
    estimatedAgeYears: validDate ? null : age,
    ...(child.separationPlace.trim() ? { separationPlace: child.separationPlace.trim().slice(0, 200) } : {}),
    ...(child.area.trim() ? { area: child.area.trim().slice(0, 100) } : {}),
  };
}
export type DuplicateQuery = NonNullable<ReturnType<typeof duplicateQuery>>;

/** The age the entered child has today, for the side-by-side view. */
export function enteredAge(child: ChildValues, today: string): number | null {
  if (child.dateOfBirth && /^\d{4}-\d{2}-\d{2}$/u.test(child.dateOfBirth)) {
    return Math.max(0, ageInYears(child.dateOfBirth, today));
  }
  return child.estimatedAgeYears;
}
