import type { Migration } from './types';

// The case list's total at 100 000 cases (issue 9: growth 10k -> 100k at most 2x for every list
// query). Counting a filter set's cases read the filter index entry by entry: 10.9 ms for the first
// page with its total at 100 000 cases against 2.1 ms at 10 000. The office's cases are now also
// counted per combination of the plain filters (stage, status, risk, priority, area: 3 591
// combinations at 100 000 cases), kept by triggers in the writing transaction; a total over those
// filters alone sums a few thousand rows whatever the office's size (cases/list.ts, cubeCount).
// And an index like the filter index but led by the area, for an area's cases read or counted
// without a stage (cases/list.ts, filterIndex).
const dims = ['stage', 'status', 'risk_rank', 'priority', 'area'] as const;
const key = (row: 'NEW' | 'OLD') => dims.map((d) => `${row}.${d}`).join(', ');
const add = (row: 'NEW' | 'OLD') =>
  `INSERT INTO case_counts (${dims.join(', ')}, n) VALUES (${key(row)}, 1) ON CONFLICT DO UPDATE SET n = n + 1;`;
const remove = (row: 'NEW' | 'OLD') => `UPDATE case_counts SET n = n - 1 WHERE ${dims.map((d) => `${d} = ${row}.${d}`).join(' AND ')};`;

export default {
  version: 28,
  name: 'case_counts',
  up(db) {
    db.exec(`
      CREATE TABLE case_counts (
        stage TEXT NOT NULL,
        status TEXT NOT NULL,
        risk_rank INTEGER NOT NULL,
        priority TEXT NOT NULL,
        area TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (${dims.join(', ')})
      ) STRICT, WITHOUT ROWID;
      INSERT INTO case_counts (${dims.join(', ')}, n) SELECT ${dims.join(', ')}, count(*) FROM cases GROUP BY ${dims.join(', ')};
      CREATE INDEX cases_list_area ON cases (area, stage, status, risk_rank, priority, review_due, worker_id, family_worker_id,
        updated_at, registered_at, seq, birth_year_sort, name_key);
      CREATE TRIGGER case_counts_insert AFTER INSERT ON cases BEGIN ${add('NEW')} END;
      CREATE TRIGGER case_counts_delete AFTER DELETE ON cases BEGIN ${remove('OLD')} END;
      CREATE TRIGGER case_counts_update AFTER UPDATE OF ${dims.join(', ')} ON cases
        WHEN ${dims.map((d) => `OLD.${d} IS NOT NEW.${d}`).join(' OR ')}
      BEGIN ${remove('OLD')} ${add('NEW')} END;
    `);
  },
} satisfies Migration;
