// Node-only. Whether a case holds an active consent for a purpose — what referrals and transfers
// ask before information leaves the office.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ConsentPurpose } from '../../../shared/consents/contract';
import type { DB } from '../db/schema';

/**
 * True when a consent (or the child's assent) for `purpose` was given on or before `onDate` and not
 * withdrawn by then. Without `onDate`: given and not withdrawn at all, i.e. active now.
 */
export async function hasConsent(
  db: Kysely<DB> | Transaction<DB>,
  caseId: string,
  purpose: ConsentPurpose,
  onDate?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('consents')
    .select('id')
    .where('case_id', '=', caseId)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(consents.purposes) WHERE json_each.value = ${purpose})`);
  if (onDate) {
    query = query
      .where('given_on', '<=', onDate)
      .where((eb) => eb.or([eb('withdrawn_on', 'is', null), eb('withdrawn_on', '>', onDate)]));
  } else {
    query = query.where('withdrawn_on', 'is', null);
  }
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}
