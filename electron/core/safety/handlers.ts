// Node-only. The safety feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createSafetyHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
