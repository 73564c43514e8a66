// Node-only. The reunification record: read it, save it (one per case, editable while the case is
// open), and read the caregivers' signed or scanned willingness statement. A handover to another
// worker reassigns the case in the same transaction as the record.
import type { Transaction } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { AppError, type ValidationIssue } from '../../../shared/contract/errors';
import type { ParsedInput } from '../../../shared/contract';
import { recordCaseChange, recordCaseView, inScope, loadCase, type CaseDbRow } from '../cases/scope';
import type { DB } from '../db/schema';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { caseStartDate } from './case-start';
import { decodeWillingnessDocument } from './files';
import { readRecord } from './rows';
import type { ReunificationsTable } from './tables';

type SaveInput = ParsedInput<'reunification.save'>;

/** A record is kept for a case in the reunification stage, and stays editable in follow-up. */
const recordStages: readonly CaseDbRow['stage'][] = ['reunification', 'follow_up'];

/** Every impossible date of the form at once, so the worker fixes them in one go. */
function assertRecordDates(input: SaveInput, today: string, start: string | null): void {
  const problems: ValidationIssue[] = [];
  const check = (date: string | null, path: (string | number)[], allowFuture = false) => {
    if (!date) return;
    if (!allowFuture && date > today) problems.push({ path, code: 'inFuture', message: 'inFuture' });
    else if (start && date < start) problems.push({ path, code: 'beforeCase', message: 'beforeCase' });
  };
  check(input.reunifiedOn, ['reunifiedOn']);
  check(input.willingness.statedOn, ['willingness', 'statedOn']);
  check(input.guardianship.transferredOn, ['guardianship', 'transferredOn']);
  // A school term may start after the child is home: enrolment dates can be ahead.
  input.enrolments.forEach((e, i) => check(e.enrolledOn, ['enrolments', i, 'enrolledOn'], true));
  if (problems.length > 0) {
    throw new AppError('INVALID_DATE', 'a date is impossible', { issues: problems, params: { field: problems[0].path.join('.') } });
  }
}

async function assertCaseStaff(env: HandlerEnv, userId: string): Promise<string> {
  const user = await env
    .db()
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('id', '=', userId)
    .where('active', '=', 1)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!user || user.role === 'admin') {
    throw new AppError('VALIDATION', 'this user cannot take over cases', {
      issues: [{ path: ['handoverToId'], code: 'notCaseStaff', message: 'notCaseStaff' }],
    });
  }
  return user.display_name;
}

type RecordColumns = Omit<ReunificationsTable, 'case_id' | 'recorded_by' | 'created_at' | 'updated_at' | 'version'>;

function columnsOf(input: SaveInput): Omit<RecordColumns, 'handover_from_id' | 'handover_to_id' | 'handover_at'> {
  return {
    reunified_on: input.reunifiedOn,
    willingness_stated_by: input.willingness.statedBy,
    willingness_stated_on: input.willingness.statedOn,
    willingness_statement: input.willingness.statement,
    guardianship_from: input.guardianship.from,
    guardianship_to: input.guardianship.to,
    guardianship_on: input.guardianship.transferredOn,
    guardianship_reference: input.guardianship.reference,
    accompanied_by: input.accompaniedBy,
    child_choices: input.childChoices,
    handover_notes: input.handoverNotes,
    notes: input.notes,
  };
}

async function replaceLists(trx: Transaction<DB>, input: SaveInput): Promise<void> {
  await trx.deleteFrom('reunification_package_items').where('case_id', '=', input.caseId).execute();
  await trx.deleteFrom('reunification_enrolments').where('case_id', '=', input.caseId).execute();
  if (input.packageItems.length > 0) {
    await trx
      .insertInto('reunification_package_items')
      .values(input.packageItems.map((p, position) => ({ case_id: input.caseId, position, item: p.item, quantity: p.quantity, provided_by: p.providedBy })))
      .execute();
  }
  if (input.enrolments.length > 0) {
    await trx
      .insertInto('reunification_enrolments')
      .values(
        input.enrolments.map((e, position) => ({
          case_id: input.caseId,
          position,
          service: e.service,
          service_other: e.service === 'other' ? e.serviceOther : '',
          provider: e.provider,
          enrolled_on: e.enrolledOn,
          notes: e.notes,
        })),
      )
      .execute();
  }
}

export function createReunificationHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'reunification.get': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const record = await readRecord(env.db(), caseId);
      await recordCaseView(env, caseId, 'reunification');
      return record;
    },

    'reunification.save': async (input, env) => {
      const row = await loadCase(env, input.caseId, 'write');
      if (row.status !== 'open') {
        throw new AppError('CONFLICT', 'this case is halted or closed', { params: { reason: row.status } });
      }
      if (!recordStages.includes(row.stage)) {
        throw new AppError('CONFLICT', 'the case has not reached the reunification stage', { params: { reason: 'stage', stage: row.stage } });
      }
      assertRecordDates(input, todayIso(env.now()), caseStartDate(row));
      const db = env.db();
      const existing = await db.selectFrom('reunifications').selectAll().where('case_id', '=', input.caseId).executeTakeFirst();
      if ((existing?.version ?? null) !== input.version) {
        throw new AppError('CONFLICT', 'someone else changed this record; reload it', { params: { reason: 'version' } });
      }
      const document = input.willingness.document;
      const fileBytes = document ? decodeWillingnessDocument(document) : null;
      const hadDocument = Boolean(
        await db.selectFrom('reunification_willingness_documents').select('case_id').where('case_id', '=', input.caseId).executeTakeFirst(),
      );
      const hasDocument = document === undefined ? hadDocument : document !== null;
      if (hasDocument && input.willingness.statedBy === '') {
        throw new AppError('VALIDATION', 'say which caregivers stated their willingness', {
          issues: [{ path: ['willingness', 'statedBy'], code: 'required', message: 'required' }],
        });
      }
      const handoverTo = input.handoverToId && input.handoverToId !== row.worker_id ? input.handoverToId : null;
      const handoverToName = handoverTo ? await assertCaseStaff(env, handoverTo) : null;

      const now = env.now().toISOString();
      const columns = columnsOf(input);
      const changed = existing
        ? Object.entries(columns)
            .filter(([key, value]) => existing[key as keyof typeof columns] !== value)
            .map(([key]) => key)
        : Object.keys(columns);
      const handover = handoverTo
        ? { handover_from_id: row.worker_id, handover_to_id: handoverTo, handover_at: now }
        : {
            handover_from_id: existing?.handover_from_id ?? null,
            handover_to_id: existing?.handover_to_id ?? null,
            handover_at: existing?.handover_at ?? null,
          };
      const documentChange = document === undefined ? (hadDocument ? 'kept' : 'none') : document === null ? (hadDocument ? 'removed' : 'none') : hadDocument ? 'replaced' : 'added';

      await env.tx(async (trx) => {
        if (existing) {
          const result = await trx
            .updateTable('reunifications')
            .set({ ...columns, ...handover, updated_at: now, version: existing.version + 1 })
            .where('case_id', '=', input.caseId)
            .where('version', '=', existing.version)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) {
            throw new AppError('CONFLICT', 'someone else changed this record; reload it', { params: { reason: 'version' } });
          }
        } else {
          await trx
            .insertInto('reunifications')
            .values({ case_id: input.caseId, ...columns, ...handover, recorded_by: env.session.userId, created_at: now, updated_at: now, version: 1 })
            .execute();
        }
        if (document !== undefined) {
          await trx.deleteFrom('reunification_willingness_documents').where('case_id', '=', input.caseId).execute();
        }
        if (document && fileBytes) {
          await trx
            .insertInto('reunification_willingness_documents')
            .values({ case_id: input.caseId, kind: document.kind, mime: document.mime, bytes: fileBytes.length, data: fileBytes, updated_at: now })
            .execute();
        }
        await replaceLists(trx, input);
        await recordCaseChange(
          env,
          trx,
          input.caseId,
          'reunification.save',
          {
            created: !existing,
            fields: changed,
            willingnessDocument: documentChange,
            documentKind: document?.kind ?? null,
            packageItems: input.packageItems.length,
            enrolments: input.enrolments.map((e) => e.service),
            handover: Boolean(handoverTo),
          },
          { created: !existing, reunifiedOn: input.reunifiedOn, fields: changed, willingnessDocument: documentChange },
        );
        if (handoverTo) {
          // The worker who takes over is the case's worker from now on; the previous one keeps
          // access only if they are also the family's worker (scope follows the case row).
          await trx
            .updateTable('cases')
            .set((eb) => ({ worker_id: handoverTo, version: eb('version', '+', 1) }))
            .where('id', '=', input.caseId)
            .execute();
          const fromName = row.worker_id
            ? ((await trx.selectFrom('users').select('display_name').where('id', '=', row.worker_id).executeTakeFirst())?.display_name ?? null)
            : null;
          await recordCaseChange(
            env,
            trx,
            input.caseId,
            'case.handover',
            { from: row.worker_id, to: handoverTo, reason: 'reunification' },
            { fromName, toName: handoverToName, notes: input.handoverNotes },
          );
        }
      });
      const record = await readRecord(db, input.caseId);
      if (!record) throw new AppError('INTERNAL', 'the record was not saved');
      const stillAssigned = inScope(env.session, { worker_id: handoverTo ?? row.worker_id, family_worker_id: row.family_worker_id });
      return { record, stillAssigned };
    },

    'reunification.getWillingnessDocument': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const document = await env
        .db()
        .selectFrom('reunification_willingness_documents')
        .select(['kind', 'mime', 'data'])
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      await recordCaseView(env, caseId, 'reunificationWillingness');
      if (!document) return null;
      return {
        kind: document.kind,
        mime: document.mime as 'image/png',
        dataBase64: Buffer.from(document.data).toString('base64'),
      };
    },
  });
}
