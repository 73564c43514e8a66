// Node-only. The consents feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createConsentsHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
