// Node-only. Sending a case: the trusted destinations, a preview of exactly what leaves, and the
// sealed file (records and documents, encrypted to the partner, signed by this office). The
// transfer row keeps the package as it left: the common base if the case comes back.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { can } from '../../../shared/permissions';
import type { PackagePreview } from '../../../shared/transfer/contract';
import { consentGateId, consentVerdict, type ConsentVerdict } from '../../../shared/consents/rules';
import { todayIso } from '../../../shared/cases/fields';
import { isRestrictedPerson, packageParts, partTables, sectionKey, transferConsentPurpose, type PackageSelection } from '../../../shared/transfer/package';
import { approvedExceptions } from '../approvals/queries';
import { ageOf } from '../cases/rows';
import { consentRecords } from '../consents/check';
import { loadCase, recordCaseChange, type CaseDbRow } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { sealProgressOf, trackSeal } from './progress';
import { sealTransferFile } from './seal';
import type { TransferFiles } from './files';
import { loadOfficeKeys } from './keys';
import { ownCard } from './partners';
import { carePlaceFor, collectRecords, type CaseRecords, type Row } from './records';
import { auditAnchor, caseTransferState } from './state';

/** What a record is called in a preview: enough to recognise it, nothing more. */
export function rowLabel(table: string, row: Row): string {
  const parts: Record<string, (string | number | null | undefined)[]> = {
    family_members: [row.given_name, row.family_name, row.relationship],
    consents: [row.given_by, row.given_on],
    case_notes: [row.kind, row.note_date],
    tracing_actions: [row.method, row.date],
    risk_assessments: [row.overall_level, row.date],
    safety_plans: [row.number, row.created_at ? String(row.created_at).slice(0, 10) : null],
    contacts: [row.kind, row.held_on ?? row.planned_for],
    contact_refusals: [row.refused_by, row.refused_on],
    case_documents: [row.title],
    assessments: [row.kind, row.template_key, row.date],
    plan_versions: [row.version, row.status],
    plan_objectives: [row.domain, row.objective],
    plan_reviews: [row.date],
    plan_progress_notes: [row.date, row.status],
    bids: [row.status, row.date],
    preparation_care: [row.arrangement, row.since],
    preparation_items: [row.area, row.description],
    preparation_monitors: [row.name, row.role],
    reunifications: [row.reunified_on],
    reunification_enrolments: [row.service, row.enrolled_on],
    reunification_package_items: [row.item, row.quantity],
  };
  return (parts[table] ?? [row.id]).filter((p) => p !== null && p !== undefined && p !== '').join(' · ');
}

/**
 * Informed consent before information leaves (G:L85-86), by the same rule as every other checked
 * action (shared/consents/rules: the child's own word counts from the assent age, and a withdrawal
 * stops the transfer); a supervisor's approved exception for `consent.transfer` passes it too.
 */
async function transferConsent(env: HandlerEnv, caseRow: CaseDbRow): Promise<ConsentVerdict> {
  const today = todayIso(env.now());
  const verdict = consentVerdict(await consentRecords(env.db(), caseRow.id), transferConsentPurpose, today, ageOf(caseRow, today));
  if (verdict.ok) return verdict;
  const excepted = await approvedExceptions(env.db(), caseRow.id);
  return excepted.includes(consentGateId('transfer')) ? { ok: true } : verdict;
}

/** Which part a row of a shared table belongs to (notes and family members split by kind and flag). */
function rowPart(table: string, row: Row): string | null {
  if (table === 'case_notes') return row.kind === 'supervision' ? 'supervisionNotes' : 'notes';
  if (table === 'family_members') return isRestrictedPerson(row) ? 'restrictedPersons' : 'family';
  return null;
}

async function buildPreview(env: HandlerEnv, caseRow: CaseDbRow, selection: PackageSelection): Promise<{ preview: PackagePreview; records: CaseRecords }> {
  const everything = await collectRecords(env.db(), caseRow, { parts: [...packageParts], excludeDocumentIds: [] }, emptyInfo);
  const chosen = await collectRecords(env.db(), caseRow, selection, emptyInfo);
  const parts = packageParts
    .filter((p) => p !== 'carePlace' && p !== 'documents')
    .map((part) => {
      const tables = partTables[part as keyof typeof partTables];
      const rows = tables.flatMap((table) =>
        (everything.sections[table as keyof CaseRecords['sections']] ?? [])
          .filter((r) => (rowPart(table, r) ?? part) === part)
          .map((r) => ({ table, id: String(r[sectionKey(table)]), label: rowLabel(table, r) })),
      );
      return { part, included: selection.parts.includes(part), rows };
    });
  const chosenDocs = new Set((chosen.sections.case_documents ?? []).map((d) => String(d.id)));
  const documents = (everything.sections.case_documents ?? []).map((d) => ({
    id: String(d.id),
    title: String(d.title),
    bytes: Number(d.size_bytes),
    included: chosenDocs.has(String(d.id)),
  }));
  const preview: PackagePreview = {
    parts,
    documents,
    carePlaceIncluded: (await carePlaceFor(env.db(), caseRow, selection)).place !== null,
    totalBytes: documents.filter((d) => d.included).reduce((n, d) => n + d.bytes, 0),
    consentOnFile: (await transferConsent(env, caseRow)).ok,
  };
  return { preview, records: chosen };
}

const emptyInfo = { reason: '', reasonCountry: '', reasonLegalStatus: '', basis: 'consent' as const, legalBasis: '', childAssent: 'given' as const, senderCaseNumber: '', sentByName: '', parts: [] };

export function createSendHandlers(deps: CoreDeps, files: TransferFiles) {
  return defineHandlers({
    'transfer.destinations': async (_input, env) => {
      const rows = await env.db().selectFrom('partner_offices').select(['id', 'kind', 'name', 'code', 'country']).where('revoked_at', 'is', null).orderBy('name').execute();
      return rows;
    },

    // Normally answered outside the call queue (core.ts); here only when the queue is free anyway.
    'transfer.sealProgress': async (_input, env) => sealProgressOf(env.conn),

    'transfer.preview': async ({ caseId, selection }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      const { preview } = await buildPreview(env, caseRow, selection);
      await env.audit(env.db(), { action: 'case.view', entityType: 'case', entityId: caseId, details: { part: 'transferPreview' } });
      return preview;
    },

    'transfer.send': async ({ caseId, details, selection }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      if ((await caseTransferState(env.db(), caseId)) === 'pending') {
        throw new AppError('CONFLICT', 'this case is already waiting for another office', { params: { reason: 'transferPending' } });
      }
      const partner = await env.db().selectFrom('partner_offices').selectAll().where('id', '=', details.partnerId).where('revoked_at', 'is', null).executeTakeFirst();
      if (!partner) throw new AppError('NOT_FOUND', 'no such trusted partner');
      // A stated legal basis replaces consent; otherwise the consent rule decides.
      if (details.basis === 'consent') {
        const verdict = await transferConsent(env, caseRow);
        if (!verdict.ok) throw new AppError('TRANSFER_NO_CONSENT', 'no current consent for transfer on file', { params: { reason: verdict.reason } });
      }
      const transferId = crypto.randomUUID();
      const info = {
        ...details,
        senderCaseNumber: caseRow.number,
        sentByName: env.session.displayName,
        parts: [...selection.parts],
      };
      delete (info as Partial<typeof info>).partnerId;
      const records = await collectRecords(env.db(), caseRow, selection, info);
      const recordsBytes = Buffer.from(JSON.stringify(records), 'utf8');
      const keys = await loadOfficeKeys(env.db());
      const { card } = await ownCard(env.db(), deps);
      const documents = records.sections.case_documents ?? [];
      const now = env.now().toISOString();
      const file = files.outgoing(transferId, 'package');
      const progress = trackSeal(env.conn);
      const sealed = await sealTransferFile({
        onProgress: progress.update,
        file,
        keys,
        manifest: {
          kind: 'case',
          transferId,
          inReplyTo: null,
          createdAt: now,
          sender: { code: card.code, name: card.name, country: card.country, signingKey: card.signingKey, ageRecipient: card.ageRecipient },
          recipient: { code: partner.code, name: partner.name, country: partner.country, signingKey: partner.signing_public_key, ageRecipient: partner.age_recipient },
        },
        entries: [
          { name: 'records.json', data: recordsBytes },
          ...documents.map((d) => ({
            name: `attachments/${String(d.id)}`,
            bytes: Number(d.size_bytes),
            sha256: String(d.sha256),
            // One document in memory at a time, handed on in 1 MiB slices (views, not copies): each
            // slice is one turn of the event loop, so progress is answered while a document seals.
            content: async function* () {
              const row = await sql<{ data: Buffer }>`SELECT data FROM case_documents WHERE id = ${d.id}`.execute(env.db());
              const data = row.rows[0].data;
              for (let i = 0; i < data.length; i += 1024 * 1024) yield data.subarray(i, i + 1024 * 1024);
            },
          })),
        ],
      }).finally(() => progress.end());
      const counts = Object.fromEntries(Object.entries(records.sections).map(([t, rows]) => [t, rows.length]));
      // Which sensitive parts actually left, counted, so the audit answers "did the risk person's details go?".
      const restrictedPersons = (records.sections.family_members ?? []).filter((r) => isRestrictedPerson(r)).length;
      const carePlaceSent = records.case.care_place !== '';
      try {
        await env.tx(async (trx) => {
          const anchor = await auditAnchor(trx);
          await trx
            .insertInto('transfers')
            .values({
              id: transferId,
              direction: 'out',
              case_id: caseId,
              partner_id: partner.id,
              status: 'pending',
              reason: details.reason,
              reason_country: details.reasonCountry,
              reason_legal_status: details.reasonLegalStatus,
              basis: details.basis,
              legal_basis: details.legalBasis,
              child_assent: details.childAssent,
              sections: JSON.stringify(selection),
              records: recordsBytes.toString('utf8'),
              file_sha256: sealed.sha256,
              file_bytes: sealed.bytes,
              sent_at: now,
              created_at: now,
              created_by: env.session.userId,
              audit_anchor: JSON.stringify(anchor),
              decided_at: null,
              decided_by_name: '',
              decision_reason: '',
              receipt_sha256: null,
            })
            .execute();
          // What left and to whom: parts, counts and sizes, never content.
          await recordCaseChange(
            env,
            trx,
            caseId,
            'transfer.send',
            { transferId, partnerCode: partner.code, partnerId: partner.id, parts: selection.parts, counts, restrictedPersons, carePlaceSent, documents: documents.length, bytes: sealed.bytes, basis: details.basis, reason: details.reason },
            { transferId, partnerName: partner.name, reason: details.reason },
          );
        });
      } catch (error) {
        // No transfer row, no file: a file on disk that the office never recorded must not exist.
        fs.rmSync(file, { force: true });
        throw error;
      }
      return { transferId, fileName: files.fileName(transferId, 'package', caseRow.number), bytes: sealed.bytes };
    },

    'transfer.caseStatus': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const rows = await env
        .db()
        .selectFrom('transfers')
        .innerJoin('partner_offices', 'partner_offices.id', 'transfers.partner_id')
        .select([
          'transfers.id',
          'transfers.direction',
          'transfers.status',
          'transfers.reason',
          'transfers.sent_at',
          'transfers.decided_at',
          'transfers.decision_reason',
          'transfers.file_bytes',
          'transfers.receipt_sha256',
          'partner_offices.name',
          'partner_offices.code',
        ])
        .where('transfers.case_id', '=', caseId)
        .orderBy('transfers.created_at', 'desc')
        .execute();
      const handovers = await env.db().selectFrom('case_handovers').selectAll().where('case_id', '=', caseId).orderBy('met_on', 'desc').execute();
      await env.audit(env.db(), { action: 'case.view', entityType: 'case', entityId: caseId, details: { part: 'transfers' } });
      return {
        state: await caseTransferState(env.db(), caseId),
        transfers: rows.map((r) => ({
          id: r.id,
          direction: r.direction,
          status: r.status,
          partnerName: r.name,
          partnerCode: r.code,
          reason: r.reason,
          sentAt: r.sent_at,
          decidedAt: r.decided_at,
          decisionReason: r.decision_reason,
          fileBytes: r.file_bytes,
          hasReceipt: r.direction === 'in' && r.receipt_sha256 !== null,
        })),
        handovers: handovers.map((h) => ({
          id: h.id,
          metOn: h.met_on,
          receivingWorker: h.receiving_worker,
          attendees: h.attendees,
          childAttended: h.child_attended === 1,
          officials: h.officials,
          childToldNewWorker: h.child_told_new_worker === 1,
          safetyPlanUpdated: h.safety_plan_updated === 1,
          newContact: h.new_contact,
          notes: h.notes,
          recordedAt: h.recorded_at,
        })),
      };
    },

    'transfer.pending': async ({ olderThanDays }, env) => {
      const rows = await env
        .db()
        .selectFrom('transfers')
        .innerJoin('partner_offices', 'partner_offices.id', 'transfers.partner_id')
        .innerJoin('cases', 'cases.id', 'transfers.case_id')
        .select(['transfers.id', 'transfers.case_id', 'transfers.sent_at', 'cases.number', 'partner_offices.name'])
        .where('transfers.status', '=', 'pending')
        .where('transfers.direction', '=', 'out')
        .orderBy('transfers.sent_at')
        .execute();
      const now = env.now().getTime();
      await env.audit(env.db(), { action: 'transfer.pendingList', entityType: 'transfer', details: { count: rows.length } });
      return rows
        .map((r) => ({ transferId: r.id, caseId: r.case_id!, caseNumber: r.number, partnerName: r.name, sentAt: r.sent_at, days: Math.floor((now - Date.parse(r.sent_at)) / 86_400_000) }))
        .filter((r) => r.days >= olderThanDays);
    },

    'transfer.download': async ({ transferId, file, offset }, env) => {
      const row = await env.db().selectFrom('transfers').selectAll().where('id', '=', transferId).executeTakeFirst();
      const wanted = file === 'package' ? row?.direction === 'out' : row?.direction === 'in' && row.receipt_sha256 !== null;
      if (!row || !wanted) throw new AppError('NOT_FOUND', 'no such transfer file');
      let caseNumber = 'case';
      if (row.case_id) caseNumber = (await loadCase(env, row.case_id, 'read')).number;
      else if (!can(env.session.role, 'case.assign')) throw new AppError('FORBIDDEN', 'your role does not allow this', { params: { channel: 'transfer.download' } });
      const chunk = files.readChunk(files.outgoing(transferId, file), offset);
      if (offset === 0) {
        await env.audit(env.db(), { action: 'transfer.download', entityType: 'transfer', entityId: transferId, details: { file, bytes: chunk.totalBytes } });
      }
      return { fileName: files.fileName(transferId, file, caseNumber), offset, ...chunk };
    },
  });
}
