// Node-only. Assessment templates as stored rows, and the rows as the shared shapes.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AssessmentTemplate, LocalizedText, TemplateDefinition } from '../../../shared/assessments/contract';
import type { DB } from '../db/schema';
import { nameOf } from './people';
import type { AssessmentTemplatesTable } from './tables';

export type TemplateRow = Selectable<AssessmentTemplatesTable>;
type Db = Kysely<DB> | Transaction<DB>;

export function toTemplate(row: TemplateRow, latestVersion: number, names: Map<string, string>): AssessmentTemplate {
  return {
    key: row.key,
    kind: row.kind,
    version: row.version,
    title: JSON.parse(row.title) as LocalizedText,
    definition: JSON.parse(row.definition) as TemplateDefinition,
    createdAt: row.created_at,
    createdBy: nameOf(names, row.created_by),
    latest: row.version === latestVersion,
  };
}

export async function templateRow(db: Db, key: string, version: number): Promise<TemplateRow | undefined> {
  return db.selectFrom('assessment_templates').selectAll().where('key', '=', key).where('version', '=', version).executeTakeFirst();
}

export async function latestVersions(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('assessment_templates')
    .select(['key', (eb) => eb.fn.max('version').as('version')])
    .groupBy('key')
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.version)]));
}
