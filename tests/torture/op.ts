// The torture suite's operation modules (tests/torture/ops/<name>.ts) each export a default object
// of this shape. The runner prepares a copy of a template office per trial, runs the operation in a
// child process that it may kill at any moment (or that dies at an injected fault point), then
// runs the generic checks and the op's own.

export interface TortureOp {
  name: string;
  /** Parent process, before each trial: build the data folder state the op starts from (an office with users and a few cases already exists in `dir`, created by the runner with the admin password `ctx.adminPassword`). */
  prepare(dir: string, ctx: TortureContext): Promise<void>;
  /** Child process: do the operation (it may be killed with SIGKILL at any moment). `faultPoint`, when set, is a named step at which the op should exit the process abruptly (process.exit(137) or an injected throw), for ops that support fault injection. */
  run(dir: string, ctx: TortureContext & { faultPoint?: string }): Promise<void>;
  /** Fault points this op supports (may be empty). */
  faultPoints?: readonly string[];
  /** Parent process, after the child died or finished: throw if anything op-specific is wrong (the runner's generic checks run too). */
  check(dir: string, ctx: TortureContext): Promise<void>;
}

export interface TortureContext {
  adminPassword: string;
  recoveryKey: string;
  seed: number;
}
