// Environment-free. The family conference's vocabulary and form schemas (DOMAIN-REVIEW B3). A
// conference (or a smaller family meeting: the same flow, fewer steps) belongs to a case; the
// facilitator prepares it, runs it with the family on a second screen, and records the agreement
// that becomes a plan draft.
import { z } from 'zod';
import { idSchema, isoDate, shortText } from '../cases/fields';
import { languages } from '../i18n/languages';
import { wellbeingDomains } from '../plans/schemas';

export const conferenceKinds = ['conference', 'meeting'] as const;
export type ConferenceKind = (typeof conferenceKinds)[number];

export const conferencePurposes = ['plan', 'plan_review', 'preparation', 'crisis'] as const;
export type ConferencePurpose = (typeof conferencePurposes)[number];

/** The steps of a family group conference, in order (DOMAIN.md "Family conferencing"). */
export const conferenceSteps = ['welcome', 'information', 'private_time', 'family_plan', 'agreement'] as const;
export type ConferenceStep = (typeof conferenceSteps)[number];
/** A smaller family meeting: no separate information round, no private family time. */
export const meetingSteps = ['welcome', 'family_plan', 'agreement'] as const satisfies readonly ConferenceStep[];

export function stepsFor(kind: ConferenceKind): readonly ConferenceStep[] {
  return kind === 'meeting' ? meetingSteps : conferenceSteps;
}

export const inviteeStatuses = ['proposed', 'invited', 'declined', 'attended'] as const;
export type InviteeStatus = (typeof inviteeStatuses)[number];
/** Statuses that bring a person into the room: a person who poses a risk needs a safety note first. */
export const presentStatuses: readonly InviteeStatus[] = ['invited', 'attended'];

export const childParticipationModes = ['attends_all', 'attends_part', 'advocate', 'views_sent', 'not_involved'] as const;
export type ChildParticipationMode = (typeof childParticipationModes)[number];
/** How the child's views reach the meeting when they do not attend (G:L76). */
export const childViewsMeans = ['drawing', 'recording', 'letter', 'advocate', 'words'] as const;

export const checklistItems = ['childPrepared', 'familyPrepared', 'interpreterBooked', 'venueConfirmed', 'safetyChecked'] as const;
export type ChecklistItem = (typeof checklistItems)[number];

/** What the facilitator may put on the family's screen. */
export const selectionKinds = ['strength', 'worry', 'question', 'child_words'] as const;
export type SelectionKind = (typeof selectionKinds)[number];

/** A case-file record a selected item may quote; the core re-checks each one is family-safe. */
export const selectionSources = ['member', 'objective', 'placement'] as const;

/** The review (conference or plan review) is due at most three months later (G:L160). */
export const REVIEW_WITHIN_MONTHS = 3;

const paragraph = z.string().trim().max(4000);
const languageSchema = z.enum(languages);

export const childParticipationSchema = z
  .object({
    mode: z.enum(childParticipationModes),
    means: z.enum(childViewsMeans).nullable().default(null),
    /** The child's views, in their own words. */
    words: paragraph.default(''),
    /** The child agreed that their words be shown to the family. */
    agreedToShare: z.boolean().default(false),
    /** Why the child is not involved: required for "not involved" (G:L76). */
    reason: paragraph.default(''),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.mode === 'not_involved' && c.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
    if (c.agreedToShare && c.words === '') ctx.addIssue({ code: 'custom', path: ['words'], message: 'required' });
  });
export type ChildParticipation = z.output<typeof childParticipationSchema>;

export const conferenceInput = z
  .object({
    id: idSchema.optional(),
    version: z.number().int().min(1).optional(),
    kind: z.enum(conferenceKinds).default('conference'),
    purpose: z.enum(conferencePurposes),
    date: isoDate,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, { message: 'time' }),
    venue: shortText.min(1),
    facilitatorName: shortText.min(1),
    /** The family's language: the family view and the family's copy use it. */
    familyLanguage: languageSchema,
    otherLanguages: z.array(languageSchema).max(5).default([]),
    interpreter: shortText.default(''),
    childParticipation: childParticipationSchema,
    checklist: z.array(z.enum(checklistItems)).max(checklistItems.length).default([]),
    /** Minutes of private family time the family view counts down. */
    privateMinutes: z.number().int().min(5).max(240).default(30),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.id !== undefined && c.version === undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: 'required' });
  });
export type ConferenceInput = z.input<typeof conferenceInput>;
export type ConferenceValues = z.output<typeof conferenceInput>;

export const inviteeInput = z
  .object({
    id: idSchema.optional(),
    /** A person of the family and network record, or null for someone beyond it. */
    memberId: idSchema.nullable().default(null),
    name: shortText.min(1),
    /** Relationship or role, as the invitation names it (aunt, teacher, imam…). */
    role: shortText.default(''),
    language: languageSchema,
    status: z.enum(inviteeStatuses).default('proposed'),
  })
  .strict();
export type InviteeInput = z.input<typeof inviteeInput>;

export const selectionItemInput = z
  .object({
    kind: z.enum(selectionKinds),
    text: paragraph.min(1),
    source: z.object({ type: z.enum(selectionSources), id: idSchema }).strict().nullable().default(null),
  })
  .strict();
export type SelectionItemInput = z.input<typeof selectionItemInput>;

export const agreementItemInput = z
  .object({
    who: shortText.min(1),
    what: paragraph.min(1),
    byWhen: isoDate,
    domain: z.enum(wellbeingDomains).default('other'),
    /** How the family and the professionals will know it is done (the SMART indicator). */
    indicator: paragraph.default(''),
    /** Support the family needs, and the part it provides itself (partial support, G:L161). */
    supportNeeded: shortText.default(''),
    familyPart: shortText.default(''),
    /** Not everyone agreed: the item is kept, marked, with who disagreed and why. */
    disagreement: paragraph.default(''),
  })
  .strict();
export type AgreementItemInput = z.input<typeof agreementItemInput>;

export const agreementInput = z
  .object({
    items: z.array(agreementItemInput).max(50),
    childView: paragraph.default(''),
    contingency: paragraph.default(''),
    disagreements: paragraph.default(''),
    acceptedAsSafe: z.boolean().default(false),
    reviewDate: isoDate.nullable().default(null),
  })
  .strict();
export type AgreementInput = z.input<typeof agreementInput>;
