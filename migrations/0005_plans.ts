import type { Migration } from './types';

// Case plans with versions, objectives and acknowledgement; preparation.
export default {
  version: 5,
  name: 'plans',
  up(_db) {
    // Filled in by the feature; tables are created here.
  },
} satisfies Migration;
