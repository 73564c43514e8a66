import type { Migration } from './types';

// Case plans with versions, objectives and acknowledgement; preparation.
//
// A plan is a series of versions: at most one draft and one current (acknowledged) version per case,
// every superseded one kept. Objectives carry a key that follows them from version to version, so
// progress notes (keyed by it) are not lost when the plan is revised. The acknowledgement's image
// sits in its own table so reading a plan never reads image bytes.
export default {
  version: 5,
  name: 'plans',
  up(db) {
    db.exec(`
      CREATE TABLE plan_versions (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'current', 'superseded')),
        revision INTEGER NOT NULL DEFAULT 0,
        based_on INTEGER,
        family_ownership TEXT NOT NULL DEFAULT '',
        contingency_plan TEXT NOT NULL DEFAULT '',
        guardian_current TEXT NOT NULL DEFAULT '',
        guardian_returns_to TEXT NOT NULL DEFAULT '',
        guardian_returns_on TEXT,
        guardian_notes TEXT NOT NULL DEFAULT '',
        acknowledged_on TEXT,
        approved_at TEXT,
        approved_by TEXT REFERENCES users (id),
        approval_notes TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users (id),
        updated_at TEXT NOT NULL,
        superseded_at TEXT,
        UNIQUE (case_id, version),
        CHECK (status = 'draft' OR acknowledged_on IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX plan_versions_one_draft ON plan_versions (case_id) WHERE status = 'draft';
      CREATE UNIQUE INDEX plan_versions_one_current ON plan_versions (case_id) WHERE status = 'current';

      CREATE TABLE plan_objectives (
        id TEXT PRIMARY KEY,
        plan_version_id TEXT NOT NULL REFERENCES plan_versions (id) ON DELETE CASCADE,
        case_id TEXT NOT NULL REFERENCES cases (id),
        objective_key TEXT NOT NULL,
        position INTEGER NOT NULL,
        domain TEXT NOT NULL CHECK (domain IN ('food_nutrition', 'shelter_care', 'protection', 'health',
          'psychosocial', 'education_skills', 'family_relationships', 'community_belonging', 'economic',
          'legal_documentation', 'other')),
        objective TEXT NOT NULL,
        indicator TEXT NOT NULL,
        target_date TEXT NOT NULL,
        responsible TEXT NOT NULL,
        resources TEXT NOT NULL DEFAULT '',
        partial_support_what TEXT,
        partial_support_share TEXT,
        status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'achieved', 'not_achieved', 'dropped')),
        updated_at TEXT NOT NULL,
        UNIQUE (plan_version_id, objective_key)
      ) STRICT;
      CREATE INDEX plan_objectives_version ON plan_objectives (plan_version_id, position);
      CREATE INDEX plan_objectives_key ON plan_objectives (case_id, objective_key);

      CREATE TABLE plan_acknowledgements (
        plan_version_id TEXT PRIMARY KEY REFERENCES plan_versions (id),
        case_id TEXT NOT NULL REFERENCES cases (id),
        date TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('signature', 'thumbprint', 'verbal')),
        family_members TEXT NOT NULL,
        child_acknowledged INTEGER NOT NULL,
        witness_name TEXT NOT NULL DEFAULT '',
        witness_role TEXT NOT NULL DEFAULT '',
        image_mime TEXT,
        notes TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT REFERENCES users (id),
        CHECK (method = 'verbal' OR image_mime IS NOT NULL),
        CHECK (method != 'verbal' OR witness_name != '')
      ) STRICT;

      CREATE TABLE plan_acknowledgement_images (
        plan_version_id TEXT PRIMARY KEY REFERENCES plan_acknowledgements (plan_version_id),
        data BLOB NOT NULL
      ) STRICT;

      CREATE TABLE plan_reviews (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        plan_version_id TEXT NOT NULL REFERENCES plan_versions (id),
        date TEXT NOT NULL,
        notes TEXT NOT NULL,
        next_due TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX plan_reviews_case ON plan_reviews (case_id, date);

      CREATE TABLE plan_progress_notes (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        objective_key TEXT NOT NULL,
        plan_version_id TEXT NOT NULL REFERENCES plan_versions (id),
        review_id TEXT REFERENCES plan_reviews (id),
        date TEXT NOT NULL,
        note TEXT NOT NULL,
        status TEXT CHECK (status IN ('not_started', 'in_progress', 'achieved', 'not_achieved', 'dropped')),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX plan_progress_notes_objective ON plan_progress_notes (case_id, objective_key, date);

      CREATE TABLE preparation_care (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        arrangement TEXT NOT NULL,
        place TEXT NOT NULL,
        distance_km REAL,
        since TEXT NOT NULL,
        close_to_home INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX preparation_care_case ON preparation_care (case_id, recorded_at);

      CREATE TABLE preparation_items (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        area TEXT NOT NULL CHECK (area IN ('discrimination_identity', 'family_violence',
          'health_mental_health_addiction', 'disability', 'education_school_enrolment',
          'economic_strengthening', 'material_support', 'other')),
        template_key TEXT,
        description TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        due_date TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'not_applicable')),
        notes TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (description != '' OR template_key IS NOT NULL)
      ) STRICT;
      CREATE INDEX preparation_items_case ON preparation_items (case_id, status);

      CREATE TABLE preparation_monitors (
        case_id TEXT PRIMARY KEY REFERENCES cases (id),
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('case_worker', 'teacher', 'community_volunteer', 'religious_leader',
          'health_worker', 'other')),
        contact TEXT NOT NULL DEFAULT '',
        agreed_on TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users (id)
      ) STRICT;
    `);
  },
} satisfies Migration;
