// Node-only. Best Interests Determinations: the worker drafts and submits; a supervisor approves
// or returns with a comment. An approved BID is final: a new determination is a new record.
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import {
  bidMissing,
  editableBidStatuses,
  type Bid,
  type BidFields,
  type BidStatus,
  type PanelMember,
} from '../../../shared/bid/contract';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { nameOf, staffNames } from '../assessments/people';
import { assertFourEyes } from '../approvals/queries';
import { assertEventDate } from '../cases/dates';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { parseAbsence } from '../../../shared/casework/child-views';
import type { BidsTable } from './tables';
import { eventFloor } from '../cases/paper';

type BidRow = Selectable<BidsTable>;

function fieldsOf(row: BidRow): BidFields {
  return {
    date: row.date,
    panel: JSON.parse(row.panel) as PanelMember[],
    optionsConsidered: JSON.parse(row.options_considered) as BidFields['optionsConsidered'],
    childViews: row.child_views,
    childViewsAbsent: parseAbsence(row.child_views_absent),
    decision: row.decision,
    decisionOther: row.decision_other,
    reasons: row.reasons,
  };
}

function toBid(row: BidRow, names: Map<string, string>): Bid {
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status,
    ...fieldsOf(row),
    reviewComment: row.review_comment,
    recordedBy: nameOf(names, row.created_by),
    submittedAt: row.submitted_at,
    submittedBy: nameOf(names, row.submitted_by),
    decidedAt: row.decided_at,
    decidedBy: nameOf(names, row.decided_by),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

const conflict = (reason: string, message: string) => new AppError('CONFLICT', message, { params: { reason } });

export function createBidHandlers(_deps: CoreDeps) {
  async function bidOf(env: HandlerEnv, caseId: string, bidId: string): Promise<BidRow> {
    const row = await env.db().selectFrom('bids').selectAll().where('id', '=', bidId).where('case_id', '=', caseId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'no such best interests determination');
    return row;
  }

  async function present(env: HandlerEnv, caseId: string, bidId: string): Promise<Bid> {
    const row = await bidOf(env, caseId, bidId);
    return toBid(row, await staffNames(env.db(), [row.created_by, row.submitted_by, row.decided_by]));
  }

  /** Moves a BID from one status to another, refusing a stale version or a wrong status. */
  async function transition(
    env: HandlerEnv,
    input: { caseId: string; bidId: string; version: number },
    from: readonly BidStatus[],
    to: BidStatus,
    set: Partial<BidRow>,
    event: { type: string; timeline: Record<string, unknown> },
  ): Promise<Bid> {
    const before = await bidOf(env, input.caseId, input.bidId);
    if (before.version !== input.version) throw conflict('version', 'someone else changed this determination; reload it');
    if (!from.includes(before.status)) throw conflict(before.status, `a ${before.status} determination cannot be ${to}`);
    await env.tx(async (trx) => {
      const result = await trx
        .updateTable('bids')
        .set({ ...set, status: to, updated_at: env.now().toISOString(), version: input.version + 1 })
        .where('id', '=', input.bidId)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw conflict('version', 'someone else changed this determination; reload it');
      await recordCaseChange(env, trx, input.caseId, event.type, { bidId: input.bidId, status: to }, event.timeline);
    });
    return present(env, input.caseId, input.bidId);
  }

  return defineHandlers({
    'bid.list': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const rows = await env.db().selectFrom('bids').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('date', 'desc').execute();
      await recordCaseView(env, caseId, 'bid');
      const names = await staffNames(env.db(), rows.map((r) => r.decided_by));
      return rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        status: r.status,
        date: r.date,
        decision: r.decision,
        submittedAt: r.submitted_at,
        decidedAt: r.decided_at,
        decidedBy: nameOf(names, r.decided_by),
        updatedAt: r.updated_at,
        version: r.version,
      }));
    },

    'bid.get': async ({ caseId, bidId }, env) => {
      await loadCase(env, caseId, 'read');
      const bid = await present(env, caseId, bidId);
      await recordCaseView(env, caseId, 'bid');
      return bid;
    },

    'bid.save': async ({ caseId, bidId, version, bid }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      assertEventDate(bid.date, todayIso(env.now()), eventFloor(kase), 'bid.date');
      const now = env.now().toISOString();
      const content = {
        date: bid.date,
        panel: JSON.stringify(bid.panel),
        options_considered: JSON.stringify(bid.optionsConsidered),
        child_views: bid.childViews,
        child_views_absent: bid.childViewsAbsent ? JSON.stringify(bid.childViewsAbsent) : null,
        decision: bid.decision,
        decision_other: bid.decision === 'other' ? bid.decisionOther : '',
        reasons: bid.reasons,
        updated_at: now,
      };
      const id = bidId ?? crypto.randomUUID();
      if (bidId) {
        const before = await bidOf(env, caseId, bidId);
        if (version === undefined) {
          throw new AppError('VALIDATION', 'the version is missing', { issues: [{ path: ['version'], code: 'required', message: 'required' }] });
        }
        if (!editableBidStatuses.includes(before.status)) {
          throw conflict(before.status, 'this determination can no longer be changed');
        }
        await env.tx(async (trx) => {
          const result = await trx
            .updateTable('bids')
            .set({ ...content, version: version + 1 })
            .where('id', '=', bidId)
            .where('version', '=', version)
            .where('status', 'in', [...editableBidStatuses])
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) throw conflict('version', 'someone else changed this determination; reload it');
          await recordCaseChange(env, trx, caseId, 'bid.save', { bidId, status: before.status }, { date: bid.date, status: before.status });
        });
      } else {
        await env.tx(async (trx) => {
          const open = await trx
            .selectFrom('bids')
            .select('id')
            .where('case_id', '=', caseId)
            .where('status', 'in', ['draft', 'submitted', 'returned'])
            .executeTakeFirst();
          if (open) throw conflict('openBid', 'this case already has a determination in progress');
          await trx
            .insertInto('bids')
            .values({
              id,
              case_id: caseId,
              status: 'draft',
              ...content,
              review_comment: '',
              created_at: now,
              created_by: env.session.userId,
              submitted_at: null,
              submitted_by: null,
              decided_at: null,
              decided_by: null,
              version: 1,
            })
            .execute();
          await recordCaseChange(env, trx, caseId, 'bid.create', { bidId: id, status: 'draft' }, { date: bid.date, status: 'draft' });
        });
      }
      return present(env, caseId, id);
    },

    'bid.submit': async (input, env) => {
      await loadCase(env, input.caseId, 'write');
      const before = await bidOf(env, input.caseId, input.bidId);
      const issues = bidMissing(fieldsOf(before));
      if (issues.length > 0 && editableBidStatuses.includes(before.status)) {
        throw new AppError('VALIDATION', 'the determination is not complete', { issues });
      }
      return transition(env, input, editableBidStatuses, 'submitted', { submitted_at: env.now().toISOString(), submitted_by: env.session.userId }, {
        type: 'bid.submit',
        timeline: { date: before.date, decision: before.decision },
      });
    },

    'bid.approve': async (input, env) => {
      // 'write' also refuses closed cases; approval is a change to the case.
      const kase = await loadCase(env, input.caseId, 'write');
      const before = await bidOf(env, input.caseId, input.bidId);
      // Four eyes (G:L292): not the supervisor who submitted it or holds the case.
      const { selfApproval } = await assertFourEyes(env, kase, before.submitted_by);
      return transition(
        env,
        input,
        ['submitted'],
        'approved',
        { decided_at: env.now().toISOString(), decided_by: env.session.userId, review_comment: input.comment, self_approved: selfApproval ? 1 : 0 },
        { type: 'bid.approve', timeline: { decision: before.decision, comment: input.comment, selfApproved: selfApproval } },
      );
    },

    'bid.return': async (input, env) => {
      await loadCase(env, input.caseId, 'write');
      return transition(
        env,
        input,
        ['submitted'],
        'returned',
        { decided_at: env.now().toISOString(), decided_by: env.session.userId, review_comment: input.comment },
        { type: 'bid.return', timeline: { comment: input.comment } },
      );
    },
  });
}
