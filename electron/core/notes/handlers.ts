// Node-only. The notes feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createNotesHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
