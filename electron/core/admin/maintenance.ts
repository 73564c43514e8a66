// Node-only. Office-wide maintenance (today: key rotation). While it runs, the office is locked:
// every call but the status is refused with OFFICE_BUSY and its reason, so nobody writes to a
// database that is being copied, and every screen can say why it waits.
import { AppError } from '../../../shared/contract/errors';
import type { Maintenance } from '../../../shared/session/contract';

export class MaintenanceState {
  private state: Maintenance | null = null;

  get current(): Maintenance | null {
    return this.state ? { ...this.state } : null;
  }

  /** Runs `work` as the office's one maintenance task; refuses a second one. */
  async run<T>(kind: Maintenance['kind'], now: Date, work: (progress: (fraction: number) => void) => Promise<T>): Promise<T> {
    if (this.state) throw this.busyError();
    this.state = { kind, percent: 0, startedAt: now.toISOString() };
    try {
      return await work((fraction) => {
        if (this.state) this.state.percent = Math.max(this.state.percent, Math.min(100, Math.floor(fraction * 100)));
      });
    } finally {
      this.state = null;
    }
  }

  busyError(): AppError {
    const state = this.state;
    return new AppError('OFFICE_BUSY', `the office is locked: ${state?.kind ?? 'maintenance'} in progress`, {
      params: { reason: state?.kind ?? 'keyRotation', percent: state?.percent ?? 0 },
    });
  }
}
