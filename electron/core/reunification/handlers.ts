// Node-only. The reunification feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createReunificationHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
