// Node-only. The facilitator's conference channels: plan it (header, invitees, the child's
// participation, checklist, what the family will see), run it (steps, notes), record the agreement.
// Each write is one transaction with its audit entry and timeline event; each read is audited.
import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { stepsFor, type ConferenceValues } from '../../../shared/conference/schemas';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { DB } from '../db/schema';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { dueCommitments } from './due';
import { createFamilyViewHandlers } from './family-view';
import { createFollowUpHandlers } from './follow-up';
import { createPlanDraftHandler } from './plan-draft';
import { conferenceRegister } from './register';
import { documentToPdfFile } from '../print/pdf';
import { familyCopy, invitation } from './print';
import { conferenceRow, parseAgreement, readConference, type ConferenceRow } from './read';
import { assertMayAttend, assertSelectable, inviteeMember, reviewDateFor } from './rules';

const conflict = (reason: string, message: string) => new AppError('CONFLICT', message, { params: { reason } });

function headerColumns(c: ConferenceValues) {
  return {
    kind: c.kind,
    purpose: c.purpose,
    date: c.date,
    time: c.time,
    venue: c.venue,
    facilitator_name: c.facilitatorName,
    family_language: c.familyLanguage,
    other_languages: JSON.stringify(c.otherLanguages),
    interpreter: c.interpreter,
    child_mode: c.childParticipation.mode,
    child_means: c.childParticipation.means,
    child_words: c.childParticipation.words,
    child_agreed_to_share: c.childParticipation.agreedToShare ? 1 : 0,
    child_reason: c.childParticipation.mode === 'not_involved' ? c.childParticipation.reason : '',
    checklist: JSON.stringify(c.checklist),
    private_minutes: c.privateMinutes,
  };
}

export function createConferenceHandlers(deps: CoreDeps) {
  const family = createFamilyViewHandlers(deps);

  /** The conference a write is about, in a case the caller may change. */
  async function forWrite(env: HandlerEnv, caseId: string, conferenceId: string): Promise<ConferenceRow> {
    await loadCase(env, caseId, 'write');
    const row = await conferenceRow(env.db(), caseId, conferenceId);
    if (!row) throw new AppError('NOT_FOUND', 'no such conference');
    return row;
  }

  /** Runs a change to a conference: bumps its version, records who and when, audits it. */
  async function change(
    env: HandlerEnv,
    row: ConferenceRow,
    action: string,
    work: (trx: Transaction<DB>, at: string) => Promise<void>,
    details: Record<string, unknown> = {},
    timeline: Record<string, unknown> | null = null,
  ) {
    const at = env.now().toISOString();
    await env.tx(async (trx) => {
      await work(trx, at);
      await trx
        .updateTable('conferences')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: at, updated_by: env.session.userId }))
        .where('id', '=', row.id)
        .execute();
      await recordCaseChange(env, trx, row.case_id, action, { conferenceId: row.id, ...details }, timeline);
    }).finally(() => family.touched(env.db(), row.id));
    const fresh = await conferenceRow(env.db(), row.case_id, row.id);
    return readConference(env.db(), fresh!);
  }

  return defineHandlers({
    ...family.handlers,
    ...createPlanDraftHandler(deps),
    ...createFollowUpHandlers({ forWrite, change }),

    'conference.register': async (filter, env) => {
      const result = await conferenceRegister(env, filter);
      await env.audit(env.db(), { action: 'conference.registerViewed', details: { shown: result.rows.length, status: filter.status } });
      return result;
    },

    'conference.list': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const rows = await env.db().selectFrom('conferences').selectAll().where('case_id', '=', caseId).orderBy('date', 'desc').orderBy('time', 'desc').execute();
      const versions = new Map(
        (await env.db().selectFrom('plan_versions').select(['id', 'version']).where('case_id', '=', caseId).execute()).map((v) => [v.id, v.version]),
      );
      const today = todayIso(env.now());
      // Through the index on (conference_id, position): this case's conferences only.
      const open =
        rows.length === 0
          ? []
          : await env
              .db()
              .selectFrom('conference_commitments')
              .select(['conference_id', 'by_when'])
              .where('conference_id', 'in', rows.map((r) => r.id))
              .where('done_at', 'is', null)
              .execute();
      const countOf = (id: string, overdue: boolean) => open.filter((k) => k.conference_id === id && (!overdue || k.by_when < today)).length;
      await recordCaseView(env, caseId, 'conferences');
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        purpose: r.purpose,
        date: r.date,
        time: r.time,
        venue: r.venue,
        step: r.step,
        agreed: r.agreed_at !== null,
        planVersion: r.plan_version_id ? (versions.get(r.plan_version_id) ?? null) : null,
        openCommitments: countOf(r.id, false),
        overdueCommitments: countOf(r.id, true),
      }));
    },

    'conference.get': async ({ caseId, conferenceId }, env) => {
      await loadCase(env, caseId, 'read');
      const row = await conferenceRow(env.db(), caseId, conferenceId);
      if (!row) throw new AppError('NOT_FOUND', 'no such conference');
      await recordCaseView(env, caseId, 'conference');
      return readConference(env.db(), row);
    },

    'conference.save': async ({ caseId, conference }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      // A conference may be planned ahead, but not before the case began.
      if (conference.date < caseRow.registered_at.slice(0, 10)) {
        throw new AppError('INVALID_DATE', 'the date is before the case began', {
          issues: [{ path: ['conference', 'date'], code: 'beforeCase', message: 'beforeCase' }],
          params: { field: 'conference.date' },
        });
      }
      const at = env.now().toISOString();
      if (conference.id === undefined) {
        const id = crypto.randomUUID();
        await env.tx(async (trx) => {
          await trx
            .insertInto('conferences')
            .values({ id, case_id: caseId, version: 1, ...headerColumns(conference), selection: '[]', agreement: '{}', facilitator_notes: '', created_at: at, created_by: env.session.userId, updated_at: at, updated_by: env.session.userId })
            .execute();
          await recordCaseChange(env, trx, caseId, 'conference.planned', { conferenceId: id, kind: conference.kind, purpose: conference.purpose }, { kind: conference.kind, purpose: conference.purpose, date: conference.date });
        });
        return readConference(env.db(), (await conferenceRow(env.db(), caseId, id))!);
      }
      const row = await forWrite(env, caseId, conference.id);
      if (row.version !== conference.version) throw conflict('version', 'the conference was changed elsewhere; reload it');
      if (row.step !== null && conference.kind !== row.kind) throw conflict('running', 'a conference that has started keeps its kind');
      const changed = Object.entries(headerColumns(conference))
        .filter(([column, value]) => row[column as keyof ConferenceRow] !== value)
        .map(([column]) => column);
      return change(env, row, 'conference.updated', (trx) => trx.updateTable('conferences').set(headerColumns(conference)).where('id', '=', row.id).execute().then(() => undefined), { fields: changed });
    },

    'conference.saveInvitee': async ({ caseId, conferenceId, invitee }, env) => {
      const row = await forWrite(env, caseId, conferenceId);
      const member = await inviteeMember(env.db(), caseId, invitee.memberId);
      const existing = invitee.id
        ? await env.db().selectFrom('conference_invitees').selectAll().where('id', '=', invitee.id).where('conference_id', '=', row.id).executeTakeFirst()
        : undefined;
      if (invitee.id && !existing) throw new AppError('NOT_FOUND', 'no such invitee');
      // The safety note belongs to the person it was written for: naming someone else drops it.
      const note = existing && existing.member_id === invitee.memberId ? existing.safety_note : null;
      assertMayAttend(member, invitee.status, note);
      const values = { member_id: invitee.memberId, name: invitee.name, role: invitee.role, language: invitee.language, status: invitee.status };
      return change(
        env,
        row,
        existing ? 'conference.inviteeChanged' : 'conference.inviteeAdded',
        async (trx) => {
          if (existing) {
            await trx
              .updateTable('conference_invitees')
              .set({
                ...values,
                ...(note === null ? { safety_note: null, safety_note_by: null, safety_note_at: null } : {}),
                // An answer to the agreement belongs to someone present: not present, no answer.
                ...(invitee.status !== 'attended' ? { ack_outcome: null, ack_reason: '', ack_by: null, ack_at: null } : {}),
              })
              .where('id', '=', existing.id)
              .execute();
            return;
          }
          const last = await trx.selectFrom('conference_invitees').select((eb) => eb.fn.max('position').as('p')).where('conference_id', '=', row.id).executeTakeFirst();
          await trx
            .insertInto('conference_invitees')
            .values({ id: crypto.randomUUID(), conference_id: row.id, case_id: caseId, ...values, position: Number(last?.p ?? -1) + 1, created_at: env.now().toISOString() })
            .execute();
        },
        { status: invitee.status, fromNetwork: invitee.memberId !== null },
      );
    },

    'conference.removeInvitee': async ({ caseId, conferenceId, inviteeId }, env) => {
      const row = await forWrite(env, caseId, conferenceId);
      const found = await env.db().selectFrom('conference_invitees').select('id').where('id', '=', inviteeId).where('conference_id', '=', row.id).executeTakeFirst();
      if (!found) throw new AppError('NOT_FOUND', 'no such invitee');
      return change(env, row, 'conference.inviteeRemoved', (trx) => trx.deleteFrom('conference_invitees').where('id', '=', inviteeId).execute().then(() => undefined), { inviteeId });
    },

    'conference.recordSafetyNote': async ({ caseId, conferenceId, inviteeId, note }, env) => {
      const row = await forWrite(env, caseId, conferenceId);
      const found = await env.db().selectFrom('conference_invitees').select('id').where('id', '=', inviteeId).where('conference_id', '=', row.id).executeTakeFirst();
      if (!found) throw new AppError('NOT_FOUND', 'no such invitee');
      return change(
        env,
        row,
        'conference.safetyNoteRecorded',
        (trx, at) =>
          trx.updateTable('conference_invitees').set({ safety_note: note, safety_note_by: env.session.userId, safety_note_at: at }).where('id', '=', inviteeId).execute().then(() => undefined),
        { inviteeId },
        { safetyNote: true },
      );
    },

    'conference.saveSelection': async ({ caseId, conferenceId, items }, env) => {
      const row = await forWrite(env, caseId, conferenceId);
      await assertSelectable(env.db(), row, items);
      const stored = items.map((item) => ({ id: crypto.randomUUID(), ...item }));
      return change(
        env,
        row,
        'conference.selectionSaved',
        (trx) => trx.updateTable('conferences').set({ selection: JSON.stringify(stored) }).where('id', '=', row.id).execute().then(() => undefined),
        { items: items.length, kinds: [...new Set(items.map((i) => i.kind))] },
      );
    },

    'conference.setStep': async ({ caseId, conferenceId, step }, env) => {
      const row = await forWrite(env, caseId, conferenceId);
      if (!stepsFor(row.kind).includes(step)) throw conflict('stepNotInFlow', 'this meeting has no such step');
      if (row.step === step) return readConference(env.db(), row);
      // The family's screen already shows the step (core.ts presentStepEarly); this writes it.
      const at = env.now().toISOString();
      const entersPrivate = step === 'private_time';
      const leavesPrivate = row.step === 'private_time';
      const timeline = entersPrivate ? { privateTime: 'started' } : leavesPrivate ? { privateTime: 'ended' } : row.step === null ? { started: true } : null;
      return change(
        env,
        row,
        entersPrivate ? 'conference.privateTimeStarted' : leavesPrivate ? 'conference.privateTimeEnded' : 'conference.stepChanged',
        (trx) =>
          trx
            .updateTable('conferences')
            .set({
              step,
              step_started_at: at,
              ...(entersPrivate ? { private_started_at: at, private_ended_at: null } : {}),
              ...(leavesPrivate ? { private_ended_at: at } : {}),
            })
            .where('id', '=', row.id)
            .execute()
            .then(() => undefined),
        { from: row.step, to: step },
        timeline,
      );
    },

    'conference.saveNotes': async ({ caseId, conferenceId, notes }, env) => {
      const row = await forWrite(env, caseId, conferenceId);
      return change(env, row, 'conference.notesSaved', (trx) => trx.updateTable('conferences').set({ facilitator_notes: notes }).where('id', '=', row.id).execute().then(() => undefined), { length: notes.length });
    },

    'conference.saveAgreement': async ({ caseId, conferenceId, agreement }, env) => {
      const row = await forWrite(env, caseId, conferenceId);
      if (row.plan_version_id) throw conflict('planMade', 'a plan draft was made from this agreement; change the plan instead');
      // Follow-up has begun: the commitments marked done are the record of what was agreed.
      const started = await env.db().selectFrom('conference_commitments').select('id').where('conference_id', '=', row.id).where('done_at', 'is not', null).executeTakeFirst();
      if (started) throw conflict('followUpStarted', 'commitments of this agreement are already marked done');
      const reviewDate = reviewDateFor(row.date, agreement.reviewDate);
      const { items, reviewDate: _ignored, ...rest } = agreement;
      const first = row.agreed_at === null;
      return change(
        env,
        row,
        'conference.agreementRecorded',
        async (trx, at) => {
          await trx.deleteFrom('conference_commitments').where('conference_id', '=', row.id).execute();
          // A changed agreement is a new one: whoever acknowledged the old one answers again.
          await trx.updateTable('conference_invitees').set({ ack_outcome: null, ack_reason: '', ack_by: null, ack_at: null }).where('conference_id', '=', row.id).execute();
          if (items.length > 0) {
            await trx
              .insertInto('conference_commitments')
              .values(
                items.map((item, position) => ({
                  id: crypto.randomUUID(),
                  conference_id: row.id,
                  case_id: caseId,
                  position,
                  who: item.who,
                  what: item.what,
                  by_when: item.byWhen,
                  domain: item.domain,
                  indicator: item.indicator,
                  support_needed: item.supportNeeded,
                  family_part: item.familyPart,
                  disagreement: item.disagreement,
                  done_at: null,
                })),
              )
              .execute();
          }
          await trx.updateTable('conferences').set({ agreement: JSON.stringify({ ...parseAgreement(row), ...rest }), review_date: reviewDate, agreed_at: row.agreed_at ?? at }).where('id', '=', row.id).execute();
          // The review falls within three months (G:L160): it drives "review due" on the case.
          await trx
            .updateTable('cases')
            .set({ review_due: reviewDate })
            .where('id', '=', caseId)
            .where((eb) => eb.or([eb('review_due', 'is', null), eb('review_due', '>', reviewDate)]))
            .execute();
        },
        { items: items.length, disagreements: items.filter((i) => i.disagreement !== '').length + (rest.disagreements ? 1 : 0), acceptedAsSafe: rest.acceptedAsSafe },
        first ? { agreement: true, items: items.length, reviewDate } : null,
      );
    },

    'conference.familyCopyPdf': async ({ caseId, conferenceId }, env) => {
      await loadCase(env, caseId, 'read');
      const row = await conferenceRow(env.db(), caseId, conferenceId);
      if (!row) throw new AppError('NOT_FOUND', 'no such conference');
      if (row.agreed_at === null) throw conflict('noAgreement', 'record the agreement first');
      const { doc, sections } = await familyCopy(env.db(), row);
      const file = await documentToPdfFile(deps, doc, doc.title, row.date);
      await env.audit(env.db(), { action: 'conference.familyCopyPrinted', entityType: 'case', entityId: caseId, details: { conferenceId, language: row.family_language, sections } });
      return file;
    },

    'conference.invitationPdf': async ({ caseId, conferenceId, inviteeId }, env) => {
      await loadCase(env, caseId, 'read');
      const row = await conferenceRow(env.db(), caseId, conferenceId);
      if (!row) throw new AppError('NOT_FOUND', 'no such conference');
      const invitee = await env.db().selectFrom('conference_invitees').selectAll().where('id', '=', inviteeId).where('conference_id', '=', row.id).executeTakeFirst();
      if (!invitee) throw new AppError('NOT_FOUND', 'no such invitee');
      // An invitation is an invitation: the risk rule applies to printing it, too.
      assertMayAttend(await inviteeMember(env.db(), caseId, invitee.member_id), 'invited', invitee.safety_note);
      const doc = invitation(row, invitee);
      const file = await documentToPdfFile(deps, doc, doc.title, invitee.name);
      await env.audit(env.db(), { action: 'conference.invitationPrinted', entityType: 'case', entityId: caseId, details: { conferenceId, inviteeId, language: invitee.language } });
      return file;
    },

    'conference.dueCommitments': async ({ until, caseId }, env) => {
      if (caseId) await loadCase(env, caseId, 'read');
      const items = await dueCommitments(env, until, caseId);
      await env.audit(env.db(), {
        action: 'conference.dueCommitmentsViewed',
        ...(caseId ? { entityType: 'case', entityId: caseId } : {}),
        details: { count: items.length },
      });
      return items;
    },
  });
}
