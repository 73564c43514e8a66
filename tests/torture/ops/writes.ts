// Ordinary writes: a case worker registers children and writes notes, one transaction each.
import type { TortureOp } from '../op';
import { childDetails, loginClient, openTortureCore, staff, today } from '../office';

const op: TortureOp = {
  name: 'writes',
  async prepare() {},
  async run(dir, ctx) {
    const core = openTortureCore(dir);
    const worker = await loginClient(core, staff.worker.username, staff.worker.password);
    for (let n = 0; n < 12; n += 1) {
      const row = await worker.ok('cases.register', { child: childDetails(ctx.seed + n) });
      await worker.ok('notes.add', { caseId: row.id, note: { kind: 'home_visit', date: today(), text: `visit ${n}` } });
    }
    core.close();
  },
  async check(dir) {
    const core = openTortureCore(dir);
    try {
      const worker = await loginClient(core, staff.worker.username, staff.worker.password);
      // The list works and every registered case is reachable through it.
      const list = await worker.ok('cases.list', {});
      if ((list.total ?? 0) < 1) throw new Error('no cases listed');
      worker.close();
    } finally {
      core.close();
    }
  },
};
export default op;
