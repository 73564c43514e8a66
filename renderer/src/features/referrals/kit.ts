// DOM. Query keys of the referrals screens: any change to a referral refreshes them all (the case
// tab, the register, My work's due list, and the gap matrix that counts declined referrals).
export const referralKeys = {
  all: ['referrals'] as const,
  ofCase: (caseId: string) => ['referrals', 'case', caseId] as const,
  suggest: (caseId: string, category: string, exclude: string | null) => ['referrals', 'suggest', caseId, category, exclude] as const,
  preview: (caseId: string, referralId: string) => ['referrals', 'preview', caseId, referralId] as const,
  register: (filters: object) => ['referrals', 'register', filters] as const,
  due: ['referrals', 'due'] as const,
};

/**
 * Where each referral form keeps its draft (per user, in the core). The case's forms are keyed by
 * the case like every case-work form; the ones about one referral also by the referral, so the
 * card that opens them reopens them after a lock.
 */
export const referralDraftKeys = (caseId: string, referralId: string) => {
  const base = `case:${caseId}:referrals`;
  return {
    edit: `${base}:edit:${referralId}`,
    send: `${base}:send:${referralId}`,
    alternatives: `${base}:alternatives:${referralId}`,
    move: (status: string) => `${base}:move:${referralId}:${status}`,
    feedback: `${base}:feedback:${referralId}`,
  };
};

/** The draft of a new referral on the case. */
export const newReferralDraftKey = (caseId: string) => `case:${caseId}:referrals:new`;

/** The answer to a referral received from a partner office (not a case of ours: keyed by the referral). */
export const receivedDraftPrefix = 'referral:';
export const receivedDraftKey = (receivedId: string, status: string) => `${receivedDraftPrefix}${receivedId}:respond:${status}`;
