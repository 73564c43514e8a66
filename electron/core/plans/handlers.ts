// Node-only. The plans feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createPlansHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
