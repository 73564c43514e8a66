// Node-only. Reading the audit log and checking its chain.
import { sql } from 'kysely';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { auditAnchor, checkAnchor } from './anchor';
import { toAuditEntry, verifyAudit } from './audit';
import { verifyCaseStates } from './records';

export function createAuditHandlers(deps: CoreDeps) {
  return defineHandlers({
    'audit.list': async (input, env) => {
      let query = env.db().selectFrom('audit_log').selectAll();
      if (input.userId) query = query.where('user_id', '=', input.userId);
      if (input.action) {
        // A prefix match on the action name; `_` and `%` typed in the filter are literal.
        const prefix = input.action.replace(/[\\%_]/g, (c) => `\\${c}`);
        query = query.where(sql<boolean>`action LIKE ${`${prefix}%`} ESCAPE '\\'`);
      }
      if (input.entityType) query = query.where('entity_type', '=', input.entityType);
      if (input.entityId) query = query.where('entity_id', '=', input.entityId);
      // Entries are stored as UTC ISO strings; a bound with an offset is turned into the same instant.
      if (input.from) query = query.where('at', '>=', new Date(input.from).toISOString());
      if (input.to) {
        query = query.where('at', '<=', input.to.length === 10 ? `${input.to}T23:59:59.999Z` : new Date(input.to).toISOString());
      }
      if (input.beforeId) query = query.where('id', '<', input.beforeId);
      const rows = await query.orderBy('id', 'desc').limit(input.limit + 1).execute();
      const page = rows.slice(0, input.limit);
      return {
        entries: page.map(toAuditEntry),
        nextBeforeId: rows.length > input.limit ? page[page.length - 1].id : null,
      };
    },

    'audit.verify': async (_input, env) => {
      const chain = await verifyAudit(env.db(), deps.vault.read()?.auditHead ?? null);
      const records = verifyCaseStates(deps.store.get().raw);
      const { repairs } = await env
        .db()
        .selectFrom('audit_log')
        .select(sql<number>`count(*)`.as('repairs'))
        .where('action', '=', 'audit.schemaRepaired')
        .executeTakeFirstOrThrow();
      return { ...chain, records, schemaRepairs: Number(repairs) };
    },

    'audit.anchor': async (_input, env) => auditAnchor(env.db(), env.now()),

    'audit.verifyAnchor': async (anchor, env) => {
      const chain = await verifyAudit(env.db(), deps.vault.read()?.auditHead ?? null);
      const result = await checkAnchor(env.db(), anchor);
      return { result, chain };
    },
  });
}
