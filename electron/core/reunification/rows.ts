// Node-only. Reads one case's reunification record as the contract shapes it (never the file bytes).
import type { Kysely, Transaction } from 'kysely';
import type { ReunificationRecord } from '../../../shared/reunification/contract';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export async function readRecord(db: Db, caseId: string): Promise<ReunificationRecord | null> {
  const row = await db
    .selectFrom('reunifications as r')
    .leftJoin('users as recorder', 'recorder.id', 'r.recorded_by')
    .leftJoin('users as giver', 'giver.id', 'r.handover_from_id')
    .leftJoin('users as taker', 'taker.id', 'r.handover_to_id')
    .selectAll('r')
    .select(['recorder.display_name as recorded_by_name', 'giver.display_name as from_name', 'taker.display_name as to_name'])
    .where('r.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const document = await db
    .selectFrom('reunification_willingness_documents')
    .select(['kind', 'mime', 'bytes', 'updated_at'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const items = await db
    .selectFrom('reunification_package_items')
    .select(['item', 'quantity', 'provided_by'])
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  const enrolments = await db
    .selectFrom('reunification_enrolments')
    .select(['service', 'service_other', 'provider', 'enrolled_on', 'notes'])
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  return {
    caseId,
    reunifiedOn: row.reunified_on,
    willingness: {
      statedBy: row.willingness_stated_by,
      statedOn: row.willingness_stated_on,
      statement: row.willingness_statement,
      document: document ? { kind: document.kind, mime: document.mime, bytes: document.bytes, updatedAt: document.updated_at } : null,
    },
    guardianship: {
      from: row.guardianship_from,
      to: row.guardianship_to,
      transferredOn: row.guardianship_on,
      reference: row.guardianship_reference,
    },
    accompaniedBy: row.accompanied_by,
    childChoices: row.child_choices,
    packageItems: items.map((i) => ({ item: i.item, quantity: i.quantity, providedBy: i.provided_by })),
    enrolments: enrolments.map((e) => ({
      service: e.service,
      serviceOther: e.service_other,
      provider: e.provider,
      enrolledOn: e.enrolled_on,
      notes: e.notes,
    })),
    handover:
      row.handover_to_id && row.handover_at
        ? { fromId: row.handover_from_id, fromName: row.from_name, toId: row.handover_to_id, toName: row.to_name, at: row.handover_at }
        : null,
    handoverNotes: row.handover_notes,
    notes: row.notes,
    complete: Boolean(document) && row.willingness_stated_by.length > 0,
    recordedByName: row.recorded_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
