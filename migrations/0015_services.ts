import type { Migration } from './types';

// Service mapping and referrals (issue 12). The office's own area hierarchy with optional GeoJSON
// boundaries; providers and the services they run (categories are data, so an office can add its
// own); the areas each service serves; referrals from a case with their lifecycle events.
// The gap matrix groups open needs by area and category: referrals carry their category and the
// child's area key so that count is one indexed pass; cases are matched to areas by lower(area).
export default {
  version: 15,
  name: 'services',
  up(db) {
    db.exec(`
      CREATE TABLE service_areas (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        level TEXT NOT NULL DEFAULT '',
        parent_id TEXT REFERENCES service_areas(id),
        boundary TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (parent_id IS NULL OR parent_id <> id)
      ) STRICT;
      CREATE INDEX service_areas_parent ON service_areas (parent_id);
      CREATE INDEX service_areas_name ON service_areas (lower(name));

      CREATE TABLE service_categories (
        key TEXT PRIMARY KEY,
        label TEXT NOT NULL DEFAULT '',
        builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        position INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO service_categories (key, builtin, position) VALUES
        ('health', 1, 1), ('mental_health', 1, 2), ('addiction', 1, 3), ('disability', 1, 4),
        ('education', 1, 5), ('life_skills', 1, 6), ('economic_strengthening', 1, 7),
        ('material_support', 1, 8), ('legal_aid', 1, 9), ('alternative_care', 1, 10),
        ('community_religious', 1, 11), ('child_protection_committee', 1, 12), ('peer_support', 1, 13);

      CREATE TABLE service_providers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('government', 'ngo', 'community', 'faith', 'private')),
        contact_name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en',
        referral_procedure TEXT NOT NULL DEFAULT '',
        required_fields TEXT NOT NULL DEFAULT '[]',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        last_verified TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE services (
        id TEXT PRIMARY KEY,
        provider_id TEXT NOT NULL REFERENCES service_providers(id),
        name TEXT NOT NULL,
        category TEXT NOT NULL REFERENCES service_categories(key),
        description TEXT NOT NULL DEFAULT '',
        min_age INTEGER,
        max_age INTEGER,
        sexes TEXT NOT NULL DEFAULT '[]',
        disability_only INTEGER NOT NULL DEFAULT 0 CHECK (disability_only IN (0, 1)),
        eligibility_notes TEXT NOT NULL DEFAULT '',
        languages TEXT NOT NULL DEFAULT '[]',
        cost TEXT NOT NULL DEFAULT 'free' CHECK (cost IN ('free', 'fee', 'sliding')),
        cost_notes TEXT NOT NULL DEFAULT '',
        accessibility TEXT NOT NULL DEFAULT '',
        opening_hours TEXT NOT NULL DEFAULT '',
        capacity TEXT NOT NULL DEFAULT '',
        waiting_days INTEGER,
        open_to_non_returnees INTEGER NOT NULL DEFAULT 0 CHECK (open_to_non_returnees IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (provider_id, name, category)
      ) STRICT;
      CREATE INDEX services_category ON services (category, active);

      CREATE TABLE service_coverage (
        service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        area_id TEXT NOT NULL REFERENCES service_areas(id),
        PRIMARY KEY (service_id, area_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX service_coverage_area ON service_coverage (area_id, service_id);

      CREATE TABLE referrals (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        provider_id TEXT NOT NULL REFERENCES service_providers(id),
        service_id TEXT REFERENCES services(id),
        category TEXT NOT NULL REFERENCES service_categories(key),
        area_key TEXT NOT NULL DEFAULT '',
        objective_key TEXT,
        finding TEXT NOT NULL DEFAULT '',
        need TEXT NOT NULL,
        urgency TEXT NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'routine')),
        status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'acknowledged', 'accepted', 'declined', 'started', 'completed', 'not_delivered', 'no_response')),
        shared_fields TEXT NOT NULL DEFAULT '[]',
        field_texts TEXT NOT NULL DEFAULT '{}',
        field_reasons TEXT NOT NULL DEFAULT '{}',
        consent_basis TEXT CHECK (consent_basis IN ('consent', 'exception', 'emergency')),
        emergency_reason TEXT,
        emergency_seen_at TEXT,
        emergency_seen_by TEXT REFERENCES users(id),
        sent_on TEXT,
        due_on TEXT,
        decline_reason TEXT,
        outcome TEXT,
        provider_feedback TEXT NOT NULL DEFAULT '',
        child_view TEXT NOT NULL DEFAULT '',
        family_view TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX referrals_case ON referrals (case_id, created_at);
      CREATE INDEX referrals_status_due ON referrals (status, due_on);
      CREATE INDEX referrals_provider ON referrals (provider_id, status);
      CREATE INDEX referrals_gaps ON referrals (area_key, category, status);

      CREATE TABLE referral_events (
        id INTEGER PRIMARY KEY,
        referral_id TEXT NOT NULL REFERENCES referrals(id),
        at TEXT NOT NULL,
        user_id TEXT REFERENCES users(id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX referral_events_referral ON referral_events (referral_id, id);

      -- The gap matrix counts open cases by area: lower(area) so "Gulu" and "gulu" are one area.
      CREATE INDEX cases_open_area ON cases (lower(area), id) WHERE status = 'open';
    `);
  },
} satisfies Migration;
