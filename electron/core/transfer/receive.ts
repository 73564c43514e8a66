// Node-only. Receiving: open (verify, decrypt, check, preview — writes nothing but an audit
// entry), accept (one transaction: the case, its records and documents, or a merge when the case
// comes back — importing.ts; then a signed receipt), reject (a receipt with the reason), and
// applying a receipt at the sending office.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/contract/errors';
import { can } from '../../../shared/permissions';
import type { OpenedTransfer } from '../../../shared/transfer/contract';
import { sectionKey, sectionTables } from '../../../shared/transfer/package';
import { findDuplicates } from '../cases/duplicates';
import { loadCase, recordCaseChange } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { TransferError } from './container';
import type { TransferFiles } from './files';
import { caseExists, importCase } from './importing';
import { checkFile, checkFresh, readCase, readReceipt, senderFingerprint, type Checked } from './inspect';
import { planMerge } from './merge';
import { writeReceipt } from './receipts';
import type { CaseRecords } from './records';
import { rowLabel } from './send';

/** Thrown to roll back the preview's trial import. */
class DryRun extends Error {}

function requireAssign(env: HandlerEnv): void {
  if (!can(env.session.role, 'case.assign')) throw new AppError('FORBIDDEN', 'your role does not allow this', { params: { channel: 'transfer.open' } });
}

async function assignee(env: HandlerEnv, userId: string): Promise<void> {
  const user = await env.db().selectFrom('users').select(['role', 'active', 'removed_at']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.active !== 1 || user.removed_at || user.role === 'admin') {
    throw new AppError('VALIDATION', 'choose a case worker or supervisor', { issues: [{ path: ['assignTo'], code: 'assignee', message: 'assignee' }] });
  }
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
