// Environment-free. A referral's lifecycle (B4.7): draft → sent → acknowledged → accepted or
// declined → service started → completed / not delivered; a sent referral left unanswered becomes
// "no response". The core refuses any other move; the screen offers only these.
export const referralStatuses = ['draft', 'sent', 'acknowledged', 'accepted', 'declined', 'started', 'completed', 'not_delivered', 'no_response'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const referralMoves: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['sent'],
  sent: ['acknowledged', 'accepted', 'declined', 'no_response'],
  acknowledged: ['accepted', 'declined', 'no_response'],
  accepted: ['started', 'not_delivered'],
  declined: [],
  started: ['completed', 'not_delivered'],
  completed: [],
  not_delivered: [],
  no_response: [],
};

export const canMove = (from: ReferralStatus, to: ReferralStatus): boolean => referralMoves[from].includes(to);

/** Still waiting for the provider's answer: these count toward "due" and "overdue". */
export const awaitingResponse: readonly ReferralStatus[] = ['sent', 'acknowledged'];
/** Closed one way or another. */
export const finishedStatuses: readonly ReferralStatus[] = ['declined', 'completed', 'not_delivered', 'no_response'];
/** Needs the provider did not meet: what the gap matrix counts as declined or unmet. */
export const unmetStatuses: readonly ReferralStatus[] = ['declined', 'not_delivered', 'no_response'];

export const urgencies = ['emergency', 'urgent', 'routine'] as const;
export type Urgency = (typeof urgencies)[number];

/** Days the provider has to answer, by urgency (B4.8: default 14). */
export const responseDays: Record<Urgency, number> = { emergency: 1, urgent: 3, routine: 14 };

export function responseDueOn(sentOn: string, urgency: Urgency): string {
  const d = new Date(`${sentOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + responseDays[urgency]);
  return d.toISOString().slice(0, 10);
}

/** What a move needs besides the date: a reason for declining, an outcome for completion. */
export function moveNeeds(to: ReferralStatus): 'reason' | 'outcome' | null {
  if (to === 'declined' || to === 'not_delivered') return 'reason';
  if (to === 'completed') return 'outcome';
  return null;
}
