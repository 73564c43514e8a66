import type { Migration } from './types';

// Family network, consent and assent, case notes and documents.
export default {
  version: 3,
  name: 'family',
  up(_db) {
    // Filled in by the feature; tables are created here.
  },
} satisfies Migration;
