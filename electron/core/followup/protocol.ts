// Node-only. The office's follow-up protocol: one row once a supervisor saved it; until then the
// shipped example (flagged as such, so the screens can say "adapt to your protocol").
import type { Kysely, Transaction } from 'kysely';
import { defaultProtocol, type FollowupProtocol, type ProtocolDefinition } from '../../../shared/followup/protocol';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export async function readProtocol(db: Db): Promise<FollowupProtocol> {
  const row = await db
    .selectFrom('followup_protocol')
    .leftJoin('users', 'users.id', 'followup_protocol.updated_by')
    .select(['followup_protocol.definition', 'followup_protocol.version', 'followup_protocol.updated_at', 'users.display_name'])
    .where('followup_protocol.id', '=', 1)
    .executeTakeFirst();
  if (!row) return { definition: defaultProtocol, isDefault: true, version: 0, updatedAt: null, updatedByName: null };
  return {
    definition: JSON.parse(row.definition) as ProtocolDefinition,
    isDefault: false,
    version: row.version,
    updatedAt: row.updated_at,
    updatedByName: row.display_name ?? null,
  };
}
