// Environment-free. The family's screen: its own channels, callable only from a connection paired
// with a one-time code (conference.openFamilyView), and nothing else. Every output schema here
// holds family-safe fields only — a unit test walks them all — and the core builds them from the
// facilitator's selection, never from the case file directly.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { languages } from '../i18n/languages';
import { conferenceKinds, conferencePurposes, conferenceSteps, selectionKinds } from './schemas';

export const familyShownItemSchema = z.object({ kind: z.enum(selectionKinds), text: z.string() });

export const familyAgreementItemSchema = z.object({
  who: z.string(),
  what: z.string(),
  byWhen: z.string(),
  supportNeeded: z.string(),
  familyPart: z.string(),
});

/** At the agreement step: a person present and their answer to the agreement (never the reason). */
export const familyAnswers = ['acknowledged', 'waiting', 'notAcknowledged'] as const;
export const familyAcknowledgementSchema = z.object({ name: z.string(), answer: z.enum(familyAnswers) });

export const familyScreenSchema = z.object({
  /** Changes whenever anything on the screen changes; the screen polls it cheaply. */
  revision: z.number().int(),
  language: z.enum(languages),
  kind: z.enum(conferenceKinds),
  purpose: z.enum(conferencePurposes),
  steps: z.array(z.enum(conferenceSteps)),
  step: z.enum(conferenceSteps).nullable(),
  /** During private family time: when it ends (the screen counts down). */
  privateEndsAt: z.string().nullable(),
  /** What the facilitator chose for this step (questions during private time, and so on). */
  shown: z.array(familyShownItemSchema),
  /** At the agreement step: who does what by when. */
  agreement: z.array(familyAgreementItemSchema),
  /** At the agreement step: the people present and who has acknowledged it. */
  acknowledgements: z.array(familyAcknowledgementSchema),
});
export type FamilyScreen = z.infer<typeof familyScreenSchema>;

export const familyViewChannels = defineChannels({
  /** Turns this connection into a family view of one conference. Public: the family's screen has no login. */
  'conference.pairFamilyView': {
    access: 'public',
    input: z.object({ token: z.string().min(16).max(128) }).strict(),
    output: z.object({ paired: z.literal(true) }),
  },
  'conference.familyScreen': {
    access: 'familyView',
    passive: true,
    input: z
      .object({
        knownRevision: z.number().int().min(-1).default(-1),
        /** Wait up to this long for a change before answering "unchanged" (a long poll: the change is pushed). */
        waitMs: z.number().int().min(0).max(20_000).default(0),
      })
      .strict(),
    output: z.union([z.object({ changed: z.literal(false) }), z.object({ changed: z.literal(true), screen: familyScreenSchema })]),
  },
});
