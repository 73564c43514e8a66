import type { Migration } from './types';

// Service mapping and referrals (issue 12). The office's own area hierarchy with optional GeoJSON
// boundaries; providers and the services they run (categories are data, so an office can add its
// own); the areas each service serves; referrals from a case with their lifecycle events.
// The gap matrix groups open needs by area and category: referrals carry their category and the
// child's area key so that count is one indexed pass; cases are matched to areas by lower(area).

// Open needs by case, kept by triggers so the gap matrix is one indexed count, not a pass over
// every plan, assessment and referral of the office (B4.2 at 100 000 cases). Each source is
// recomputed for one case whenever a row it reads changes; only open cases have rows.
const openObjectives = (caseId: string) => `
  INSERT OR IGNORE INTO case_needs (case_id, category, source, area_key)
  SELECT o.case_id, m.category, 'objective', lower(c.area)
    FROM plan_objectives o
    JOIN plan_versions v ON v.id = o.plan_version_id AND v.status = 'current'
    JOIN cases c ON c.id = o.case_id AND c.status = 'open'
    JOIN need_categories m ON m.kind = 'domain' AND m.key = o.domain
   WHERE o.case_id = ${caseId} AND o.status IN ('not_started', 'in_progress');`;
const lowWellbeing = (caseId: string) => `
  INSERT OR IGNORE INTO case_needs (case_id, category, source, area_key)
  SELECT a.case_id, m.category, 'wellbeing', lower(c.area)
    FROM assessments a
    JOIN cases c ON c.id = a.case_id AND c.status = 'open'
    JOIN json_each(a.answers) j
    JOIN need_categories m ON m.kind = 'factor' AND m.key = j.key
   WHERE a.id = (SELECT id FROM assessments WHERE case_id = ${caseId} AND template_key = 'csi' AND status = 'completed'
                  ORDER BY date DESC, completed_at DESC LIMIT 1)
     AND j.type = 'integer' AND j.value <= 2;`;
const unmetReferrals = (caseId: string) => `
  INSERT OR IGNORE INTO case_needs (case_id, category, source, area_key)
  SELECT r.case_id, r.category, 'referral', lower(c.area)
    FROM referrals r JOIN cases c ON c.id = r.case_id AND c.status = 'open'
   WHERE r.case_id = ${caseId} AND r.status IN ('declined', 'not_delivered', 'no_response');`;
const redo = (source: string, caseId: string, fill: (caseId: string) => string) =>
  `DELETE FROM case_needs WHERE case_id = ${caseId} AND source = '${source}'; ${fill(caseId)}`;

const domainCategories: [string, string][] = [
  ['food_nutrition', 'material_support'], ['shelter_care', 'material_support'], ['protection', 'child_protection_committee'],
  ['health', 'health'], ['psychosocial', 'mental_health'], ['education_skills', 'education'], ['family_relationships', 'mental_health'],
  ['community_belonging', 'community_religious'], ['economic', 'economic_strengthening'], ['legal_documentation', 'legal_aid'],
];
const factorCategories: [string, string][] = [
  ['food_security', 'material_support'], ['nutrition_growth', 'material_support'], ['shelter', 'material_support'], ['care', 'material_support'],
  ['abuse_exploitation', 'child_protection_committee'], ['legal_protection', 'legal_aid'], ['wellness', 'health'], ['health_care_services', 'health'],
  ['emotional_health', 'mental_health'], ['social_behaviour', 'mental_health'], ['performance', 'education'], ['education_work', 'education'],
  ['family_relationships', 'mental_health'], ['community_belonging', 'community_religious'], ['stigma', 'community_religious'],
];
const mapRows = [...domainCategories.map(([k, c]) => `('domain', '${k}', '${c}')`), ...factorCategories.map(([k, c]) => `('factor', '${k}', '${c}')`)].join(', ');

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
      ) STRICT;
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

      -- Which category a plan objective's domain or a well-being factor scored 1–2 calls for (data, so an office's own mapping can follow).
      CREATE TABLE need_categories (
        kind TEXT NOT NULL CHECK (kind IN ('domain', 'factor')),
        key TEXT NOT NULL,
        category TEXT NOT NULL REFERENCES service_categories(key),
        PRIMARY KEY (kind, key)
      ) STRICT;
      INSERT INTO need_categories (kind, key, category) VALUES ${mapRows};

      CREATE TABLE case_needs (
        case_id TEXT NOT NULL,
        category TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('objective', 'wellbeing', 'referral')),
        area_key TEXT NOT NULL,
        PRIMARY KEY (case_id, category, source)
      ) STRICT;
      CREATE INDEX case_needs_area ON case_needs (area_key, category, case_id);
      -- Distinct cases with a need, by area and category: what the matrix reads (one row per cell).
      -- A case counts once per category whatever its sources; rows of one case share its area key.
      CREATE TABLE need_counts (
        area_key TEXT NOT NULL,
        category TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n >= 0),
        PRIMARY KEY (area_key, category)
      ) STRICT;
      CREATE TRIGGER need_counts_add AFTER INSERT ON case_needs
        WHEN (SELECT count(*) FROM case_needs WHERE case_id = NEW.case_id AND category = NEW.category) = 1
      BEGIN
        INSERT INTO need_counts (area_key, category, n) VALUES (NEW.area_key, NEW.category, 1)
          ON CONFLICT (area_key, category) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER need_counts_remove AFTER DELETE ON case_needs
        WHEN NOT EXISTS (SELECT 1 FROM case_needs WHERE case_id = OLD.case_id AND category = OLD.category)
      BEGIN
        UPDATE need_counts SET n = n - 1 WHERE area_key = OLD.area_key AND category = OLD.category;
      END;

      CREATE TRIGGER case_needs_objective_insert AFTER INSERT ON plan_objectives BEGIN ${redo('objective', 'NEW.case_id', openObjectives)} END;
      CREATE TRIGGER case_needs_objective_update AFTER UPDATE OF status, domain, plan_version_id ON plan_objectives BEGIN ${redo('objective', 'NEW.case_id', openObjectives)} END;
      CREATE TRIGGER case_needs_objective_delete AFTER DELETE ON plan_objectives BEGIN ${redo('objective', 'OLD.case_id', openObjectives)} END;
      CREATE TRIGGER case_needs_plan_insert AFTER INSERT ON plan_versions BEGIN ${redo('objective', 'NEW.case_id', openObjectives)} END;
      CREATE TRIGGER case_needs_plan_update AFTER UPDATE OF status ON plan_versions BEGIN ${redo('objective', 'NEW.case_id', openObjectives)} END;
      CREATE TRIGGER case_needs_plan_delete AFTER DELETE ON plan_versions BEGIN ${redo('objective', 'OLD.case_id', openObjectives)} END;
      CREATE TRIGGER case_needs_assessment_insert AFTER INSERT ON assessments BEGIN ${redo('wellbeing', 'NEW.case_id', lowWellbeing)} END;
      CREATE TRIGGER case_needs_assessment_update AFTER UPDATE OF status, answers, date, template_key ON assessments BEGIN ${redo('wellbeing', 'NEW.case_id', lowWellbeing)} END;
      CREATE TRIGGER case_needs_assessment_delete AFTER DELETE ON assessments BEGIN ${redo('wellbeing', 'OLD.case_id', lowWellbeing)} END;
      CREATE TRIGGER case_needs_referral_insert AFTER INSERT ON referrals BEGIN ${redo('referral', 'NEW.case_id', unmetReferrals)} END;
      CREATE TRIGGER case_needs_referral_update AFTER UPDATE OF status, category ON referrals BEGIN ${redo('referral', 'NEW.case_id', unmetReferrals)} END;
      CREATE TRIGGER case_needs_case_update AFTER UPDATE OF area, status ON cases BEGIN
        DELETE FROM case_needs WHERE case_id = NEW.id;
        ${openObjectives('NEW.id')} ${lowWellbeing('NEW.id')} ${unmetReferrals('NEW.id')}
      END;
      CREATE TRIGGER case_needs_case_delete AFTER DELETE ON cases BEGIN DELETE FROM case_needs WHERE case_id = OLD.id; END;
    `);
    // An office upgrading already has plans and assessments: fill the table once for every case.
    db.exec(`
      INSERT OR IGNORE INTO case_needs (case_id, category, source, area_key)
      SELECT o.case_id, m.category, 'objective', lower(c.area)
        FROM plan_objectives o
        JOIN plan_versions v ON v.id = o.plan_version_id AND v.status = 'current'
        JOIN cases c ON c.id = o.case_id AND c.status = 'open'
        JOIN need_categories m ON m.kind = 'domain' AND m.key = o.domain
       WHERE o.status IN ('not_started', 'in_progress');
    `);
    db.exec(`
      INSERT OR IGNORE INTO case_needs (case_id, category, source, area_key)
      SELECT a.case_id, m.category, 'wellbeing', lower(c.area)
        FROM (SELECT id, case_id, answers, row_number() OVER (PARTITION BY case_id ORDER BY date DESC, completed_at DESC) AS n
                FROM assessments WHERE template_key = 'csi' AND status = 'completed') a
        JOIN cases c ON c.id = a.case_id AND c.status = 'open'
        JOIN json_each(a.answers) j
        JOIN need_categories m ON m.kind = 'factor' AND m.key = j.key
       WHERE a.n = 1 AND j.type = 'integer' AND j.value <= 2;
    `);
  },
} satisfies Migration;
