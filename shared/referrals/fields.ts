// Environment-free. Minimum necessary information (Pr.4 G:L86, B4.6): what a referral slip may carry.
// The defaults are what a provider needs to find and serve the child; the sensitive ones are off
// unless the worker adds them, writes what exactly to share, and gives a reason for each.
export const referralFieldKeys = [
  'name',
  'age',
  'sex',
  'caregiverContact',
  'location',
  'need',
  'urgency',
  'dateOfBirth',
  'languages',
  'disability',
  'healthStatus',
  'abuseDetails',
  'trafficking',
  'legalMatters',
  'riskPersons',
  'confidentialLocation',
] as const;
export type ReferralField = (typeof referralFieldKeys)[number];

export const defaultReferralFields: readonly ReferralField[] = ['name', 'age', 'sex', 'caregiverContact', 'location', 'need', 'urgency'];

/** Never shared by default; each needs the worker's own words and a reason. */
export const sensitiveReferralFields: readonly ReferralField[] = ['healthStatus', 'abuseDetails', 'trafficking', 'legalMatters', 'riskPersons', 'confidentialLocation'];

export const isSensitiveField = (field: ReferralField): boolean => sensitiveReferralFields.includes(field);

/** Fields every referral carries: without them there is nothing to refer. */
export const mandatoryReferralFields: readonly ReferralField[] = ['need', 'urgency'];

/**
 * The fields pre-selected on a new referral to this provider: the defaults plus what the provider
 * says it needs — a sensitive field it asks for is ticked but still needs the worker's reason.
 */
export function preselectedFields(providerRequires: readonly string[]): ReferralField[] {
  const wanted = new Set<string>([...defaultReferralFields, ...providerRequires]);
  return referralFieldKeys.filter((f) => wanted.has(f));
}

export type FieldProblem = { field: ReferralField; code: 'reasonRequired' | 'textRequired' | 'mandatory' };

/** What is wrong with a chosen set of fields: missing reasons or words for sensitive ones, or a mandatory field left out. */
export function fieldProblems(chosen: readonly ReferralField[], texts: Partial<Record<ReferralField, string>>, reasons: Partial<Record<ReferralField, string>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of mandatoryReferralFields) if (!chosen.includes(field)) problems.push({ field, code: 'mandatory' });
  for (const field of chosen) {
    if (!isSensitiveField(field)) continue;
    if (!(texts[field] ?? '').trim()) problems.push({ field, code: 'textRequired' });
    if (!(reasons[field] ?? '').trim()) problems.push({ field, code: 'reasonRequired' });
  }
  return problems;
}
