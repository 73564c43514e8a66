// Node-only. The tracing log: list, add, correct and (softly) remove tracing actions. Removed
// actions stay in the database for the record but leave the log and the outcome.
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { tracingPurposes } from '../../../shared/consents/rules';
import { AppError } from '../../../shared/contract/errors';
import type { TracingAction, TracingActionFields } from '../../../shared/tracing/contract';
import { nameOf, staffNames } from '../assessments/people';
import { assertEventDate } from '../cases/dates';
import { assertConsent } from '../consents/check';
import { loadCase, recordCaseChange, recordCaseView, type CaseDbRow } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { tracingOutcome } from './facts';
import type { TracingActionsTable } from './tables';
import { eventFloor } from '../cases/paper';

type ActionRow = Selectable<TracingActionsTable>;

function toAction(row: ActionRow, names: Map<string, string>, foundId: string | null): TracingAction {
  return {
    id: row.id,
    caseId: row.case_id,
    date: row.date,
    method: row.method as TracingAction['method'],
    methodOther: row.method_other,
    place: row.place,
    area: row.area,
    country: row.country,
    personContacted: row.person_contacted,
    result: row.result as TracingAction['result'],
    notes: row.notes,
    recordedBy: nameOf(names, row.created_by),
    recordedAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    establishesFound: row.id === foundId,
  };
}

export function createTracingHandlers(deps: CoreDeps) {
  async function liveActions(env: HandlerEnv, caseId: string): Promise<ActionRow[]> {
    return env
      .db()
      .selectFrom('tracing_actions')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('removed_at', 'is', null)
      .orderBy('date')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async function actionOf(env: HandlerEnv, caseId: string, actionId: string): Promise<ActionRow> {
    const row = await env
      .db()
      .selectFrom('tracing_actions')
      .selectAll()
      .where('id', '=', actionId)
      .where('case_id', '=', caseId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'no such tracing action');
    return row;
  }

  async function columns(action: TracingActionFields, kase: CaseDbRow, env: HandlerEnv) {
    assertEventDate(action.date, todayIso(env.now()), eventFloor(kase), 'action.date');
    const country = action.country ?? (await deps.settings()).office.country.toUpperCase();
    return {
      date: action.date,
      method: action.method,
      method_other: action.method === 'other' ? action.methodOther : '',
      place: action.place,
      area: action.area,
      country,
      person_contacted: action.personContacted,
      result: action.result,
      notes: action.notes,
    };
  }

  /** The saved action as the log shows it, with whether it now establishes "family found". */
  async function present(env: HandlerEnv, caseId: string, id: string): Promise<TracingAction> {
    const rows = await liveActions(env, caseId);
    const row = rows.find((r) => r.id === id);
    if (!row) throw new AppError('NOT_FOUND', 'no such tracing action');
    const { foundActionId } = tracingOutcome(rows);
    return toAction(row, await staffNames(env.db(), [row.created_by]), foundActionId);
  }

  /** Timeline entries of what readers of the case see: kinds, dates and outcomes, no narrative. */
  const timelineOf = (c: { date: string; method: string; result: string; country: string }) => ({
    date: c.date,
    method: c.method,
    result: c.result,
    country: c.country,
  });

  return defineHandlers({
    'tracing.list': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const rows = await liveActions(env, caseId);
      await recordCaseView(env, caseId, 'tracing');
      const outcome = tracingOutcome(rows);
      const names = await staffNames(env.db(), rows.map((r) => r.created_by));
      // Newest first, as a log is read.
      return { actions: rows.map((r) => toAction(r, names, outcome.foundActionId)).reverse(), outcome };
    },

    'tracing.add': async ({ caseId, action }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const values = await columns(action, kase, env);
      await assertConsent(env.db(), kase, tracingPurposes(values.method), values.date, todayIso(env.now()));
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await trx
          .insertInto('tracing_actions')
          .values({
            id,
            case_id: caseId,
            ...values,
            created_at: now,
            created_by: env.session.userId,
            updated_at: now,
            updated_by: env.session.userId,
            version: 1,
            removed_at: null,
            removed_by: null,
            removed_reason: null,
          })
          .execute();
        await recordCaseChange(env, trx, caseId, 'tracing.add', { actionId: id, method: values.method, result: values.result }, timelineOf(values));
      });
      return present(env, caseId, id);
    },

    'tracing.update': async ({ caseId, actionId, version, action }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const before = await actionOf(env, caseId, actionId);
      const values = await columns(action, kase, env);
      if (values.method !== before.method || values.date !== before.date) {
        await assertConsent(env.db(), kase, tracingPurposes(values.method), values.date, todayIso(env.now()));
      }
      const changed = Object.entries(values)
        .filter(([key, value]) => (before as unknown as Record<string, unknown>)[key] !== value)
        .map(([key]) => key);
      await env.tx(async (trx) => {
        const result = await trx
          .updateTable('tracing_actions')
          .set({ ...values, updated_at: env.now().toISOString(), updated_by: env.session.userId, version: version + 1 })
          .where('id', '=', actionId)
          .where('version', '=', version)
          .where('removed_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) {
          throw new AppError('CONFLICT', 'someone else changed this tracing action; reload it', { params: { reason: 'version' } });
        }
        await recordCaseChange(env, trx, caseId, 'tracing.update', { actionId, fields: changed }, { ...timelineOf(values), fields: changed });
      });
      return present(env, caseId, actionId);
    },

    'tracing.remove': async ({ caseId, actionId, reason }, env) => {
      await loadCase(env, caseId, 'write');
      const before = await actionOf(env, caseId, actionId);
      await env.tx(async (trx) => {
        await trx
          .updateTable('tracing_actions')
          .set({ removed_at: env.now().toISOString(), removed_by: env.session.userId, removed_reason: reason })
          .where('id', '=', actionId)
          .execute();
        await recordCaseChange(env, trx, caseId, 'tracing.remove', { actionId }, { date: before.date, method: before.method, result: before.result, reason });
      });
      return { removed: true };
    },
  });
}
