import type { Migration } from './types';

// Tracing log, assessment templates and assessments, risk and safety plan, best interests determination.
export default {
  version: 4,
  name: 'assessments',
  up(_db) {
    // Filled in by the feature; tables are created here.
  },
} satisfies Migration;
