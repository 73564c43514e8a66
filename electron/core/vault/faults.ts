// Node-only. Fault injection for the crash tests: a named step where a test child process can ask
// to die at once (SIGKILL: no cleanup, no flush, no exit handlers — the same as a power cut for
// everything this process had not yet handed to the OS). Nothing in the app arms a fault point;
// only the torture children and the crash tests do, by calling `armFault`.
let armed: string | null = null;

export function armFault(point: string | null): void {
  armed = point;
}

/** Marks a step. Does nothing unless a test armed exactly this point. */
export function faultPoint(point: string): void {
  if (armed !== null && armed === point) process.kill(process.pid, 'SIGKILL');
}

/** Every fault point, by operation (the torture suite and the crash tests iterate these). */
export const faultPoints = {
  rotation: [
    'rotation.afterStage',
    // Mid-copy: the worker is still writing the new file when the process dies.
    'rotation.duringCopy',
    'rotation.afterCopy',
    'rotation.afterClose',
    'rotation.afterRename',
    'rotation.afterPromote',
  ],
  createUser: ['user.create.afterSlot', 'user.create.afterCommit'],
  removeUser: ['user.remove.afterCommit', 'user.remove.afterSlot'],
  // A password change and a reset share their steps (session/password.ts).
  password: ['password.afterStage', 'password.afterCommit', 'password.afterPromote'],
  reset: ['password.afterStage', 'password.afterCommit', 'password.afterPromote'],
} as const;
