import type { Migration } from './types';

// Contact ladder and reunification record.
export default {
  version: 6,
  name: 'reunification',
  up(_db) {
    // Filled in by the feature; tables are created here.
  },
} satisfies Migration;
