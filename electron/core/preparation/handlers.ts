// Node-only. The preparation feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createPreparationHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
