// Node-only. User rows and their conversion to the shared User shape.
import type { Selectable } from 'kysely';
import type { User } from '../../../shared/admin/contract';
import type { Language } from '../../../shared/i18n/languages';
import type { UsersTable } from '../db/schema';

export type UserRow = Selectable<UsersTable>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    language: row.language as Language,
    active: row.active === 1 && row.removed_at === null,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}
