// Node-only. The contacts feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createContactsHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
