import type { Migration } from './types';

// Reports. The dashboard's one office setting (whether administrators may see the aggregate
// indicators: they are not readers of case content by default); the administrator's DHIS2 mapping
// (indicator × split → data element and category option combo); and date indexes, so that every
// indicator reads only its period's rows instead of whole tables at 100 000 cases.
export default {
  version: 16,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE report_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        admin_dashboard INTEGER NOT NULL DEFAULT 0 CHECK (admin_dashboard IN (0, 1)),
        dhis2_org_unit TEXT NOT NULL DEFAULT '',
        dhis2_data_set TEXT NOT NULL DEFAULT '',
        updated_at TEXT,
        updated_by TEXT REFERENCES users (id)
      ) STRICT;
      INSERT INTO report_settings (id) VALUES (1);

      CREATE TABLE dhis2_mappings (
        indicator TEXT NOT NULL,
        part TEXT NOT NULL CHECK (part IN ('numerator', 'denominator')),
        dimension TEXT NOT NULL DEFAULT '',
        value TEXT NOT NULL DEFAULT '',
        data_element TEXT NOT NULL,
        category_option_combo TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users (id),
        PRIMARY KEY (indicator, part, dimension, value)
      ) STRICT;

      CREATE INDEX tracing_actions_date ON tracing_actions (date, case_id) WHERE removed_at IS NULL;
      CREATE INDEX assessments_completed_date ON assessments (date, case_id) WHERE status = 'completed';
      CREATE INDEX plan_acknowledgements_date ON plan_acknowledgements (date, case_id);
      CREATE INDEX case_events_type_at ON case_events (type, at);
      CREATE INDEX reunifications_on ON reunifications (reunified_on);
      CREATE INDEX gate_exceptions_decided ON gate_exceptions (decided_at) WHERE status = 'approved';
    `);
  },
} satisfies Migration;
