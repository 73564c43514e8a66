// Node-only. Consent checked at the point of use (Pr.4 G:L85-86): an action whose purpose lacks a
// current consent (or the child's assent, by age) is refused with CONSENT_REQUIRED, naming the
// purpose so the screen can say what to record — unless a supervisor approved an exception for
// that purpose on this case (e.g. a very young unaccompanied child with no one to ask).
import type { Kysely, Transaction } from 'kysely';
import { consentGateId, consentVerdict, type CheckedPurpose, type ConsentRecord } from '../../../shared/consents/rules';
import type { ConsentGiver, ConsentPurpose } from '../../../shared/consents/contract';
import { AppError } from '../../../shared/contract/errors';
import { approvedExceptions } from '../approvals/queries';
import { ageOf } from '../cases/rows';
import type { CaseDbRow } from '../cases/scope';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export async function consentRecords(db: Db, caseId: string): Promise<ConsentRecord[]> {
  const rows = await db.selectFrom('consents').select(['given_by', 'purposes', 'given_on', 'withdrawn_on']).where('case_id', '=', caseId).execute();
  return rows.map((r) => ({
    givenBy: r.given_by as ConsentGiver,
    purposes: JSON.parse(r.purposes) as ConsentPurpose[],
    date: r.given_on,
    withdrawnOn: r.withdrawn_on,
  }));
}

/** Throws CONSENT_REQUIRED unless every purpose holds consent on `on` (or has an approved exception). */
export async function assertConsent(db: Db, kase: CaseDbRow, purposes: readonly CheckedPurpose[], on: string, today: string): Promise<void> {
  if (purposes.length === 0) return;
  const records = await consentRecords(db, kase.id);
  const excepted = await approvedExceptions(db, kase.id);
  const age = ageOf(kase, today);
  for (const purpose of purposes) {
    const verdict = consentVerdict(records, purpose, on, age);
    if (verdict.ok || excepted.includes(consentGateId(purpose))) continue;
    throw new AppError('CONSENT_REQUIRED', `no current consent for ${purpose}`, {
      params: { purpose, reason: verdict.reason },
      issues: [{ path: ['consent'], code: verdict.reason, message: purpose }],
    });
  }
}
