// Node-only. Office practice settings: everyone signed in reads them (the rules they feed are
// explained on screen); supervisors and administrators change them, audited with old and new values.
import { AppError } from '../../../shared/contract/errors';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { readPractice } from './settings';

const columns = {
  homeSafetyDays: 'home_safety_days',
  planDueDays: 'plan_due_days',
  alternativeCareWarnDays: 'alternative_care_warn_days',
  spontaneousVisitDays: 'spontaneous_visit_days',
  spontaneousBaselineDays: 'spontaneous_baseline_days',
  oneSupervisorMode: 'one_supervisor_mode',
  caseloadWarnSize: 'caseload_warn_size',
} as const;

export function createPracticeHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'practice.get': async (_input, env) => readPractice(env.db()),

    'practice.update': async (input, env) => {
      // Two roles share this right and no single permission names it: the office's way of working
      // is the supervisors' call, and the administrator sets up the office.
      if (env.session.role !== 'supervisor' && env.session.role !== 'admin') {
        await env.audit(env.db(), { action: 'access.denied', details: { channel: 'practice.update' } });
        throw new AppError('FORBIDDEN', 'only a supervisor or an administrator changes practice settings', { params: { channel: 'practice.update' } });
      }
      const before = await readPractice(env.db());
      const set: Record<string, number | string> = { updated_at: env.now().toISOString(), updated_by: env.session.userId };
      const changed: Record<string, { from: number | boolean; to: number | boolean }> = {};
      for (const [key, column] of Object.entries(columns) as [keyof typeof columns, (typeof columns)[keyof typeof columns]][]) {
        const value = input[key];
        if (value === undefined || value === before[key]) continue;
        set[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
        changed[key] = { from: before[key], to: value };
      }
      await env.tx(async (trx) => {
        await trx.updateTable('practice_settings').set(set).where('id', '=', 1).execute();
        await env.audit(trx, { action: 'office.practiceSettings', entityType: 'office', details: { changed } });
      });
      return readPractice(env.db());
    },
  });
}
