// Node-only. Form drafts per user, stored in the encrypted database.
import { AppError } from '../../../shared/contract/errors';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';

const MAX_DRAFT_BYTES = 512 * 1024;

export function createDraftsHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'drafts.save': async ({ key, data }, env) => {
      const json = JSON.stringify(data ?? null);
      if (json.length > MAX_DRAFT_BYTES) throw new AppError('VALIDATION', 'the draft is too large');
      const savedAt = env.now().toISOString();
      await env
        .db()
        .insertInto('drafts')
        .values({ user_id: env.session.userId, key, data: json, saved_at: savedAt })
        .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet({ data: json, saved_at: savedAt }))
        .execute();
      return { savedAt };
    },
    'drafts.get': async ({ key }, env) => {
      const row = await env
        .db()
        .selectFrom('drafts')
        .select(['data', 'saved_at'])
        .where('user_id', '=', env.session.userId)
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? { data: JSON.parse(row.data) as unknown, savedAt: row.saved_at } : null;
    },
    'drafts.discard': async ({ key }, env) => {
      const result = await env
        .db()
        .deleteFrom('drafts')
        .where('user_id', '=', env.session.userId)
        .where('key', '=', key)
        .executeTakeFirst();
      return { discarded: Number(result.numDeletedRows) > 0 };
    },
  });
}
