// Node-only. The family feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createFamilyHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
