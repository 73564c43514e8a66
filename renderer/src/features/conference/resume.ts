// DOM. Where the conference tab opens after unlocking. Every conference form keeps its typing as a
// draft under `case:<caseId>:conference:<conferenceId>:<form>[:<which>]`; the lock screen unmounts
// the app, so the tab — which conference is open, which part — would start over, and the form
// with the typing would stay shut. The draft registry remembers which keys held typing when the
// session locked: the tab reopens that conference at the part holding the form, and the form
// itself (open or not) comes back with its draft.
import type { ConferenceKind } from '@shared/conference/schemas';
import { resumableDrafts } from '../../ui/draftRegistry';

export const parts = ['details', 'invitees', 'selection', 'run', 'agreement', 'followUp'] as const;
export type Part = (typeof parts)[number];

/** The forms of a conference, each with the part of the tab that shows it. */
const partOf = {
  details: 'details',
  invitee: 'invitees',
  safety: 'invitees',
  selection: 'selection',
  notes: 'run',
  agreement: 'agreement',
  ack: 'agreement',
  commitment: 'followUp',
} as const satisfies Record<string, Part>;
export type ConferenceFormName = keyof typeof partOf;

/** The draft key of a conference form (`which`: the invitee or commitment it is about). */
export function conferenceDraftKey(caseId: string, conferenceId: string, form: ConferenceFormName, which?: string): string {
  return `case:${caseId}:conference:${conferenceId}:${form}${which ? `:${which}` : ''}`;
}

export type ResumePoint = { conferenceId: string; part: Part } | { creating: ConferenceKind };

/** The conference (and part), or the new conference form, that held typing when the session locked. */
export function resumePoint(caseId: string): ResumePoint | null {
  const prefix = `case:${caseId}:conference:`;
  for (const { key } of resumableDrafts()) {
    if (!key.startsWith(prefix)) continue;
    const [conferenceId = '', form = ''] = key.slice(prefix.length).split(':');
    if (conferenceId === 'new-conference' || conferenceId === 'new-meeting') return { creating: conferenceId.slice(4) as ConferenceKind };
    if (form in partOf) return { conferenceId, part: partOf[form as ConferenceFormName] };
  }
  return null;
}
