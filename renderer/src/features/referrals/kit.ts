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
