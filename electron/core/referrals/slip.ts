// Node-only. What leaves the office on a referral: exactly the chosen fields, each with its value
// read now from the case (or, for a sensitive field, the worker's own words). The preview, the PDF
// slip and the audit entry are all built from this one list, so they cannot disagree.
import type { Kysely, Transaction } from 'kysely';
import { isSensitiveField, referralFieldKeys, type ReferralField } from '../../../shared/referrals/fields';
import type { DB } from '../db/schema';
import { ageOf } from '../cases/rows';
import type { CaseDbRow } from '../cases/scope';
import type { ReferralsTable } from './tables';

type Db = Kysely<DB> | Transaction<DB>;

export interface SlipRow {
  field: ReferralField;
  value: string;
}

/** A caregiver who may be contacted: not removed, not a risk to the child, no contact restriction. */
async function caregiverContact(db: Db, caseId: string): Promise<string> {
  const m = await db
    .selectFrom('family_members')
    .select(['given_name', 'family_name', 'relationship', 'phone', 'other_contact'])
    .where('case_id', '=', caseId)
    .where('is_caregiver', '=', 1)
    .where('removed_at', 'is', null)
    .where('deceased', '=', 0)
    .where('poses_risk', '=', 0)
    .where('restriction', '=', 'none')
    .orderBy('created_at')
    .executeTakeFirst();
  if (!m) return '';
  const name = [m.given_name, m.family_name].filter(Boolean).join(' ');
  return [name, m.relationship ? `(${m.relationship})` : '', m.phone || m.other_contact].filter(Boolean).join(' ');
}

export async function slipRows(
  db: Db,
  kase: CaseDbRow,
  referral: Pick<ReferralsTable, 'shared_fields' | 'field_texts' | 'need' | 'finding' | 'urgency'>,
  today: string,
): Promise<SlipRow[]> {
  const chosen = new Set(JSON.parse(referral.shared_fields) as ReferralField[]);
  const texts = JSON.parse(referral.field_texts) as Partial<Record<ReferralField, string>>;
  const value = async (field: ReferralField): Promise<string> => {
    if (isSensitiveField(field)) return texts[field] ?? '';
    switch (field) {
      case 'name':
        return [kase.given_name, kase.family_name].filter(Boolean).join(' ');
      case 'age': {
        const age = ageOf(kase, today);
        return age === null ? '' : String(age);
      }
      case 'sex':
        return kase.sex;
      case 'caregiverContact':
        return caregiverContact(db, kase.id);
      case 'location':
        return kase.area;
      case 'need':
        return referral.finding ? `${referral.need}\n${referral.finding}` : referral.need;
      case 'urgency':
        return referral.urgency;
      case 'dateOfBirth':
        return kase.date_of_birth ?? '';
      case 'languages':
        return (JSON.parse(kase.languages) as string[]).join(', ');
      case 'disability':
        return kase.has_disability === 1 ? kase.disability_notes || 'yes' : '';
      default:
        return '';
    }
  };
  const rows: SlipRow[] = [];
  // The contract's order, not the order of ticking: a slip reads the same whoever made it.
  for (const field of referralFieldKeys) if (chosen.has(field)) rows.push({ field, value: await value(field) });
  return rows;
}
