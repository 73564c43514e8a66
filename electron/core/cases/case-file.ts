// Node-only. The case file as every case channel answers it (header, facts, the next step), and
// the small checks the case channels share: who may hold a case, and that a case is open.
import type { CaseFile } from '../../../shared/cases/contract';
import { todayIso } from '../../../shared/cases/fields';
import { nextStep } from '../../../shared/cases/stages';
import { parseAbsence } from '../../../shared/casework/child-views';
import { AppError } from '../../../shared/contract/errors';
import { can } from '../../../shared/permissions';
import type { CoreDeps } from '../deps';
import type { HandlerEnv } from '../handler';
import { factOptions, loadFacts } from './facts';
import { ageOf, riskShown, toChild } from './rows';
import { loadCase, type CaseDbRow } from './scope';
import { timelinessOf } from './timeliness';

export function createCaseFiles(deps: CoreDeps) {
  async function staffMember(env: HandlerEnv, id: string) {
    const user = await env
      .db()
      .selectFrom('users')
      .select(['id', 'display_name', 'role'])
      .where('id', '=', id)
      .where('active', '=', 1)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!user || user.role === 'admin') {
      throw new AppError('VALIDATION', 'this user cannot hold cases', {
        issues: [{ path: ['workerId'], code: 'notCaseStaff', message: 'notCaseStaff' }],
      });
    }
    return user;
  }

  async function displayName(env: HandlerEnv, id: string | null): Promise<string | null> {
    if (!id) return null;
    const row = await env.db().selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
    return row?.display_name ?? null;
  }

  async function caseFile(env: HandlerEnv, row: CaseDbRow): Promise<CaseFile> {
    const facts = await loadFacts(env.db(), row.id, await factOptions(deps, env.db(), env.now()));
    const photo = await env.db().selectFrom('case_photos').select('case_id').where('case_id', '=', row.id).executeTakeFirst();
    const today = todayIso(env.now());
    return {
      id: row.id,
      number: row.number,
      officeCode: row.office_code,
      child: toChild(row),
      ageYears: ageOf(row, today),
      hasPhoto: Boolean(photo),
      stage: row.stage,
      status: row.status,
      halt:
        row.status === 'halted' && row.halt_alternative
          ? {
              alternative: row.halt_alternative as NonNullable<CaseFile['halt']>['alternative'],
              reason: row.halt_reason ?? '',
              childViews: row.halt_child_views ?? '',
              childViewsAbsent: parseAbsence(row.halt_child_views_absent),
              haltedAt: row.halted_at ?? '',
              reviewDue: row.halt_review_due,
            }
          : null,
      riskLevel: riskShown(row),
      priority: row.priority,
      spontaneous: row.spontaneous === 1,
      spontaneousKind: (row.spontaneous_kind as CaseFile['spontaneousKind']) ?? null,
      spontaneousKindOther: row.spontaneous_kind_other,
      paper: row.paper_since ? { since: row.paper_since, markedByName: await displayName(env, row.paper_marked_by), markedAt: row.paper_marked_at ?? '' } : null,
      workerId: row.worker_id,
      workerName: await displayName(env, row.worker_id),
      familyWorkerId: row.family_worker_id,
      familyWorkerName: await displayName(env, row.family_worker_id),
      registeredAt: row.registered_at,
      updatedAt: row.updated_at,
      reviewDue: row.review_due,
      timeliness: await timelinessOf(env.db(), row, facts, today),
      version: row.version,
      facts: { ...facts },
      next: row.status === 'open' ? nextStep(row.stage, facts) : { to: null, blocked: [] },
      canWrite: can(env.session.role, 'case.write') && row.status !== 'closed',
    };
  }

  async function reload(env: HandlerEnv, caseId: string): Promise<CaseFile> {
    return caseFile(env, await loadCase(env, caseId, 'read'));
  }

  function assertOpen(row: CaseDbRow): void {
    if (row.status !== 'open') {
      throw new AppError('CONFLICT', 'this case is halted or closed', { params: { reason: row.status } });
    }
  }

  return { staffMember, displayName, caseFile, reload, assertOpen };
}
