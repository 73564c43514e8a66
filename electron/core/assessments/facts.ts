// Node-only. What the assessments feature tells the stage gates: which kinds of assessment have
// been completed for the case (a draft does not count), and whether the latest child and family
// assessments say "no" to the return (issue 7: "Does the family want the child back? — No" must
// not pass silently; a supervisor reviews it through a gate exception).
import { sql, type Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';
import { byCase, factsFor, forCases } from '../cases/facts-many';

/** The shipped templates' willingness questions (migrations/0004_assessments.ts). */
const willingness = { child: 'wants_to_return', family: 'wants_child_back' } as const;

interface Row {
  kind: string;
  /** The answer to the kind's willingness question (null for other kinds or none given). */
  willing: unknown;
}

function assessed(rows: readonly Row[]): Partial<CaseFacts> {
  const kinds = new Set(rows.map((r) => r.kind));
  const saysNo = (kind: 'child' | 'family') => rows.find((r) => r.kind === kind)?.willing === 'no';
  return {
    childAssessed: kinds.has('child'),
    familyAssessed: kinds.has('family'),
    communityAssessed: kinds.has('community'),
    returnWanted: !saysNo('child') && !saysNo('family'),
  };
}

/** For each case, one query for all of them; each case's rows newest first. */
export async function assessmentsFacts(db: Kysely<DB>, caseIds: readonly string[]): Promise<Map<string, Partial<CaseFacts>>> {
  const rows = await forCases(caseIds, (list) =>
    db
      .selectFrom('assessments')
      // Only the willingness answer is read from the answers, in SQL: the whole JSON of 200 cases'
      // assessments was carried to JavaScript and parsed to look at one field.
      .select([
        'case_id',
        'kind',
        sql<unknown>`CASE kind WHEN 'child' THEN answers ->> ${'$.' + willingness.child} WHEN 'family' THEN answers ->> ${'$.' + willingness.family} END`.as('willing'),
      ])
      .where('case_id', 'in', list)
      .where('status', '=', 'completed')
      .orderBy('case_id')
      .orderBy('date', 'desc')
      .orderBy('completed_at', 'desc')
      .execute(),
  );
  const grouped = byCase(rows);
  return factsFor(caseIds, (id) => assessed(grouped.get(id) ?? []));
}
