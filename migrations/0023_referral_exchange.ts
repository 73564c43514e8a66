import type { Migration } from './types';

// Referrals between partner offices, and service categories an office keeps (issue 12, second part).
// - A provider of the directory can be a trusted partner office (partner_offices): a referral to it
//   can leave as a sealed, signed `.homeward` file instead of a printed slip.
// - referral_exchanges: at the sending office, the referral file sealed for a referral and each
//   response file applied to it (by the file's transfer id: a replayed file is refused, and a
//   response older than one already applied too, by its sequence number).
// - received_referrals (+ events): at the partner office, referrals that came as files — a register
//   of their own, never a case. The fields are kept exactly as they came (JSON).
// - service_categories: names in the office's languages (JSON by language; a built-in category's
//   shipped translation applies where none is given) and retirement instead of deletion when in use.
export default {
  version: 23,
  name: 'referral_exchange',
  up(db) {
    db.exec(`
      ALTER TABLE service_categories ADD COLUMN labels TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE service_categories ADD COLUMN retired_at TEXT;
      ALTER TABLE service_categories ADD COLUMN updated_at TEXT;
      -- An office's own category had one label: it becomes its name in the office's language.
      UPDATE service_categories
         SET labels = json_object(coalesce((SELECT default_language FROM office WHERE id = 1), 'en'), label)
       WHERE builtin = 0 AND label <> '';

      ALTER TABLE service_providers ADD COLUMN partner_id TEXT REFERENCES partner_offices(id);
      CREATE INDEX service_providers_partner ON service_providers (partner_id) WHERE partner_id IS NOT NULL;

      CREATE TABLE referral_exchanges (
        id TEXT PRIMARY KEY,
        referral_id TEXT NOT NULL REFERENCES referrals(id),
        direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
        partner_id TEXT NOT NULL REFERENCES partner_offices(id),
        seq INTEGER NOT NULL DEFAULT 0 CHECK (seq >= 0),
        status TEXT,
        file_sha256 TEXT NOT NULL,
        file_bytes INTEGER NOT NULL,
        at TEXT NOT NULL,
        user_id TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX referral_exchanges_referral ON referral_exchanges (referral_id, direction, seq);

      CREATE TABLE received_referrals (
        id TEXT PRIMARY KEY,
        partner_id TEXT NOT NULL REFERENCES partner_offices(id),
        sender_referral_id TEXT NOT NULL,
        category TEXT NOT NULL,
        category_labels TEXT NOT NULL DEFAULT '{}',
        service_name TEXT,
        urgency TEXT NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'routine')),
        sent_on TEXT NOT NULL,
        due_on TEXT,
        referred_by TEXT NOT NULL DEFAULT '',
        fields TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sent', 'acknowledged', 'accepted', 'declined', 'started', 'completed', 'not_delivered')),
        decline_reason TEXT,
        outcome TEXT,
        response_seq INTEGER NOT NULL DEFAULT 0,
        file_sha256 TEXT NOT NULL,
        received_at TEXT NOT NULL,
        received_by TEXT REFERENCES users(id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (partner_id, sender_referral_id)
      ) STRICT;
      CREATE INDEX received_referrals_status ON received_referrals (status, due_on);

      CREATE TABLE received_referral_events (
        id INTEGER PRIMARY KEY,
        received_id TEXT NOT NULL REFERENCES received_referrals(id),
        at TEXT NOT NULL,
        user_id TEXT REFERENCES users(id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        response_id TEXT,
        response_seq INTEGER
      ) STRICT;
      CREATE INDEX received_referral_events_received ON received_referral_events (received_id, id);
    `);
  },
} satisfies Migration;
