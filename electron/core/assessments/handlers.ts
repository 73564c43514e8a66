// Node-only. The assessments feature's handlers.
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

export function createAssessmentsHandlers(_deps: CoreDeps) {
  return defineHandlers({});
}
