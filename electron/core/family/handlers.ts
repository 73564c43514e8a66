// Node-only. The family feature's handlers: the child's relatives, siblings and other important
// people — listed, added or updated (with a stale-form check), and removed softly with a reason.
import crypto from 'node:crypto';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import type { FamilyMember } from '../../../shared/family/contract';
import { assertEventDate } from '../cases/dates';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { memberColumns, toMember, type MemberColumns, type MemberDbRow } from './rows';

/** Caregivers first, then relatives, siblings and the wider network, oldest record first. */
const kindOrder = { relative: 0, sibling: 1, important_person: 2 } as const;
function byNetworkOrder(a: FamilyMember, b: FamilyMember): number {
  return (
    Number(b.isCaregiver) - Number(a.isCaregiver) ||
    kindOrder[a.kind] - kindOrder[b.kind] ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

/** What the timeline shows about a person: who they are to the child (case readers see it). */
function timelineOf(row: Pick<MemberDbRow, 'id' | 'kind' | 'relationship' | 'role' | 'given_name' | 'family_name'>) {
  return {
    memberId: row.id,
    kind: row.kind,
    relationship: row.relationship,
    role: row.role,
    name: [row.given_name, row.family_name].filter(Boolean).join(' '),
  };
}

async function activeMember(env: HandlerEnv, caseId: string, memberId: string): Promise<MemberDbRow> {
  const row = await env
    .db()
    .selectFrom('family_members')
    .selectAll()
    .where('id', '=', memberId)
    .where('case_id', '=', caseId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such person in this case');
  return row;
}

export function createFamilyHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'family.list': async ({ caseId, includeRemoved }, env) => {
      await loadCase(env, caseId, 'read');
      let query = env
        .db()
        .selectFrom('family_members')
        .leftJoin('users', 'users.id', 'family_members.removed_by')
        .selectAll('family_members')
        .select('users.display_name as removed_by_name')
        .where('family_members.case_id', '=', caseId);
      if (!includeRemoved) query = query.where('family_members.removed_at', 'is', null);
      const rows = await query.execute();
      await recordCaseView(env, caseId, 'family');
      const today = todayIso(env.now());
      return rows.map((r) => toMember(r, today)).sort(byNetworkOrder);
    },

    'family.save': async ({ caseId, member }, env) => {
      await loadCase(env, caseId, 'write');
      const today = todayIso(env.now());
      if (member.dateOfBirth) assertEventDate(member.dateOfBirth, today, null, 'member.dateOfBirth');
      const columns = memberColumns(member);
      const now = env.now().toISOString();
      const userId = env.session.userId;

      if (member.id === undefined) {
        const id = crypto.randomUUID();
        await env.tx(async (trx) => {
          await trx
            .insertInto('family_members')
            .values({
              id,
              case_id: caseId,
              ...columns,
              created_at: now,
              created_by: userId,
              updated_at: now,
              updated_by: userId,
              version: 1,
              removed_at: null,
              removed_by: null,
              removed_reason: null,
            })
            .execute();
          await recordCaseChange(
            env,
            trx,
            caseId,
            'family.memberAdd',
            { memberId: id, kind: columns.kind, relationship: columns.relationship, role: columns.role, caregiver: member.isCaregiver },
            timelineOf({ id, ...columns }),
          );
        });
        return toMember(await activeMember(env, caseId, id), today);
      }

      const before = await activeMember(env, caseId, member.id);
      if (before.version !== member.version) {
        throw new AppError('CONFLICT', 'someone else changed this person; reload', { params: { reason: 'version' } });
      }
      const changed = (Object.keys(columns) as (keyof MemberColumns)[]).filter((key) => before[key] !== columns[key]);
      const id = before.id;
      if (changed.length > 0) {
        await env.tx(async (trx) => {
          const result = await trx
            .updateTable('family_members')
            .set({ ...columns, updated_at: now, updated_by: userId, version: before.version + 1 })
            .where('id', '=', id)
            .where('version', '=', before.version)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) {
            throw new AppError('CONFLICT', 'someone else changed this person; reload', { params: { reason: 'version' } });
          }
          await recordCaseChange(
            env,
            trx,
            caseId,
            'family.memberUpdate',
            { memberId: id, kind: columns.kind, fields: changed },
            { ...timelineOf({ id, ...columns }), fields: changed },
          );
        });
      }
      return toMember(await activeMember(env, caseId, id), today);
    },

    'family.remove': async ({ caseId, memberId, reason }, env) => {
      await loadCase(env, caseId, 'write');
      const before = await activeMember(env, caseId, memberId);
      await env.tx(async (trx) => {
        await trx
          .updateTable('family_members')
          .set({
            removed_at: env.now().toISOString(),
            removed_by: env.session.userId,
            removed_reason: reason,
            version: before.version + 1,
          })
          .where('id', '=', memberId)
          .execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          'family.memberRemove',
          { memberId, kind: before.kind },
          { ...timelineOf(before), reason },
        );
      });
      return { removed: true as const };
    },
  });
}
