// Node-only. The tracing feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createTracingHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
