// Node-only. The contact log on the ladder: list (with the ladder's progress), plan, record a held
// contact, cancel a planned one, and record a refusal by the family or the child. Audit entries
// carry ids and kinds only; what was said stays in the case file.
import crypto from 'node:crypto';
import { todayIso } from '../../../shared/cases/fields';
import { ladderProgress, type ContactKind, type ContactMode } from '../../../shared/contacts/ladder';
import { AppError } from '../../../shared/contract/errors';
import { assertEventDate } from '../cases/dates';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { caseStartDate } from '../reunification/case-start';
import { assertContactAllowed, assertUnsupervisedAllowed, loadContact, toContact, toRefusal } from './rows';

/** Face-to-face rungs happen in person; storing a mode for them would only invite contradictions. */
function storedMode(kind: ContactKind, mode: ContactMode | null): ContactMode | null {
  return kind === 'remote_contact' || kind === 'sibling_contact' ? mode : null;
}

function assertNotBeforeCase(date: string, start: string | null, field: string): void {
  if (start && date < start) {
    throw new AppError('INVALID_DATE', 'the date is before the case began', {
      issues: [{ path: [field], code: 'beforeCase', message: 'beforeCase' }],
      params: { field },
    });
  }
}

export function createContactsHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'contacts.list': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const db = env.db();
      const rows = await db
        .selectFrom('contacts')
        .leftJoin('users', 'users.id', 'contacts.recorded_by')
        .selectAll('contacts')
        .select('users.display_name as recorded_by_name')
        .where('contacts.case_id', '=', caseId)
        .orderBy((eb) => eb.fn.coalesce('contacts.held_on', 'contacts.planned_for'), 'desc')
        .orderBy('contacts.created_at', 'desc')
        .execute();
      const refusals = await db
        .selectFrom('contact_refusals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      const contacts = rows.map(toContact);
      await recordCaseView(env, caseId, 'contacts');
      return { contacts, ladder: ladderProgress(contacts), refusals: Number(refusals.n) };
    },

    'contacts.plan': async (input, env) => {
      const row = await loadCase(env, input.caseId, 'write');
      assertNotBeforeCase(input.plannedFor, caseStartDate(row), 'plannedFor');
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      const mode = storedMode(input.kind, input.mode);
      await env.tx(async (trx) => {
        await assertContactAllowed(trx, input.caseId, input.familyMemberId, input.kind);
        if (input.kind === 'unsupervised_visit') await assertUnsupervisedAllowed(trx, input.caseId);
        await trx
          .insertInto('contacts')
          .values({
            id,
            case_id: input.caseId,
            kind: input.kind,
            mode,
            with_whom: input.withWhom,
            family_member_id: input.familyMemberId,
            place: input.place,
            status: 'planned',
            planned_for: input.plannedFor,
            purpose: input.purpose,
            held_on: null,
            duration_minutes: input.durationMinutes,
            outcome: null,
            child_feedback: '',
            family_feedback: '',
            observations: '',
            concerns: '',
            cancel_reason: '',
            cancelled_at: null,
            recorded_by: env.session.userId,
            created_at: now,
            updated_at: now,
            version: 1,
          })
          .execute();
        await recordCaseChange(
          env,
          trx,
          input.caseId,
          'contact.plan',
          { contactId: id, kind: input.kind, mode },
          { kind: input.kind, mode, plannedFor: input.plannedFor, withWhom: input.withWhom },
        );
      });
      return loadContact(env.db(), input.caseId, id);
    },

    'contacts.record': async (input, env) => {
      const row = await loadCase(env, input.caseId, 'write');
      assertEventDate(input.heldOn, todayIso(env.now()), caseStartDate(row), 'heldOn');
      const existing = input.contactId ? await loadContact(env.db(), input.caseId, input.contactId) : null;
      if (existing?.status === 'cancelled') {
        throw new AppError('CONFLICT', 'this contact was cancelled', { params: { reason: 'cancelled' } });
      }
      if (existing && input.version !== undefined && input.version !== existing.version) {
        throw new AppError('CONFLICT', 'someone else changed this contact; reload it', { params: { reason: 'version' } });
      }
      const id = existing?.id ?? crypto.randomUUID();
      const now = env.now().toISOString();
      const mode = storedMode(input.kind, input.mode);
      const held = {
        kind: input.kind,
        mode,
        with_whom: input.withWhom,
        family_member_id: input.familyMemberId,
        place: input.place,
        status: 'held' as const,
        held_on: input.heldOn,
        duration_minutes: input.durationMinutes,
        outcome: input.outcome,
        child_feedback: input.childFeedback,
        family_feedback: input.familyFeedback,
        observations: input.observations,
        concerns: input.concerns,
        updated_at: now,
      };
      await env.tx(async (trx) => {
        await assertContactAllowed(trx, input.caseId, input.familyMemberId, input.kind);
        if (input.kind === 'unsupervised_visit') await assertUnsupervisedAllowed(trx, input.caseId);
        if (existing) {
          const result = await trx
            .updateTable('contacts')
            .set({ ...held, version: existing.version + 1 })
            .where('id', '=', existing.id)
            .where('version', '=', existing.version)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) {
            throw new AppError('CONFLICT', 'someone else changed this contact; reload it', { params: { reason: 'version' } });
          }
        } else {
          await trx
            .insertInto('contacts')
            .values({
              id,
              case_id: input.caseId,
              ...held,
              planned_for: null,
              purpose: '',
              cancel_reason: '',
              cancelled_at: null,
              recorded_by: env.session.userId,
              created_at: now,
              version: 1,
            })
            .execute();
        }
        await recordCaseChange(
          env,
          trx,
          input.caseId,
          existing?.status === 'held' ? 'contact.correct' : 'contact.record',
          { contactId: id, kind: input.kind, mode, outcome: input.outcome, wasPlanned: existing?.status === 'planned' },
          { kind: input.kind, mode, heldOn: input.heldOn, outcome: input.outcome, withWhom: input.withWhom },
        );
      });
      return loadContact(env.db(), input.caseId, id);
    },

    'contacts.cancel': async ({ caseId, contactId, reason }, env) => {
      await loadCase(env, caseId, 'write');
      const existing = await loadContact(env.db(), caseId, contactId);
      if (existing.status !== 'planned') {
        throw new AppError('CONFLICT', 'only a planned contact can be cancelled', { params: { reason: existing.status } });
      }
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        const result = await trx
          .updateTable('contacts')
          .set({ status: 'cancelled', cancel_reason: reason, cancelled_at: now, updated_at: now, version: existing.version + 1 })
          .where('id', '=', contactId)
          .where('status', '=', 'planned')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) {
          throw new AppError('CONFLICT', 'someone else changed this contact; reload it', { params: { reason: 'version' } });
        }
        await recordCaseChange(env, trx, caseId, 'contact.cancel', { contactId, kind: existing.kind }, {
          kind: existing.kind,
          plannedFor: existing.plannedFor,
          reason,
        });
      });
      return loadContact(env.db(), caseId, contactId);
    },

    'contacts.recordRefusal': async (input, env) => {
      const row = await loadCase(env, input.caseId, 'write');
      assertEventDate(input.refusedOn, todayIso(env.now()), caseStartDate(row), 'refusedOn');
      if (input.contactId) await loadContact(env.db(), input.caseId, input.contactId);
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      const cancelled = await env.tx(async (trx) => {
        await trx
          .insertInto('contact_refusals')
          .values({
            id,
            case_id: input.caseId,
            refused_on: input.refusedOn,
            refused_by: input.refusedBy,
            who: input.who,
            reasons: input.reasons,
            child_views: input.childViews,
            contact_id: input.contactId,
            recorded_by: env.session.userId,
            created_at: now,
          })
          .execute();
        let count = 0;
        if (input.cancelPlanned) {
          const result = await trx
            .updateTable('contacts')
            .set((eb) => ({ status: 'cancelled', cancel_reason: input.reasons, cancelled_at: now, updated_at: now, version: eb('version', '+', 1) }))
            .where('case_id', '=', input.caseId)
            .where('status', '=', 'planned')
            .executeTakeFirst();
          count = Number(result.numUpdatedRows);
        }
        // Refusal is recorded, never overridden: the worker is sent to the contingency plan.
        await recordCaseChange(
          env,
          trx,
          input.caseId,
          'contact.refusal',
          { refusalId: id, refusedBy: input.refusedBy, contactId: input.contactId, cancelledContacts: count },
          { refusedOn: input.refusedOn, refusedBy: input.refusedBy, who: input.who, reasons: input.reasons, cancelledContacts: count },
        );
        return count;
      });
      const refusal = await env
        .db()
        .selectFrom('contact_refusals')
        .leftJoin('users', 'users.id', 'contact_refusals.recorded_by')
        .selectAll('contact_refusals')
        .select('users.display_name as recorded_by_name')
        .where('contact_refusals.id', '=', id)
        .executeTakeFirstOrThrow();
      return { refusal: toRefusal(refusal), cancelledContacts: cancelled, next: { tab: 'plan' as const, section: 'contingency' as const } };
    },

    'contacts.listRefusals': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const rows = await env
        .db()
        .selectFrom('contact_refusals')
        .leftJoin('users', 'users.id', 'contact_refusals.recorded_by')
        .selectAll('contact_refusals')
        .select('users.display_name as recorded_by_name')
        .where('contact_refusals.case_id', '=', caseId)
        .orderBy('contact_refusals.refused_on', 'desc')
        .orderBy('contact_refusals.created_at', 'desc')
        .execute();
      await recordCaseView(env, caseId, 'contactRefusals');
      return rows.map(toRefusal);
    },
  });
}
