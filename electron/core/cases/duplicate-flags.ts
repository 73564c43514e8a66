// Node-only. "Ask a supervisor" about a likely duplicate the case worker may not look at. Raising a
// flag reads nothing of the matched case (only that it exists); the supervisor's list shows the
// child's name and is audited as a view of each case in it.
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createDuplicateFlagHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'cases.flagDuplicate': async ({ caseId, score, note }, env) => {
      const exists = await env.db().selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
      if (!exists) throw new AppError('NOT_FOUND', 'no such case');
      const open = await env
        .db()
        .selectFrom('duplicate_flags')
        .select('id')
        .where('case_id', '=', caseId)
        .where('raised_by', '=', env.session.userId)
        .where('resolved_at', 'is', null)
        .executeTakeFirst();
      // Asking twice about the same case while the first question is open adds nothing.
      if (open) return { flagId: open.id };
      const id = crypto.randomUUID();
      await env.tx(async (trx) => {
        await trx
          .insertInto('duplicate_flags')
          .values({ id, case_id: caseId, raised_by: env.session.userId, raised_at: env.now().toISOString(), score, note, resolved_at: null, resolved_by: null, outcome: null })
          .execute();
        await env.audit(trx, { action: 'case.duplicateFlagged', entityType: 'case', entityId: caseId, details: { flagId: id } });
      });
      return { flagId: id };
    },

    'cases.duplicateFlags': async (_input, env) => {
      const rows = await env
        .db()
        .selectFrom('duplicate_flags as f')
        .innerJoin('cases as c', 'c.id', 'f.case_id')
        .leftJoin('users as w', 'w.id', 'c.worker_id')
        .leftJoin('users as r', 'r.id', 'f.raised_by')
        .select([
          'f.id',
          'f.case_id',
          'f.raised_at',
          'f.score',
          'f.note',
          'c.number',
          'c.given_name',
          'c.family_name',
          'c.area',
          'w.display_name as worker_name',
          'r.display_name as raised_by_name',
        ])
        .where('f.resolved_at', 'is', null)
        .orderBy('f.raised_at', 'asc')
        .limit(200)
        .execute();
      if (rows.length > 0) {
        await env.audit(env.db(), {
          action: 'case.view',
          entityType: 'case',
          details: { part: 'duplicateFlags', caseIds: [...new Set(rows.map((r) => r.case_id))] },
        });
      }
      return rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        number: r.number,
        childName: [r.given_name, r.family_name].filter(Boolean).join(' '),
        area: r.area,
        workerName: r.worker_name,
        raisedByName: r.raised_by_name,
        raisedAt: r.raised_at,
        score: r.score,
        note: r.note,
      }));
    },

    'cases.resolveDuplicateFlag': async ({ flagId, outcome }, env) => {
      const flag = await env.db().selectFrom('duplicate_flags').select(['case_id', 'resolved_at']).where('id', '=', flagId).executeTakeFirst();
      if (!flag) throw new AppError('NOT_FOUND', 'no such flag');
      if (flag.resolved_at) throw new AppError('CONFLICT', 'this flag was already settled', { params: { reason: 'resolved' } });
      await env.tx(async (trx) => {
        await trx
          .updateTable('duplicate_flags')
          .set({ resolved_at: env.now().toISOString(), resolved_by: env.session.userId, outcome })
          .where('id', '=', flagId)
          .execute();
        await env.audit(trx, { action: 'case.duplicateFlagResolved', entityType: 'case', entityId: flag.case_id, details: { flagId, outcome } });
      });
      return { resolved: true as const };
    },
  });
}
