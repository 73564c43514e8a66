// Node-only. The bid feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createBidHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
