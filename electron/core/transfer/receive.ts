// Node-only. Receiving: open (verify, decrypt, check, preview — writes nothing but an audit
// entry), accept (one transaction: the case, its records and documents, or a merge when the case
// comes back; then a signed receipt), reject (a receipt with the reason), and applying a receipt
// at the sending office.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql, type Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { can } from '../../../shared/permissions';
import { matchesMime } from '../../../shared/cases/files';
import type { OpenedTransfer } from '../../../shared/transfer/contract';
import { sectionKey, sectionTables } from '../../../shared/transfer/package';
import { findDuplicates } from '../cases/duplicates';
import { mergedRiskRank, riskRank, searchText } from '../cases/rows';
import { loadCase, recordCaseChange } from '../cases/scope';
import type { DB } from '../db/schema';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { TransferError } from './container';
import type { TransferFiles } from './files';
import { checkFile, checkFresh, readCase, readReceipt, senderFingerprint, type Checked } from './inspect';
import { planMerge } from './merge';
import { writeReceipt } from './receipts';
import { insertRow, insertRows, updateRow, type CaseRecords, type Row } from './records';
import { rowLabel } from './send';

const caseExists = async (db: ReturnType<HandlerEnv['db']>, id: string) =>
  (await db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

/** Thrown to roll back the preview's trial import. */
class DryRun extends Error {}

function requireAssign(env: HandlerEnv): void {
  if (!can(env.session.role, 'case.assign')) throw new AppError('FORBIDDEN', 'your role does not allow this', { params: { channel: 'transfer.open' } });
}

async function localCaseRow(trx: Transaction<DB>, records: CaseRecords, office: { code: string }, workerId: string, now: string) {
  const last = await trx.selectFrom('cases').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const number = `${office.code}-${now.slice(0, 4)}-${String(seq).padStart(5, '0')}`;
  const c = records.case;
  let otherNames: string[];
  try {
    otherNames = JSON.parse(String(c.other_names)) as string[];
    if (!Array.isArray(otherNames) || otherNames.some((n) => typeof n !== 'string')) throw new Error('names');
  } catch {
    throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'case.other_names' });
  }
  const rank = riskRank[c.risk_level as keyof typeof riskRank];
  if (!rank) throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'case.risk_level' });
  const birth = typeof c.date_of_birth === 'string' ? Number(c.date_of_birth.replace(/-/g, '')) || null : null;
  return {
    ...c,
    seq,
    number,
    office_code: office.code,
    search_text: searchText(number, { givenName: String(c.given_name), familyName: String(c.family_name), otherNames }),
    // "Not yet assessed" travels as risk_assessed = 0 and sorts as such here too.
    risk_rank: c.risk_assessed === 0 ? 0 : rank,
    birth_year_sort: birth,
    worker_id: workerId,
    family_worker_id: null,
    registered_by: null,
  };
}

async function assignee(env: HandlerEnv, userId: string): Promise<void> {
  const user = await env.db().selectFrom('users').select(['role', 'active', 'removed_at']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.active !== 1 || user.removed_at || user.role === 'admin') {
    throw new AppError('VALIDATION', 'choose a case worker or supervisor', { issues: [{ path: ['assignTo'], code: 'assignee', message: 'assignee' }] });
  }
}

/** Inserting a row the database refuses (a CHECK, a duplicate id) means the records are invalid. */
async function asRecordsError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Error && /constraint|SQLITE/iu.test(`${error.message} ${(error as { code?: string }).code ?? ''}`)) {
      throw new TransferError('TRANSFER_INVALID_RECORDS', 'constraint');
    }
    throw error;
  }
}

export interface ImportOptions {
  assignTo: string;
  take: Map<string, 'ours' | 'theirs'>;
  office: { code: string };
  now: string;
  /** The preview runs the whole import and rolls it back: what it shows is what accept will do. */
  dryRun: boolean;
}

/** Writes a case package into `trx`: a new case, or a merge into the case that came back. */
export async function importCase(trx: Transaction<DB>, file: string, checked: Checked, options: ImportOptions) {
  const { assignTo, take, now } = options;
  const settings = { office: options.office };
  let caseId = '';
  let returning = false;
  let pendingRows: CaseRecords | null = null;
  const present = async (table: string, id: string) =>
    (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.ref(sectionKey(table))} = ${id}`.execute(trx)).rows[0].n > 0;
  const records = await asRecordsError(() =>
    readCase(
      trx,
      file,
      checked,
      async (id, bytes, chunks) => {
        const parts: Buffer[] = [];
        for await (const chunk of chunks) parts.push(chunk);
        const data = Buffer.concat(parts);
        const meta = pendingRows!.sections.case_documents!.find((d) => d.id === id)!;
        if (!matchesMime(data, String(meta.mime))) throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'case_documents.mime' });
        if (returning && (await present('case_documents', id))) return;
        await insertRow(trx, 'case_documents', { ...meta, data, size_bytes: bytes });
      },
      async (r) => {
        pendingRows = r;
        caseId = String(r.case.id);
        returning = await caseExists(trx, caseId);
        await checkFresh(trx, checked.manifest, returning ? caseId : null);
        if (!returning) {
          await insertRow(trx, 'cases', await localCaseRow(trx, r, settings.office, assignTo, now));
          await insertRows(trx, 'family_members', r.sections.family_members ?? [], present);
        }
      },
    ),
  );
  let counts: Record<string, number>;
  if (!returning) {
    for (const table of sectionTables) {
      if (table === 'case_documents' || table === 'family_members') continue;
      await asRecordsError(() => insertRows(trx, table, records.sections[table] ?? [], present));
    }
    counts = Object.fromEntries(Object.entries(records.sections).map(([t, rows]) => [t, rows.length]));
  } else {
    const plan = await planMerge(trx, records);
    const unresolved = plan.conflicts.filter((c) => !take.has(c.key));
    if (unresolved.length > 0 && !options.dryRun) throw new AppError('CONFLICT', 'resolve every conflict first', { params: { reason: 'unresolved', count: unresolved.length } });
    for (const c of plan.conflicts) {
      if (take.get(c.key) !== 'theirs') continue;
      const update = plan.updates.find((u) => u.table === c.table && u.id === c.id);
      if (update) update.values[c.field] = c.theirs as Row[string];
      else plan.updates.push({ table: c.table, id: c.id, values: { [c.field]: c.theirs as Row[string] } });
    }
    for (const { table, row } of plan.inserts.filter((i) => i.table !== 'case_documents')) await asRecordsError(() => insertRows(trx, table, [row], present));
    for (const u of plan.updates) {
      if (u.table === 'cases' && ('risk_level' in u.values || 'risk_assessed' in u.values)) u.values.risk_rank = await mergedRiskRank(trx, caseId, u.values);
      await asRecordsError(() => updateRow(trx, u.table, u.id, u.values));
    }
    await trx.updateTable('cases').set({ worker_id: assignTo }).where('id', '=', caseId).execute();
    counts = { inserted: plan.inserts.length, updated: plan.updates.length, conflicts: plan.conflicts.length, theirs: [...take.values()].filter((t) => t === 'theirs').length };
  }
  return { records, returning, counts };
}

export function createReceiveHandlers(deps: CoreDeps, files: TransferFiles) {
  async function opened(env: HandlerEnv, uploadId: string): Promise<{ file: string; checked: Checked }> {
    const file = files.uploaded(env.session.userId, uploadId);
    try {
      return { file, checked: await checkFile(env.db(), file) };
    } catch (error) {
      if (error instanceof AppError) {
        await env.audit(env.db(), { action: 'transfer.refused', entityType: 'transfer', details: { code: error.code, reason: String(error.params?.reason ?? '') } });
      }
      throw error;
    }
  }

  return defineHandlers({
    'transfer.upload': async ({ uploadId, offset, totalBytes, dataBase64 }, env) => {
      return files.receive(env.session.userId, uploadId, offset, totalBytes, Buffer.from(dataBase64, 'base64'));
    },

    'transfer.open': async ({ uploadId }, env): Promise<OpenedTransfer> => {
      const { file, checked } = await opened(env, uploadId);
      const { manifest } = checked;
      // A referral or a partner's answer travels in the same container: it is opened under Referrals.
      if (manifest.kind === 'referral' || manifest.kind === 'referral-response') throw new TransferError('TRANSFER_IS_REFERRAL', 'kind', { kind: manifest.kind });
      const sender = { name: checked.partner.name, code: checked.partner.code, country: checked.partner.country, fingerprint: senderFingerprint(manifest) };
      if (manifest.kind === 'receipt') {
        const receipt = await readReceipt(file, checked);
        const sent = await env.db().selectFrom('transfers').selectAll().where('id', '=', receipt.transferId).where('direction', '=', 'out').executeTakeFirst();
        if (!sent || sent.partner_id !== checked.partner.id || !sent.case_id) throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'transferId' });
        await loadCase(env, sent.case_id, 'read');
        if (sent.status !== 'pending') throw new TransferError('TRANSFER_ALREADY_IMPORTED', 'receipt');
        await env.audit(env.db(), { action: 'transfer.open', entityType: 'transfer', entityId: manifest.transferId, details: { kind: 'receipt', inReplyTo: receipt.transferId } });
        return { kind: 'receipt', transferId: receipt.transferId, sender, caseId: sent.case_id, decision: receipt.decision, decidedAt: receipt.decidedAt, decidedByName: receipt.decidedByName, reason: receipt.reason };
      }
      requireAssign(env);
      const office = (await deps.settings()).office;
      const trial: { records?: CaseRecords } = {};
      try {
        await env.tx(async (trx) => {
          ({ records: trial.records } = await importCase(trx, file, checked, { assignTo: env.session.userId, take: new Map(), office, now: env.now().toISOString(), dryRun: true }));
          throw new DryRun();
        });
      } catch (error) {
        if (!(error instanceof DryRun)) throw error;
      }
      const records = trial.records;
      if (!records) throw new TransferError('TRANSFER_MALFORMED', 'records');
      const caseId = String(records.case.id);
      const returning = await caseExists(env.db(), caseId);
      await checkFresh(env.db(), manifest, returning ? caseId : null);
      const c = records.case;
      let merge: Extract<OpenedTransfer, { kind: 'case' }>['returning'] = null;
      if (returning) {
        const local = await env.db().selectFrom('cases').select('number').where('id', '=', caseId).executeTakeFirstOrThrow();
        const plan = await planMerge(env.db(), records);
        merge = { caseId, number: local.number, conflicts: plan.conflicts, merged: plan.updates.length + plan.inserts.length };
      }
      const duplicates = returning
        ? []
        : (
            await findDuplicates(
              env.db(),
              { givenName: String(c.given_name), familyName: String(c.family_name), otherNames: [], sex: String(c.sex), dateOfBirth: c.date_of_birth as string | null, estimatedAgeYears: c.estimated_age as number | null, separationPlace: String(c.separation_place), area: String(c.area) },
              env.session,
              env.now(),
            )
          )// Opening a transfer is a supervisor's call, and supervisors see every match in full; a match
          // shaped for a narrower scope shows its number only.
          .map((d) => ({ caseId: d.caseId, number: d.number, name: d.inScope ? `${d.givenName} ${d.familyName}`.trim() : '' }));
      await env.audit(env.db(), { action: 'transfer.open', entityType: 'transfer', entityId: manifest.transferId, details: { kind: 'case', sender: checked.partner.code, returning } });
      return {
        kind: 'case',
        transferId: manifest.transferId,
        sender,
        sentAt: manifest.createdAt,
        transfer: records.transfer,
        child: { givenName: String(c.given_name), familyName: String(c.family_name), sex: String(c.sex), dateOfBirth: (c.date_of_birth as string | null) ?? null, estimatedAge: (c.estimated_age as number | null) ?? null, stage: String(c.stage) },
        sections: sectionTables
          .filter((t) => t !== 'case_documents' && (records.sections[t]?.length ?? 0) > 0)
          .map((table) => ({ table, rows: records.sections[table]!.map((r) => ({ table, id: String(r[sectionKey(table)]), label: rowLabel(table, r) })) })),
        documents: (records.sections.case_documents ?? []).map((d) => ({ id: String(d.id), title: String(d.title), bytes: Number(d.size_bytes) })),
        duplicates,
        returning: merge,
      };
    },

    'transfer.accept': async ({ uploadId, assignTo, resolutions, notDuplicateOf }, env) => {
      const { file, checked } = await opened(env, uploadId);
      if (checked.manifest.kind !== 'case') throw new TransferError('TRANSFER_MALFORMED', 'kind');
      await assignee(env, assignTo);
      const settings = await deps.settings();
      const now = env.now().toISOString();
      const receiptId = checked.manifest.transferId;
      const take = new Map(resolutions.map((r) => [r.key, r.take]));
      let caseId = '';
      // Written beside its final name and renamed after the commit: a refused second attempt
      // must not touch the receipt the first one wrote.
      const receiptFile = files.outgoing(receiptId, 'receipt');
      const draft = `${receiptFile}.${crypto.randomUUID()}.new`;
      await env.tx(async (trx) => {
        const { records, returning, counts } = await importCase(trx, file, checked, { assignTo, take, office: settings.office, now, dryRun: false });
        caseId = String(records.case.id);
        const receipt = await writeReceipt(trx, checked, draft, { decision: 'accepted', decidedAt: now, decidedByName: env.session.displayName, reason: '' }, env.now());
        await trx
          .insertInto('transfers')
          .values({
            id: receiptId,
            direction: 'in',
            case_id: caseId,
            partner_id: checked.partner.id,
            status: 'accepted',
            reason: records.transfer.reason,
            reason_country: records.transfer.reasonCountry,
            reason_legal_status: records.transfer.reasonLegalStatus,
            basis: records.transfer.basis,
            legal_basis: records.transfer.legalBasis,
            child_assent: records.transfer.childAssent,
            sections: JSON.stringify(records.transfer.parts),
            records: JSON.stringify(records),
            file_sha256: checked.envelope.fileSha256,
            file_bytes: checked.envelope.fileBytes,
            sent_at: checked.manifest.createdAt,
            created_at: now,
            created_by: env.session.userId,
            audit_anchor: JSON.stringify(receipt.anchor),
            decided_at: now,
            decided_by_name: env.session.displayName,
            decision_reason: '',
            receipt_sha256: receipt.sha256,
          })
          .execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          returning ? 'transfer.merge' : 'transfer.accept',
          { transferId: receiptId, partnerCode: checked.partner.code, assignedTo: assignTo, counts, notDuplicateOf },
          { transferId: receiptId, partnerName: checked.partner.name },
        );
      }).catch((error: unknown) => {
        fs.rmSync(draft, { force: true });
        throw error;
      });
      fs.renameSync(draft, receiptFile);
      files.discard(uploadId);
      return { caseId, transferId: receiptId };
    },

    'transfer.reject': async ({ uploadId, reason }, env) => {
      requireAssign(env);
      const { file, checked } = await opened(env, uploadId);
      const records = await readCase(env.db(), file, checked);
      await checkFresh(env.db(), checked.manifest, null);
      const now = env.now().toISOString();
      const transferId = checked.manifest.transferId;
      const receiptFile = files.outgoing(transferId, 'receipt');
      const draft = `${receiptFile}.${crypto.randomUUID()}.new`;
      await env.tx(async (trx) => {
        const receipt = await writeReceipt(trx, checked, draft, { decision: 'rejected', decidedAt: now, decidedByName: env.session.displayName, reason }, env.now());
        await trx
          .insertInto('transfers')
          .values({
            id: transferId,
            direction: 'in',
            case_id: null,
            partner_id: checked.partner.id,
            status: 'rejected',
            reason: records.transfer.reason,
            reason_country: records.transfer.reasonCountry,
            reason_legal_status: '',
            basis: records.transfer.basis,
            legal_basis: '',
            child_assent: records.transfer.childAssent,
            sections: '[]',
            // A refused case keeps no case content here: only that it came and why it went back.
            records: '{}',
            file_sha256: checked.envelope.fileSha256,
            file_bytes: checked.envelope.fileBytes,
            sent_at: checked.manifest.createdAt,
            created_at: now,
            created_by: env.session.userId,
            audit_anchor: JSON.stringify(receipt.anchor),
            decided_at: now,
            decided_by_name: env.session.displayName,
            decision_reason: reason,
            receipt_sha256: receipt.sha256,
          })
          .execute();
        await env.audit(trx, { action: 'transfer.reject', entityType: 'transfer', entityId: transferId, details: { partnerCode: checked.partner.code } });
      }).catch((error: unknown) => {
        fs.rmSync(draft, { force: true });
        throw error;
      });
      fs.renameSync(draft, receiptFile);
      files.discard(uploadId);
      return { transferId };
    },

    'transfer.applyReceipt': async ({ uploadId }, env) => {
      const { file, checked } = await opened(env, uploadId);
      const receipt = await readReceipt(file, checked);
      const sent = await env.db().selectFrom('transfers').selectAll().where('id', '=', receipt.transferId).where('direction', '=', 'out').executeTakeFirst();
      if (!sent || sent.partner_id !== checked.partner.id || !sent.case_id) throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'transferId' });
      await loadCase(env, sent.case_id, 'read');
      if (sent.status !== 'pending') throw new TransferError('TRANSFER_ALREADY_IMPORTED', 'receipt');
      await loadCase(env, sent.case_id, 'write');
      await env.tx(async (trx) => {
        await trx
          .updateTable('transfers')
          .set({
            status: receipt.decision,
            decided_at: receipt.decidedAt,
            decided_by_name: receipt.decidedByName,
            decision_reason: receipt.reason,
            receipt_sha256: checked.envelope.fileSha256,
            // The receiver's chain head travels back as an anchor beside ours.
            audit_anchor: JSON.stringify({ sent: JSON.parse(sent.audit_anchor ?? 'null'), receiver: receipt.auditAnchor }),
          })
          .where('id', '=', sent.id)
          .execute();
        await recordCaseChange(
          env,
          trx,
          sent.case_id!,
          receipt.decision === 'accepted' ? 'transfer.completed' : 'transfer.returned',
          { transferId: sent.id, partnerCode: checked.partner.code, receiverAuditHead: receipt.auditAnchor.headHash, receiverAuditCount: receipt.auditAnchor.count },
          { transferId: sent.id, partnerName: checked.partner.name, decidedAt: receipt.decidedAt, reason: receipt.reason },
        );
      });
      files.discard(uploadId);
      return { caseId: sent.case_id, decision: receipt.decision };
    },

    'transfer.saveHandover': async ({ caseId, handover }, env) => {
      await loadCase(env, caseId, 'write');
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await trx
          .insertInto('case_handovers')
          .values({
            id,
            case_id: caseId,
            met_on: handover.metOn,
            receiving_worker: handover.receivingWorker,
            attendees: handover.attendees,
            child_attended: handover.childAttended ? 1 : 0,
            officials: handover.officials,
            child_told_new_worker: handover.childToldNewWorker ? 1 : 0,
            safety_plan_updated: handover.safetyPlanUpdated ? 1 : 0,
            new_contact: handover.newContact,
            notes: handover.notes,
            recorded_by: env.session.userId,
            recorded_at: now,
          })
          .execute();
        await recordCaseChange(env, trx, caseId, 'transfer.handover', { handoverId: id, childAttended: handover.childAttended, childToldNewWorker: handover.childToldNewWorker, safetyPlanUpdated: handover.safetyPlanUpdated }, { metOn: handover.metOn });
      });
      return { id, ...handover, officials: handover.officials, newContact: handover.newContact, notes: handover.notes, recordedAt: now };
    },
  });
}
