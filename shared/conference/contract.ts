// Environment-free. The facilitator's side of family conferencing: staff channels, scoped to the
// case like every case channel. The family's screen has its own channels (family-view.ts).
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema, isoDate } from '../cases/fields';
import { languages } from '../i18n/languages';
import { pdfFileSchema } from '../print/contract';
import { wellbeingDomains } from '../plans/schemas';
import {
  agreementInput,
  checklistItems,
  childParticipationModes,
  childViewsMeans,
  conferenceInput,
  conferenceKinds,
  conferencePurposes,
  conferenceSteps,
  inviteeInput,
  inviteeStatuses,
  selectionItemInput,
  selectionKinds,
  selectionSources,
} from './schemas';
import { acknowledgementInput, acknowledgementSchema, commitmentDoneInput, conferenceStatuses, registerFilter } from './follow-up';

/** Marks a field no family-facing output may carry (checked by a unit test over every family-view schema). */
export const confidential = { confidential: true } as const;

export const inviteeSchema = z.object({
  id: z.string(),
  memberId: z.string().nullable(),
  name: z.string(),
  role: z.string(),
  language: z.enum(languages),
  status: z.enum(inviteeStatuses),
  /** From the network record: this person poses a risk to the child (A3). */
  posesRisk: z.boolean().meta(confidential),
  /** The supervisor's note of how safety is managed; required before a risk person is invited. */
  safetyNote: z.string().nullable().meta(confidential),
  safetyNoteBy: z.string().nullable().meta(confidential),
  /** The person's answer to the agreement: only for people recorded as present. */
  acknowledgement: acknowledgementSchema.nullable(),
});
export type Invitee = z.infer<typeof inviteeSchema>;

export const selectionItemSchema = z.object({
  id: z.string(),
  kind: z.enum(selectionKinds),
  text: z.string(),
  source: z.object({ type: z.enum(selectionSources), id: z.string() }).nullable(),
});

export const agreementItemSchema = z.object({
  id: z.string(),
  who: z.string(),
  what: z.string(),
  byWhen: z.string(),
  domain: z.enum(wellbeingDomains),
  indicator: z.string(),
  supportNeeded: z.string(),
  familyPart: z.string(),
  disagreement: z.string(),
  done: z.boolean(),
  /** Marked done: the day it was done, who recorded it, and what shows it. */
  doneOn: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneEvidence: z.string(),
});

/** What the facilitator may quote from the case file: only family-safe records are offered. */
export const selectableSourceSchema = z.object({
  type: z.enum(selectionSources),
  id: z.string(),
  label: z.string(),
});

export const conferenceSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  version: z.number().int(),
  kind: z.enum(conferenceKinds),
  purpose: z.enum(conferencePurposes),
  date: z.string(),
  time: z.string(),
  venue: z.string(),
  facilitatorName: z.string(),
  familyLanguage: z.enum(languages),
  otherLanguages: z.array(z.enum(languages)),
  interpreter: z.string(),
  childParticipation: z.object({
    mode: z.enum(childParticipationModes),
    means: z.enum(childViewsMeans).nullable(),
    words: z.string(),
    agreedToShare: z.boolean(),
    reason: z.string(),
  }),
  checklist: z.array(z.enum(checklistItems)),
  privateMinutes: z.number().int(),
  invitees: z.array(inviteeSchema),
  selection: z.array(selectionItemSchema),
  selectable: z.array(selectableSourceSchema),
  /** Running it: the step on the family's screen, when it began, and the private time's bounds. */
  step: z.enum(conferenceSteps).nullable(),
  stepStartedAt: z.string().nullable(),
  privateStartedAt: z.string().nullable(),
  privateEndedAt: z.string().nullable(),
  facilitatorNotes: z.string().meta(confidential),
  agreement: z.object({
    items: z.array(agreementItemSchema),
    childView: z.string(),
    contingency: z.string(),
    disagreements: z.string(),
    acceptedAsSafe: z.boolean(),
    reviewDate: z.string().nullable(),
    recordedAt: z.string().nullable(),
    /** Everyone present acknowledged it or is recorded as declining or absent with a reason. */
    acknowledgedByAll: z.boolean(),
  }),
  planVersion: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Conference = z.infer<typeof conferenceSchema>;

/** A row of the office's register (the Conferences section): the conference, its case, where it stands. */
export const registerRowSchema = conferenceSchema
  .pick({ id: true, caseId: true, kind: true, purpose: true, date: true, time: true, venue: true, facilitatorName: true, step: true })
  .extend({
    caseNumber: z.string(),
    childName: z.string(),
    status: z.enum(conferenceStatuses),
    openCommitments: z.number().int(),
    overdueCommitments: z.number().int(),
  });
export type ConferenceRegisterRow = z.infer<typeof registerRowSchema>;

export const conferenceSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(conferenceKinds),
  purpose: z.enum(conferencePurposes),
  date: z.string(),
  time: z.string(),
  venue: z.string(),
  step: z.enum(conferenceSteps).nullable(),
  agreed: z.boolean(),
  planVersion: z.number().int().nullable(),
  /** Commitments of its agreement not yet marked done, and those of them past their date. */
  openCommitments: z.number().int(),
  overdueCommitments: z.number().int(),
});

/** A commitment of an agreement that is due: for My work. */
export const dueCommitmentSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  childName: z.string(),
  conferenceId: z.string(),
  itemId: z.string(),
  who: z.string(),
  what: z.string(),
  byWhen: z.string(),
  overdue: z.boolean(),
});

const ref = { caseId: idSchema, conferenceId: idSchema };

export const conferenceChannels = defineChannels({
  'conference.list': {
    access: 'case.read',
    input: z.object({ caseId: idSchema }).strict(),
    output: z.array(conferenceSummarySchema),
  },
  'conference.get': {
    access: 'case.read',
    input: z.object(ref).strict(),
    output: conferenceSchema,
  },
  /** Plans a conference (no id) or changes one (id and the version the form was loaded with). */
  'conference.save': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, conference: conferenceInput }).strict(),
    output: conferenceSchema,
  },
  'conference.saveInvitee': {
    access: 'case.write',
    input: z.object({ ...ref, invitee: inviteeInput }).strict(),
    output: conferenceSchema,
  },
  'conference.removeInvitee': {
    access: 'case.write',
    input: z.object({ ...ref, inviteeId: idSchema }).strict(),
    output: conferenceSchema,
  },
  /** A supervisor records how safety is managed for a person who poses a risk (B3.4). */
  'conference.recordSafetyNote': {
    access: 'case.approve',
    input: z.object({ ...ref, inviteeId: idSchema, note: z.string().trim().min(1).max(4000) }).strict(),
    output: conferenceSchema,
  },
  'conference.saveSelection': {
    access: 'case.write',
    input: z.object({ ...ref, items: z.array(selectionItemInput).max(60) }).strict(),
    output: conferenceSchema,
  },
  /** Moves the family's screen to a step; entering and leaving private time are recorded. */
  'conference.setStep': {
    access: 'case.write',
    input: z.object({ ...ref, step: z.enum(conferenceSteps) }).strict(),
    output: conferenceSchema,
  },
  'conference.saveNotes': {
    access: 'case.write',
    input: z.object({ ...ref, notes: z.string().trim().max(20_000) }).strict(),
    output: conferenceSchema,
  },
  'conference.saveAgreement': {
    access: 'case.write',
    input: z.object({ ...ref, agreement: agreementInput }).strict(),
    output: conferenceSchema,
  },
  /** A person present acknowledges the agreement, or is recorded as declining or absent (with a reason). */
  'conference.recordAcknowledgement': {
    access: 'case.write',
    input: z.object({ ...ref, acknowledgement: acknowledgementInput }).strict(),
    output: conferenceSchema,
  },
  /** A commitment of the agreement is done: when, and the evidence; the recorder is the caller. */
  'conference.markCommitmentDone': {
    access: 'case.write',
    input: z.object({ ...ref, done: commitmentDoneInput }).strict(),
    output: conferenceSchema,
  },
  /** "Make a plan draft from this conference": agreement items become SMART plan objectives. */
  'conference.makePlanDraft': {
    access: 'case.write',
    input: z.object(ref).strict(),
    output: z.object({ planVersion: z.number().int(), objectives: z.number().int() }),
  },
  /** A one-time pairing code for the family's screen, valid two minutes, for this conference only. */
  'conference.openFamilyView': {
    access: 'case.write',
    input: z.object(ref).strict(),
    output: z.object({ token: z.string(), expiresAt: z.string() }),
  },
  /** The family's copy of the agreement as a PDF, in the family's language, with nothing confidential. */
  'conference.familyCopyPdf': {
    access: 'case.read',
    input: z.object(ref).strict(),
    output: pdfFileSchema,
  },
  /** A printable invitation in the invitee's language. */
  'conference.invitationPdf': {
    access: 'case.read',
    input: z.object({ ...ref, inviteeId: idSchema }).strict(),
    output: pdfFileSchema,
  },
  /** The office's conferences (the Conferences section), within the caller's case scope. */
  'conference.register': {
    access: 'case.read',
    input: registerFilter,
    output: z.object({ rows: z.array(registerRowSchema), total: z.number().int() }),
  },
  /**
   * Commitments of agreements not yet done, due by a date: in the caller's own cases (My work), or
   * in one case the caller may read (`caseId`: the plan review shows them).
   */
  'conference.dueCommitments': {
    access: 'case.read',
    input: z.object({ until: isoDate, caseId: idSchema.optional() }).strict(),
    output: z.array(dueCommitmentSchema),
  },
});
