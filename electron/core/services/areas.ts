// Node-only. The office's area hierarchy (region → district → … → village, as deep as it likes)
// and its optional boundaries, matched to areas by code from a GeoJSON file the office already has.
// Cases name their area in free text: an area is found by its code or its name, case-insensitively.
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Area, AreaInput } from '../../../shared/services/contract';
import { AppError } from '../../../shared/contract/errors';
import type { DB } from '../db/schema';
import type { ServiceAreasTable } from './tables';

type Db = Kysely<DB> | Transaction<DB>;
export type AreaRow = Pick<ServiceAreasTable, 'id' | 'code' | 'name' | 'level' | 'parent_id'> & { has_boundary: number };

export async function areaRows(db: Db): Promise<AreaRow[]> {
  return db
    .selectFrom('service_areas')
    .select(['id', 'code', 'name', 'level', 'parent_id', (eb) => eb.case().when('boundary', 'is not', null).then(1).else(0).end().as('has_boundary')])
    .orderBy('name')
    .execute();
}

export const toArea = (r: AreaRow): Area => ({ id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id, hasBoundary: r.has_boundary === 1 });

/** Ancestors and descendants of each area, computed once per call from the whole (small) tree. */
export class AreaTree {
  readonly byId = new Map<string, AreaRow>();
  readonly children = new Map<string, string[]>();
  readonly byText = new Map<string, string>();
  constructor(readonly rows: AreaRow[]) {
    for (const r of rows) {
      this.byId.set(r.id, r);
      if (r.parent_id) this.children.set(r.parent_id, [...(this.children.get(r.parent_id) ?? []), r.id]);
    }
    // Names first, codes after: a code is the more exact match and wins a clash.
    for (const r of rows) this.byText.set(r.name.trim().toLowerCase(), r.id);
    for (const r of rows) this.byText.set(r.code.trim().toLowerCase(), r.id);
  }
  ancestors(id: string): string[] {
    const out: string[] = [];
    let cur = this.byId.get(id)?.parent_id ?? null;
    while (cur && !out.includes(cur)) {
      out.push(cur);
      cur = this.byId.get(cur)?.parent_id ?? null;
    }
    return out;
  }
  descendants(id: string): string[] {
    const out: string[] = [];
    const stack = [...(this.children.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (out.includes(next)) continue;
      out.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return out;
  }
  /** The area a case's free-text area names, or null. */
  find(text: string): string | null {
    return this.byText.get(text.trim().toLowerCase()) ?? null;
  }
}

export async function writeArea(trx: Transaction<DB>, input: Required<AreaInput>, at: string): Promise<string> {
  const tree = new AreaTree(await areaRows(trx));
  const clash = tree.rows.find((r) => r.code.toLowerCase() === input.code.toLowerCase() && r.id !== input.id);
  if (clash) throw new AppError('VALIDATION', 'another area has this code', { issues: [{ path: ['area', 'code'], code: 'custom', message: 'duplicateCode' }] });
  if (input.id && !tree.byId.has(input.id)) throw new AppError('NOT_FOUND', 'no such area');
  if (input.parentId) {
    if (!tree.byId.has(input.parentId)) throw new AppError('VALIDATION', 'unknown parent', { issues: [{ path: ['area', 'parentId'], code: 'custom', message: 'unknownArea' }] });
    // An area cannot sit under itself or one of its own sub-areas.
    if (input.id && (input.parentId === input.id || tree.descendants(input.id).includes(input.parentId))) {
      throw new AppError('VALIDATION', 'an area cannot be inside itself', { issues: [{ path: ['area', 'parentId'], code: 'custom', message: 'cycle' }] });
    }
  }
  const values = { code: input.code, name: input.name, level: input.level, parent_id: input.parentId, updated_at: at };
  if (input.id) {
    await trx.updateTable('service_areas').set(values).where('id', '=', input.id).execute();
    return input.id;
  }
  const id = crypto.randomUUID();
  await trx.insertInto('service_areas').values({ ...values, id, boundary: null, created_at: at }).execute();
  return id;
}

interface Feature {
  type?: unknown;
  properties?: Record<string, unknown> | null;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

const polygonal = new Set(['Polygon', 'MultiPolygon']);

/** The features of a GeoJSON FeatureCollection that carry a polygon and a code; refuses anything else. */
export function parseBoundaries(text: string, codeProperty: string, nameProperty: string): { code: string; name: string; geometry: string }[] {
  let doc: { type?: unknown; features?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    throw new AppError('VALIDATION', 'not JSON', { issues: [{ path: ['geojson'], code: 'custom', message: 'notGeoJson' }] });
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new AppError('VALIDATION', 'not a FeatureCollection', { issues: [{ path: ['geojson'], code: 'custom', message: 'notGeoJson' }] });
  }
  const out: { code: string; name: string; geometry: string }[] = [];
  for (const f of doc.features as Feature[]) {
    const code = f?.properties?.[codeProperty];
    if ((typeof code !== 'string' && typeof code !== 'number') || !f.geometry || !polygonal.has(String(f.geometry.type)) || !Array.isArray(f.geometry.coordinates)) continue;
    const name = f.properties?.[nameProperty];
    out.push({
      code: String(code).trim().slice(0, 40),
      name: (typeof name === 'string' && name.trim() ? name.trim() : String(code)).slice(0, 120),
      geometry: JSON.stringify({ type: f.geometry.type, coordinates: f.geometry.coordinates }),
    });
  }
  return out;
}
