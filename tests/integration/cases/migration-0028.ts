// The upgrade case for migration 0028 (the cases counted per combination of the list's plain
// filters): an office at version 27 with cases in a few stages and areas; at version 28 the counts
// equal the cases grouped, and a new case, a move between stages, areas or risk, and a removed case
// keep them equal (triggers in the writing transaction).
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { caseRow, insertRow, type MigrationCase } from '../../fixtures/migrations';

const at = '2025-02-01T08:00:00.000Z';
const kept = (raw: RawDatabase) =>
  raw.prepare(`SELECT stage, status, risk_rank, priority, area, n FROM case_counts WHERE n != 0 ORDER BY 1, 2, 3, 4, 5`).all();
const grouped = (raw: RawDatabase) =>
  raw.prepare(`SELECT stage, status, risk_rank, priority, area, count(*) AS n FROM cases GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`).all();
const aCase = (n: number, stage: string, area: string) => caseRow(`m28-case-${n}`, 90280 + n, at, { stage, area, risk_level: 'medium', risk_rank: 2 });

export const migration0028Case: MigrationCase = {
  seed(raw) {
    insertRow(raw, 'cases', aCase(1, 'preparation', 'Nwoya'));
    insertRow(raw, 'cases', aCase(2, 'preparation', 'Nwoya'));
    insertRow(raw, 'cases', aCase(3, 'follow_up', 'Omoro'));
  },
  check(raw) {
    expect(kept(raw)).toEqual(grouped(raw));
    const nwoya = () => raw.prepare(`SELECT sum(n) AS n FROM case_counts WHERE stage = 'preparation' AND area = 'Nwoya'`).get();
    expect(nwoya()).toEqual({ n: 2 });
    insertRow(raw, 'cases', aCase(4, 'preparation', 'Nwoya'));
    expect(nwoya()).toEqual({ n: 3 });
    raw.prepare(`UPDATE cases SET stage = 'reunification' WHERE id = 'm28-case-1'`).run();
    raw.prepare(`UPDATE cases SET area = 'Omoro', risk_level = 'high', risk_rank = 3 WHERE id = 'm28-case-2'`).run();
    raw.prepare(`UPDATE cases SET given_name = 'Okot' WHERE id = 'm28-case-4'`).run();
    expect(nwoya()).toEqual({ n: 1 });
    raw.prepare(`DELETE FROM cases WHERE id = 'm28-case-4'`).run();
    expect(nwoya()).toEqual({ n: 0 });
    expect(kept(raw)).toEqual(grouped(raw));
  },
};
