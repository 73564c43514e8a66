import type { Migration } from './types';

// Directory search over 5 000 services in a few milliseconds (issue 12). Three derived tables,
// each kept by triggers in the writing transaction (so a CSV import, a form, the seed and a raw
// insert all keep them) and filled here once for an office that upgrades:
// - service_area_closure: every (ancestor, descendant) pair of the area tree, itself included at
//   depth 0. "Services reaching an area" (serving it, one of its parents or one of its sub-areas)
//   becomes two index ranges instead of walking the tree in JavaScript, and the tree's rows (with
//   their possibly large GeoJSON boundaries) are never read by a search.
// - service_languages: a service's languages lower-cased, one row each: a language filter is an
//   index lookup, not JSON parsed on every row.
// - services_text (trigram: any substring of 3+ characters) and services_words (word prefixes, for
//   1–2 letter words): full-text indexes over the service's name, its provider's name and its
//   description, rowid = services.rowid (as cases_search does for cases).
// - directory_version: one counter bumped by any change to areas, categories, providers, services
//   or coverage, so the gap matrix keeps the directory's side (services per area and category) in
//   memory until the directory changes (electron/core/services/gaps.ts).
// - referral_counts: referrals pending and declined-or-unmet by the child's area text and category,
//   kept like need_counts, so the gap matrix reads one row per cell instead of grouping every referral.
// Triggers cannot hold WITH clauses: the closure is maintained pair by pair (an area added under its
// parent's ancestors; a subtree moved: cut from the old ancestors, joined to the new ones).

const serviceText = (table: string, row: string) => `
  INSERT INTO ${table} (rowid, name, provider, description)
  SELECT ${row}.rowid, ${row}.name, p.name, ${row}.description FROM service_providers p WHERE p.id = ${row}.provider_id;`;
const serviceLanguages = (row: string) => `
  INSERT OR IGNORE INTO service_languages (language, service_id)
  SELECT lower(trim(j.value)), ${row}.id FROM json_each(${row}.languages) j WHERE j.type = 'text' AND trim(j.value) <> '';`;

const directoryTables = ['service_areas', 'service_categories', 'service_providers', 'services', 'service_coverage'];
const bumps = directoryTables
  .flatMap((table) =>
    ['INSERT', 'UPDATE', 'DELETE'].map(
      (event) => `CREATE TRIGGER directory_version_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN UPDATE directory_version SET n = n + 1; END;`,
    ),
  )
  .join('\n');

const pendingOf = (row: string) => `(${row}.status IN ('sent', 'acknowledged', 'accepted'))`;
const declinedOf = (row: string) => `(${row}.status IN ('declined', 'not_delivered', 'no_response'))`;
const addReferral = (row: string) => `
  INSERT INTO referral_counts (area_key, category, pending, declined) VALUES (${row}.area_key, ${row}.category, ${pendingOf(row)}, ${declinedOf(row)})
    ON CONFLICT (area_key, category) DO UPDATE SET pending = pending + excluded.pending, declined = declined + excluded.declined;`;
const removeReferral = (row: string) => `
  UPDATE referral_counts SET pending = pending - ${pendingOf(row)}, declined = declined - ${declinedOf(row)} WHERE area_key = ${row}.area_key AND category = ${row}.category;`;

export default {
  version: 19,
  name: 'services_speed',
  up(db) {
    db.exec(`
      CREATE TABLE service_area_closure (
        ancestor_id TEXT NOT NULL,
        descendant_id TEXT NOT NULL,
        depth INTEGER NOT NULL CHECK (depth >= 0),
        PRIMARY KEY (ancestor_id, descendant_id)
      ) STRICT;
      CREATE INDEX service_area_closure_up ON service_area_closure (descendant_id, ancestor_id);
      CREATE TRIGGER service_area_closure_insert AFTER INSERT ON service_areas BEGIN
        INSERT INTO service_area_closure (ancestor_id, descendant_id, depth) VALUES (NEW.id, NEW.id, 0);
        INSERT INTO service_area_closure (ancestor_id, descendant_id, depth)
          SELECT ancestor_id, NEW.id, depth + 1 FROM service_area_closure WHERE descendant_id = NEW.parent_id;
      END;
      CREATE TRIGGER service_area_closure_move AFTER UPDATE OF parent_id ON service_areas WHEN OLD.parent_id IS NOT NEW.parent_id BEGIN
        DELETE FROM service_area_closure
         WHERE descendant_id IN (SELECT descendant_id FROM service_area_closure WHERE ancestor_id = NEW.id)
           AND ancestor_id IN (SELECT ancestor_id FROM service_area_closure WHERE descendant_id = NEW.id AND ancestor_id <> NEW.id);
        INSERT INTO service_area_closure (ancestor_id, descendant_id, depth)
          SELECT a.ancestor_id, d.descendant_id, a.depth + d.depth + 1
            FROM service_area_closure a JOIN service_area_closure d
           WHERE a.descendant_id = NEW.parent_id AND d.ancestor_id = NEW.id;
      END;
      CREATE TRIGGER service_area_closure_delete AFTER DELETE ON service_areas BEGIN
        DELETE FROM service_area_closure WHERE ancestor_id = OLD.id OR descendant_id = OLD.id;
      END;

      CREATE TABLE service_languages (
        language TEXT NOT NULL,
        service_id TEXT NOT NULL,
        PRIMARY KEY (language, service_id)
      ) STRICT;
      CREATE INDEX service_languages_service ON service_languages (service_id);
      CREATE TRIGGER service_languages_insert AFTER INSERT ON services BEGIN ${serviceLanguages('NEW')} END;
      CREATE TRIGGER service_languages_update AFTER UPDATE OF languages ON services WHEN OLD.languages IS NOT NEW.languages BEGIN
        DELETE FROM service_languages WHERE service_id = OLD.id; ${serviceLanguages('NEW')}
      END;
      CREATE TRIGGER service_languages_delete AFTER DELETE ON services BEGIN DELETE FROM service_languages WHERE service_id = OLD.id; END;

      CREATE VIRTUAL TABLE services_text USING fts5(name, provider, description, tokenize = 'trigram remove_diacritics 1');
      CREATE VIRTUAL TABLE services_words USING fts5(name, provider, description, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');
      CREATE TRIGGER services_text_insert AFTER INSERT ON services BEGIN ${serviceText('services_text', 'NEW')} ${serviceText('services_words', 'NEW')} END;
      CREATE TRIGGER services_text_update AFTER UPDATE OF name, description, provider_id ON services
        WHEN OLD.name IS NOT NEW.name OR OLD.description IS NOT NEW.description OR OLD.provider_id IS NOT NEW.provider_id BEGIN
        DELETE FROM services_text WHERE rowid = OLD.rowid; DELETE FROM services_words WHERE rowid = OLD.rowid;
        ${serviceText('services_text', 'NEW')} ${serviceText('services_words', 'NEW')}
      END;
      CREATE TRIGGER services_text_delete AFTER DELETE ON services BEGIN
        DELETE FROM services_text WHERE rowid = OLD.rowid; DELETE FROM services_words WHERE rowid = OLD.rowid;
      END;
      CREATE TRIGGER services_text_provider AFTER UPDATE OF name ON service_providers WHEN OLD.name IS NOT NEW.name BEGIN
        UPDATE services_text SET provider = NEW.name WHERE rowid IN (SELECT rowid FROM services WHERE provider_id = NEW.id);
        UPDATE services_words SET provider = NEW.name WHERE rowid IN (SELECT rowid FROM services WHERE provider_id = NEW.id);
      END;
    `);
    db.exec(`
      CREATE TABLE directory_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
      INSERT INTO directory_version (id, n) VALUES (1, 0);
      ${bumps}
    `);
    db.exec(`
      CREATE TABLE referral_counts (
        area_key TEXT NOT NULL,
        category TEXT NOT NULL,
        pending INTEGER NOT NULL DEFAULT 0,
        declined INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (area_key, category)
      ) STRICT;
      CREATE TRIGGER referral_counts_insert AFTER INSERT ON referrals BEGIN ${addReferral('NEW')} END;
      CREATE TRIGGER referral_counts_update AFTER UPDATE OF status, category, area_key ON referrals BEGIN ${removeReferral('OLD')} ${addReferral('NEW')} END;
      CREATE TRIGGER referral_counts_delete AFTER DELETE ON referrals BEGIN ${removeReferral('OLD')} END;
      INSERT INTO referral_counts (area_key, category, pending, declined)
        SELECT area_key, category, sum(${pendingOf('referrals')}), sum(${declinedOf('referrals')}) FROM referrals GROUP BY area_key, category;
    `);
    // An office that upgrades: its tree, languages and words indexed once.
    db.exec(`
      WITH RECURSIVE up (ancestor_id, descendant_id, depth) AS (
        SELECT id, id, 0 FROM service_areas
        UNION
        SELECT a.parent_id, up.descendant_id, up.depth + 1 FROM up JOIN service_areas a ON a.id = up.ancestor_id
         WHERE a.parent_id IS NOT NULL AND up.depth < 64
      )
      INSERT OR IGNORE INTO service_area_closure (ancestor_id, descendant_id, depth) SELECT ancestor_id, descendant_id, min(depth) FROM up GROUP BY 1, 2;
      INSERT OR IGNORE INTO service_languages (language, service_id)
        SELECT lower(trim(j.value)), s.id FROM services s, json_each(s.languages) j WHERE j.type = 'text' AND trim(j.value) <> '';
      INSERT INTO services_text (rowid, name, provider, description)
        SELECT s.rowid, s.name, p.name, s.description FROM services s JOIN service_providers p ON p.id = s.provider_id;
      INSERT INTO services_words (rowid, name, provider, description)
        SELECT s.rowid, s.name, p.name, s.description FROM services s JOIN service_providers p ON p.id = s.provider_id;
    `);
  },
} satisfies Migration;
