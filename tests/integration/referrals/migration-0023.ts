// The upgrade case for migration 0023 (referrals between partner offices, categories kept by the
// office): an office's own category with its one label, a provider, a partner office and a sent
// referral at the version before; after it the label is the category's name in the office's
// language, nothing is retired, the provider can be linked to the partner, and the exchange and
// received-referral tables take their rows (and refuse what their CHECKs forbid).
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { insertRow, tableNames, type MigrationCase } from '../../fixtures/migrations';

const at = '2025-03-01T08:00:00.000Z';

export const migration0023Case: MigrationCase = {
  // Naming an office's own category in its language is a directory change: the directory's version
  // counter (migration 19's triggers) moves on, as it should, so the gap matrix reloads its side.
  replaces: ['directory_version'],
  seed(raw: RawDatabase) {
    raw.prepare(`INSERT INTO service_categories (key, label, builtin, position) VALUES ('nutrition', 'Nutrition', 0, 14)`).run();
    insertRow(raw, 'service_providers', { id: 'm24-p', name: 'Lira Counselling', name_key: 'lira counselling', kind: 'ngo', created_at: at, updated_at: at });
    insertRow(raw, 'partner_offices', { id: 'm24-partner', kind: 'provider', name: 'Lira Counselling Office', code: 'LRA', country: 'UG', trusted_at: at, trusted_by: null, revoked_by: null });
  },
  check(raw: RawDatabase) {
    const office = (raw.prepare('SELECT default_language AS l FROM office WHERE id = 1').get() as { l: string } | undefined)?.l ?? 'en';
    expect(raw.prepare(`SELECT label, labels, retired_at FROM service_categories WHERE key = 'nutrition'`).get()).toEqual({ label: 'Nutrition', labels: JSON.stringify({ [office]: 'Nutrition' }), retired_at: null });
    expect(raw.prepare(`SELECT labels FROM service_categories WHERE key = 'health'`).get()).toEqual({ labels: '{}' });
    expect(tableNames(raw)).toEqual(expect.arrayContaining(['referral_exchanges', 'received_referrals', 'received_referral_events']));
    raw.prepare(`UPDATE service_providers SET partner_id = 'm24-partner' WHERE id = 'm24-p'`).run();
    expect(() => raw.prepare(`UPDATE service_providers SET partner_id = 'no-such-partner' WHERE id = 'm24-p'`).run()).toThrow(/FOREIGN KEY/);
    const received = { id: 'm24-r', partner_id: 'm24-partner', sender_referral_id: 'r-1', category: 'health', urgency: 'routine', sent_on: '2025-03-01', fields: '[]', status: 'sent', file_sha256: 'x', received_at: at, received_by: null, updated_at: at };
    insertRow(raw, 'received_referrals', received);
    // One row per referral of a partner; a status the provider cannot give is refused.
    expect(() => insertRow(raw, 'received_referrals', { ...received, id: 'm24-r2' })).toThrow(/UNIQUE/);
    expect(() => insertRow(raw, 'received_referrals', { ...received, id: 'm24-r3', sender_referral_id: 'r-3', status: 'no_response' })).toThrow(/CHECK/);
    expect(() => insertRow(raw, 'referral_exchanges', { id: 'x-1', referral_id: 'no-such-referral', direction: 'out', partner_id: 'm24-partner', file_sha256: 'x', file_bytes: 1, at, user_id: null })).toThrow(/FOREIGN KEY/);
  },
};
