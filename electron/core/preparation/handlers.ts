// Node-only. The preparation feature's handlers (stage 2): the care arrangement while the child
// waits (also written to the case header, in the same transaction), the preparation checklist by
// area, and who will monitor after reunification.
import crypto from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import type { CareArrangementRecord, Monitor, PreparationItem, PreparationOverview } from '../../../shared/preparation/contract';
import { defaultPreparationItems, unfinishedItemStatuses } from '../../../shared/preparation/schemas';
import { assertEventDate } from '../cases/dates';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { DB } from '../db/schema';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import type { PreparationCareTable, PreparationItemsTable } from './tables';
import { eventFloor } from '../cases/paper';

type Db = Kysely<DB> | Transaction<DB>;

async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

function toCare(row: Selectable<PreparationCareTable>, names: Map<string, string>): CareArrangementRecord {
  return {
    id: row.id,
    arrangement: row.arrangement as CareArrangementRecord['arrangement'],
    place: row.place,
    distanceKm: row.distance_km,
    since: row.since,
    closeToHome: row.close_to_home === 1,
    confidential: row.confidential === 1,
    notes: row.notes,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by ? (names.get(row.recorded_by) ?? null) : null,
  };
}

function toItem(row: Selectable<PreparationItemsTable>): PreparationItem {
  return {
    id: row.id,
    area: row.area,
    description: row.description,
    templateKey: row.template_key,
    owner: row.owner,
    dueDate: row.due_date,
    status: row.status,
    notes: row.notes,
    updatedAt: row.updated_at,
  };
}

async function readOverview(db: Db, caseId: string): Promise<PreparationOverview> {
  const care = await db
    .selectFrom('preparation_care')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('recorded_at', 'desc')
    .orderBy('since', 'desc')
    .execute();
  const items = await db.selectFrom('preparation_items').selectAll().where('case_id', '=', caseId).orderBy('position').execute();
  const monitor = await db.selectFrom('preparation_monitors').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  const names = await userNames(db, [...care.map((c) => c.recorded_by), monitor?.updated_by ?? null]);
  const careRecords = care.map((c) => toCare(c, names));
  return {
    careArrangement: careRecords[0] ?? null,
    careHistory: careRecords.slice(1),
    items: items.map(toItem),
    openItems: items.filter((i) => unfinishedItemStatuses.includes(i.status)).length,
    monitor: monitor ? toMonitor(monitor, names) : null,
  };
}

function toMonitor(row: Selectable<DB['preparation_monitors']>, names: Map<string, string>): Monitor {
  return {
    name: row.name,
    role: row.role,
    contact: row.contact,
    agreedOn: row.agreed_on,
    notes: row.notes,
    updatedAt: row.updated_at,
    recordedByName: row.updated_by ? (names.get(row.updated_by) ?? null) : null,
  };
}

async function nextPosition(db: Db, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('preparation_items')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row?.position === null || row?.position === undefined ? 0 : Number(row.position) + 1;
}

// The earliest date an event may carry: registration, or the paper file's start (cases/paper.ts).
const registeredOn = eventFloor;

export function createPreparationHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'preparation.get': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const overview = await readOverview(env.db(), caseId);
      await recordCaseView(env, caseId, 'preparation');
      return overview;
    },

    'preparation.setCareArrangement': async ({ caseId, arrangement, place, distanceKm, since, closeToHome, confidential, notes }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      // The child may have been in this place since before the case was opened, but not before
      // they were separated (or born).
      assertEventDate(since, todayIso(env.now()), null, 'since');
      const earliest = caseRow.separation_date ?? caseRow.date_of_birth;
      if (earliest && since < earliest) {
        throw new AppError('INVALID_DATE', 'the child was not yet separated on this date', {
          issues: [{ path: ['since'], code: 'beforeSeparation', message: 'beforeSeparation' }],
          params: { field: 'since' },
        });
      }
      const now = env.now().toISOString();
      const row = {
        id: crypto.randomUUID(),
        case_id: caseId,
        arrangement,
        place,
        distance_km: distanceKm,
        since,
        close_to_home: closeToHome ? 1 : 0,
        confidential: confidential ? 1 : 0,
        notes,
        recorded_at: now,
        recorded_by: env.session.userId,
      };
      await env.tx(async (trx) => {
        await trx.insertInto('preparation_care').values(row).execute();
        await trx.updateTable('cases').set({ care_arrangement: arrangement, care_place: place }).where('id', '=', caseId).execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          'preparation.careArrangement',
          { arrangement, from: caseRow.care_arrangement, closeToHome, confidential, distanceKnown: distanceKm !== null },
          { arrangement, place, since, distanceKm },
        );
      });
      return toCare(row, new Map([[env.session.userId, env.session.displayName]]));
    },

    'preparation.saveItem': async ({ caseId, item }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      const existing = item.id
        ? await env.db().selectFrom('preparation_items').selectAll().where('id', '=', item.id).where('case_id', '=', caseId).executeTakeFirst()
        : undefined;
      if (item.id && !existing) throw new AppError('NOT_FOUND', 'no such preparation item');
      // A default item keeps its key (and its translated text) until its description is rewritten.
      const templateKey = existing && item.description === '' ? existing.template_key : null;
      if (item.description === '' && !templateKey) {
        throw new AppError('VALIDATION', 'describe what must be done', {
          issues: [{ path: ['item', 'description'], code: 'required', message: 'required' }],
        });
      }
      if (item.dueDate && item.dueDate < registeredOn(caseRow)) {
        throw new AppError('INVALID_DATE', 'the due date is before the case began', {
          issues: [{ path: ['item', 'dueDate'], code: 'beforeCase', message: 'beforeCase' }],
          params: { field: 'item.dueDate' },
        });
      }
      const now = env.now().toISOString();
      const id = existing?.id ?? crypto.randomUUID();
      const values = {
        area: item.area,
        template_key: templateKey,
        description: item.description,
        owner: item.owner,
        due_date: item.dueDate,
        status: item.status,
        notes: item.notes,
        updated_at: now,
      };
      await env.tx(async (trx) => {
        if (existing) {
          await trx.updateTable('preparation_items').set(values).where('id', '=', id).execute();
        } else {
          await trx
            .insertInto('preparation_items')
            .values({ id, case_id: caseId, ...values, position: await nextPosition(trx, caseId), created_at: now })
            .execute();
        }
        const changed = existing
          ? (['area', 'description', 'owner', 'due_date', 'status', 'notes'] as const).filter((k) => existing[k] !== values[k])
          : [];
        await recordCaseChange(
          env,
          trx,
          caseId,
          existing ? 'preparation.itemUpdated' : 'preparation.itemAdded',
          { itemId: id, area: item.area, status: item.status, fields: changed },
          { area: item.area, status: item.status },
        );
      });
      const saved = await env.db().selectFrom('preparation_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toItem(saved);
    },

    'preparation.removeItem': async ({ caseId, itemId }, env) => {
      await loadCase(env, caseId, 'write');
      const existing = await env
        .db()
        .selectFrom('preparation_items')
        .select(['id', 'area'])
        .where('id', '=', itemId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (!existing) throw new AppError('NOT_FOUND', 'no such preparation item');
      await env.tx(async (trx) => {
        await trx.deleteFrom('preparation_items').where('id', '=', itemId).execute();
        await recordCaseChange(env, trx, caseId, 'preparation.itemRemoved', { itemId, area: existing.area }, { area: existing.area });
      });
      return { removed: true };
    },

    'preparation.addDefaultItems': async ({ caseId, areas }, env) => {
      await loadCase(env, caseId, 'write');
      const present = new Set(
        (
          await env
            .db()
            .selectFrom('preparation_items')
            .select('template_key')
            .where('case_id', '=', caseId)
            .where('template_key', 'is not', null)
            .execute()
        ).map((r) => r.template_key),
      );
      // One click twice adds nothing twice.
      const wanted = defaultPreparationItems.filter((d) => (!areas || areas.includes(d.area)) && !present.has(d.key));
      const now = env.now().toISOString();
      const ids: string[] = [];
      if (wanted.length > 0) {
        await env.tx(async (trx) => {
          let position = await nextPosition(trx, caseId);
          for (const d of wanted) {
            const id = crypto.randomUUID();
            ids.push(id);
            await trx
              .insertInto('preparation_items')
              .values({
                id,
                case_id: caseId,
                area: d.area,
                template_key: d.key,
                description: '',
                owner: '',
                due_date: null,
                status: 'open',
                notes: '',
                position: position++,
                created_at: now,
                updated_at: now,
              })
              .execute();
          }
          await recordCaseChange(env, trx, caseId, 'preparation.defaultItemsAdded', { count: wanted.length }, { count: wanted.length });
        });
      }
      const items =
        ids.length > 0
          ? await env.db().selectFrom('preparation_items').selectAll().where('id', 'in', ids).orderBy('position').execute()
          : [];
      return { added: items.length, items: items.map(toItem) };
    },

    'preparation.setMonitor': async ({ caseId, name, role, contact, agreedOn, notes }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      assertEventDate(agreedOn, todayIso(env.now()), registeredOn(caseRow), 'agreedOn');
      const now = env.now().toISOString();
      const previous = await env.db().selectFrom('preparation_monitors').select('role').where('case_id', '=', caseId).executeTakeFirst();
      const row = { case_id: caseId, name, role, contact, agreed_on: agreedOn, notes, updated_at: now, updated_by: env.session.userId };
      await env.tx(async (trx) => {
        await trx
          .insertInto('preparation_monitors')
          .values(row)
          .onConflict((oc) => oc.column('case_id').doUpdateSet({ name, role, contact, agreed_on: agreedOn, notes, updated_at: now, updated_by: env.session.userId }))
          .execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          'preparation.monitorSet',
          { role, replaced: Boolean(previous) },
          { name, role, agreedOn },
        );
      });
      return toMonitor(row, new Map([[env.session.userId, env.session.displayName]]));
    },
  });
}
