// Node-only. After the meeting: each person present answers the agreement (acknowledges it, or is
// recorded as declining or absent with a reason), and the commitments are marked done with the day
// and the evidence. Both go through the conference's one write path (handlers.ts `change`): scope
// checked, one transaction, audited (ids and outcomes, never the evidence's text) and on the timeline.
import type { Transaction } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import type { DB } from '../db/schema';
import { defineHandlers, type HandlerEnv } from '../handler';
import type { ConferenceRow } from './read';
import type { Conference } from '../../../shared/conference/contract';

export interface ConferenceWriter {
  forWrite(env: HandlerEnv, caseId: string, conferenceId: string): Promise<ConferenceRow>;
  change(
    env: HandlerEnv,
    row: ConferenceRow,
    action: string,
    work: (trx: Transaction<DB>, at: string) => Promise<void>,
    details?: Record<string, unknown>,
    timeline?: Record<string, unknown> | null,
  ): Promise<Conference>;
}

const conflict = (reason: string, message: string) => new AppError('CONFLICT', message, { params: { reason } });

/** Everyone recorded as present has an answer recorded (read inside the writing transaction). */
async function everyoneAnswered(trx: Transaction<DB>, conferenceId: string): Promise<boolean> {
  const present = await trx.selectFrom('conference_invitees').select('ack_outcome').where('conference_id', '=', conferenceId).where('status', '=', 'attended').execute();
  return present.length > 0 && present.every((p) => p.ack_outcome !== null);
}

export function createFollowUpHandlers({ forWrite, change }: ConferenceWriter) {
  return defineHandlers({
    'conference.recordAcknowledgement': async ({ caseId, conferenceId, acknowledgement }, env) => {
      const row = await forWrite(env, caseId, conferenceId);
      if (row.agreed_at === null) throw conflict('noAgreement', 'record the agreement first');
      const invitee = await env.db().selectFrom('conference_invitees').select(['id', 'status']).where('id', '=', acknowledgement.inviteeId).where('conference_id', '=', row.id).executeTakeFirst();
      if (!invitee) throw new AppError('NOT_FOUND', 'no such invitee');
      // Only the people in the room answer the agreement; mark them present first.
      if (invitee.status !== 'attended') throw conflict('notPresent', 'this person is not recorded as present');
      const { outcome } = acknowledgement;
      const details: Record<string, unknown> = { inviteeId: invitee.id, outcome };
      return change(
        env,
        row,
        'conference.acknowledgementRecorded',
        async (trx, at) => {
          await trx
            .updateTable('conference_invitees')
            .set({ ack_outcome: outcome, ack_reason: outcome === 'acknowledged' ? '' : acknowledgement.reason, ack_by: env.session.userId, ack_at: at })
            .where('id', '=', invitee.id)
            .execute();
          details.acknowledgedByAll = await everyoneAnswered(trx, row.id);
        },
        details,
        { acknowledgement: outcome },
      );
    },

    'conference.markCommitmentDone': async ({ caseId, conferenceId, done }, env) => {
      const row = await forWrite(env, caseId, conferenceId);
      const item = await env.db().selectFrom('conference_commitments').select(['id', 'done_at']).where('id', '=', done.itemId).where('conference_id', '=', row.id).executeTakeFirst();
      if (!item) throw new AppError('NOT_FOUND', 'no such commitment');
      if (item.done_at !== null) throw conflict('alreadyDone', 'this commitment is already marked done');
      // Done between the conference and today: a later day is a wish, an earlier one a mistake.
      if (done.doneOn < row.date || done.doneOn > todayIso(env.now())) {
        throw new AppError('INVALID_DATE', 'the day it was done must fall between the conference and today', {
          issues: [{ path: ['done', 'doneOn'], code: 'doneBetweenConferenceAndToday', message: 'doneBetweenConferenceAndToday' }],
          params: { field: 'done.doneOn' },
        });
      }
      return change(
        env,
        row,
        'conference.commitmentDone',
        (trx, at) =>
          trx
            .updateTable('conference_commitments')
            .set({ done_at: at, done_on: done.doneOn, done_by: env.session.userId, done_evidence: done.evidence })
            .where('id', '=', item.id)
            .execute()
            .then(() => undefined),
        { itemId: item.id, doneOn: done.doneOn },
        { commitmentDone: true, doneOn: done.doneOn },
      );
    },
  });
}
