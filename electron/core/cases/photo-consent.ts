// Node-only. A photo taken at registration is kept only with a recorded consent for photo use
// (Pr.4 G:L85): the registration form names who agreed, and the consent is recorded with the case,
// in the same transaction. A child below the assent age cannot agree alone (shared/consents/rules.ts).
import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ChildDetails } from '../../../shared/cases/contract';
import type { ConsentGiver, ConsentMethod } from '../../../shared/consents/contract';
import { consentVerdict } from '../../../shared/consents/rules';
import { AppError } from '../../../shared/contract/errors';
import type { DB } from '../db/schema';
import { ageInYears } from '../../../shared/cases/fields';

interface PhotoConsent {
  givenBy: ConsentGiver;
  giverName: string;
  relationship: string;
  method: ConsentMethod;
}

function childAge(child: ChildDetails, today: string): number | null {
  if (child.dateOfBirth) return ageInYears(child.dateOfBirth, today);
  return child.estimatedAgeYears ?? null;
}

export function assertPhotoConsent(consent: PhotoConsent | undefined, child: ChildDetails, today: string): void {
  const records = consent ? [{ givenBy: consent.givenBy, purposes: ['photo' as const], date: today, withdrawnOn: null }] : [];
  const verdict = consentVerdict(records, 'photo', today, childAge(child, today));
  if (!verdict.ok) {
    throw new AppError('CONSENT_REQUIRED', 'no consent for keeping a photo', {
      params: { purpose: 'photo', reason: consent ? 'tooYoung' : verdict.reason },
      issues: [{ path: ['photoConsent'], code: consent ? 'tooYoung' : verdict.reason, message: 'photo' }],
    });
  }
}

export async function recordPhotoConsent(trx: Transaction<DB>, caseId: string, c: PhotoConsent, today: string, userId: string, now: string): Promise<void> {
  await trx
    .insertInto('consents')
    .values({
      id: crypto.randomUUID(),
      case_id: caseId,
      given_by: c.givenBy,
      member_id: null,
      giver_name: c.givenBy === 'child' ? '' : c.giverName,
      relationship: c.givenBy === 'child' ? '' : c.relationship,
      purposes: JSON.stringify(['photo']),
      purpose_other: '',
      method: c.method,
      given_on: today,
      document_id: null,
      notes: '',
      recorded_at: now,
      recorded_by: userId,
      withdrawn_on: null,
      withdrawn_reason: null,
      withdrawn_at: null,
      withdrawn_by: null,
    })
    .execute();
}
