import { generateOfficeKeys } from '../electron/core/transfer/keys';
import type { Migration } from './types';

// Case-transfer files between offices. office_keys holds this office's age identity and Ed25519
// signing key — only here, inside the encrypted database; the migration gives every office
// (existing ones, and new ones, whose database is created at setup) its keys. partner_offices are
// the offices (or local authorities, providers) an administrator has trusted by card and
// fingerprint. transfers records every file sent or received, with what left and why; its
// `records` is the package as it left or arrived — the common base when the case comes back.
// case_handovers records the meeting where the receiving worker takes over (G:L250, L263).
export default {
  version: 10,
  name: 'transfer',
  up(db) {
    const keys = generateOfficeKeys();
    const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
    db.exec(`
      CREATE TABLE office_keys (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        age_identity TEXT NOT NULL,
        age_recipient TEXT NOT NULL,
        signing_private_key TEXT NOT NULL,
        signing_public_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO office_keys VALUES (1, ${quote(keys.age_identity)}, ${quote(keys.age_recipient)},
        ${quote(keys.signing_private_key)}, ${quote(keys.signing_public_key)}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

      CREATE TABLE partner_offices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('office', 'local_authority', 'provider')),
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        country TEXT NOT NULL,
        age_recipient TEXT NOT NULL,
        signing_public_key TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL,
        trusted_at TEXT NOT NULL,
        trusted_by TEXT REFERENCES users (id),
        revoked_at TEXT,
        revoked_by TEXT REFERENCES users (id),
        revoke_reason TEXT
      ) STRICT;

      CREATE TABLE transfers (
        id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
        -- null for an incoming case that was rejected (nothing was created here)
        case_id TEXT REFERENCES cases (id),
        partner_id TEXT NOT NULL REFERENCES partner_offices (id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
        reason TEXT NOT NULL,
        reason_country TEXT NOT NULL DEFAULT '',
        reason_legal_status TEXT NOT NULL DEFAULT '',
        basis TEXT NOT NULL CHECK (basis IN ('consent', 'legal_basis')),
        legal_basis TEXT NOT NULL DEFAULT '',
        child_assent TEXT NOT NULL CHECK (child_assent IN ('given', 'not_given', 'not_able')),
        sections TEXT NOT NULL,
        records TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        file_bytes INTEGER NOT NULL,
        sent_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users (id),
        -- what the sender's audit chain held when it sent or answered (head hash and length)
        audit_anchor TEXT,
        decided_at TEXT,
        decided_by_name TEXT NOT NULL DEFAULT '',
        decision_reason TEXT NOT NULL DEFAULT '',
        receipt_sha256 TEXT
      ) STRICT;
      CREATE INDEX transfers_case ON transfers (case_id, created_at);
      CREATE INDEX transfers_pending ON transfers (status, sent_at) WHERE status = 'pending';

      CREATE TABLE case_handovers (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        met_on TEXT NOT NULL,
        receiving_worker TEXT NOT NULL,
        attendees TEXT NOT NULL,
        child_attended INTEGER NOT NULL,
        officials TEXT NOT NULL DEFAULT '',
        child_told_new_worker INTEGER NOT NULL,
        safety_plan_updated INTEGER NOT NULL,
        new_contact TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        recorded_by TEXT REFERENCES users (id),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_handovers_case ON case_handovers (case_id, met_on);
    `);
  },
} satisfies Migration;
