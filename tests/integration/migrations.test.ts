// Migrations: one upgrade test per migration file, a database from the future refused, a backup
// before migrating, all-or-nothing, and every migration file bundled.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryHash } from '../../electron/core/audit/audit';
import { currentVersion, migrate } from '../../electron/core/db/migrate';
import { openRaw, type RawDatabase } from '../../electron/core/db/open';
import { StoreManager } from '../../electron/core/store';
import { latestVersion, migrations, type Migration } from '../../migrations';
import { AppError } from '../../shared/contract/errors';
import { adminPassword, currentDataKey, setUpStaffedOffice, tempDir, type TestOffice } from '../fixtures/core';
import { count, insertRow, newEncryptedDb, runUpgrade, tableNames, triggerNames, type MigrationCase } from '../fixtures/migrations';
import { sqliteMagic } from '../fixtures/plaintext';
import { migration0005Case } from './plans/migration-0005';
import { migration0008Case } from './session/migration-0008';
import { migration0015Case } from './services/migration-0015';
import { migration0017Case } from './fidelity/migration-0017';
import { migration0019Case } from './services/migration-0019';
import { migration0021Case } from './assessments/migration-0021';
import { migration0022Case } from './reports/migration-0022';
import { migration0023Case } from './referrals/migration-0023';
import { migration0024Case } from './reports/migration-0024';
import { migration0026Case } from './reports/migration-0026';
import { migration0027Case } from './reports/migration-0027';
import { migration0028Case } from './cases/migration-0028';
import { migration0029Case } from './cases/migration-0029';
import { migration0030Case } from './cases/migration-0030';
import { expectCode } from '../fixtures/results';

const dirs: string[] = [];
const offices: TestOffice[] = [];
const newDir = () => {
  const dir = tempDir('homeward-migrate-');
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const office of offices.splice(0)) office.cleanup();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const now = '2025-03-01T08:00:00.000Z';

/**
 * One case per migration, keyed by version. A new migration adds its case here: seed the rows a
 * real office has at the version before, and check the change after. runUpgrade itself checks that
 * every row present before (including those earlier cases left) is still there after.
 */
const migrationCases: Record<number, MigrationCase> = {
  1: {
    seed(raw) {
      // Version 0 is a brand-new encrypted file: nothing to keep, but nothing must be there either.
      expect(tableNames(raw)).toEqual([]);
    },
    check(raw) {
      expect(tableNames(raw)).toEqual(['audit_log', 'office', 'users']);
      expect(triggerNames(raw)).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
      raw
        .prepare(`INSERT INTO office (id, name, code, country, default_language, created_at) VALUES (1, 'Gulu', 'GUL', 'UG', 'en', ?)`)
        .run(now);
      expect(raw.prepare('SELECT auto_lock_minutes, require_bid FROM office').get()).toEqual({ auto_lock_minutes: 5, require_bid: 1 });
      expect(() => raw.prepare(`INSERT INTO office (id, name, code, country, default_language, created_at) VALUES (2, 'B', 'B', 'UG', 'en', ?)`).run(now)).toThrow(
        /CHECK/,
      );
      const user = raw.prepare(
        `INSERT INTO users (id, username, display_name, role, language, created_at) VALUES (?, ?, 'Someone', ?, 'en', ?)`,
      );
      user.run('u1', 'someone', 'caseworker', now);
      expect(() => user.run('u2', 'someone', 'caseworker', now)).toThrow(/UNIQUE/);
      expect(() => user.run('u3', 'other', 'superuser', now)).toThrow(/CHECK/);
      raw.prepare(`INSERT INTO audit_log (at, action, prev_hash, hash) VALUES (?, 'x', 'p', 'h')`).run(now);
      expect(() => raw.exec(`UPDATE audit_log SET action = 'y'`)).toThrow(/append-only/);
    },
  },
  2: {
    seed(raw) {
      insertRow(raw, 'users', { id: 'worker-2', username: 'worker.two', role: 'caseworker' });
    },
    check(raw) {
      expect(tableNames(raw)).toEqual(expect.arrayContaining(['cases', 'case_photos', 'case_events', 'drafts']));
      insertRow(raw, 'cases', { ...aCase('case-1'), worker_id: 'worker-2', search_text: 'akello okot gul-2025-0001' });
      // The search index follows the table through its triggers.
      expect(raw.prepare(`SELECT rowid FROM cases_search WHERE cases_search MATCH 'kello'`).all()).toHaveLength(1);
      expect(raw.prepare(`SELECT rowid FROM cases_words WHERE cases_words MATCH 'ak*'`).all()).toHaveLength(1);
      insertRow(raw, 'case_events', { case_id: 'case-1', user_id: 'worker-2', at: now, type: 'registered' });
      insertRow(raw, 'case_photos', { case_id: 'case-1', mime: 'image/png', data: Buffer.from([137, 80, 78, 71]), updated_at: now });
      // Cases belong to real users and have one of the known stages.
      expect(() => insertRow(raw, 'cases', { ...aCase('case-x'), worker_id: 'no-such-user' })).toThrow(/FOREIGN KEY/);
      expect(() => insertRow(raw, 'cases', { ...aCase('case-y'), stage: 'limbo' })).toThrow(/CHECK/);
    },
  },
  3: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-3'), number: 'GUL-2025-0003' });
    },
    check(raw) {
      expect(tableNames(raw)).toEqual(expect.arrayContaining(['family_members', 'case_documents', 'consents', 'case_notes', 'case_note_revisions']));
      insertRow(raw, 'family_members', { id: 'fm-1', case_id: 'case-3', kind: 'relative', sex: 'female', given_name: 'Aber', created_at: now, updated_at: now });
      insertRow(raw, 'case_notes', { id: 'note-1', case_id: 'case-3', kind: 'home_visit', note_date: '2025-03-01', text: 'Visited.', created_at: now, updated_at: now });
      expect(() => insertRow(raw, 'case_notes', { id: 'note-x', case_id: 'no-such-case', kind: 'general' })).toThrow(/FOREIGN KEY/);
    },
  },
  4: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-4'), number: 'GUL-2025-0004' });
    },
    check(raw) {
      expect(tableNames(raw)).toEqual(expect.arrayContaining(['tracing_actions', 'assessment_templates', 'assessments', 'risk_assessments', 'safety_plans', 'bids']));
      // The shipped assessment templates come with the migration.
      const kinds = (raw.prepare('SELECT DISTINCT kind FROM assessment_templates ORDER BY kind').all() as { kind: string }[]).map((r) => r.kind);
      expect(kinds).toEqual(expect.arrayContaining(['child', 'community', 'family']));
      insertRow(raw, 'tracing_actions', { case_id: 'case-4', method: 'home_visit', result: 'lead' });
      expect(count(raw, 'tracing_actions', `case_id = 'case-4'`)).toBe(1);
    },
  },
  // Written with the plans feature; its file keeps the case beside the feature's other tests.
  5: migration0005Case,
  6: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-6'), number: 'GUL-2025-0006' });
    },
    check(raw) {
      expect(tableNames(raw)).toEqual(expect.arrayContaining(['contacts', 'contact_refusals', 'reunifications']));
      insertRow(raw, 'contacts', { case_id: 'case-6', kind: 'remote_contact', status: 'planned', planned_for: '2025-03-10' });
      expect(() => insertRow(raw, 'contacts', { case_id: 'case-6', kind: 'remote_contact', status: 'planned', planned_for: null })).toThrow(/CHECK/);
    },
  },
  7: {
    seed(raw) {
      // An entry written before state hashes existed: its hash must verify unchanged afterwards.
      const row = { at: now, user_id: null, username: 'admin', action: 'case.update', entity_type: 'case', entity_id: 'case-6', details: null };
      insertRow(raw, 'audit_log', { ...row, prev_hash: 'p7', hash: entryHash('p7', row) });
    },
    check(raw) {
      const old = raw.prepare(`SELECT * FROM audit_log WHERE prev_hash = 'p7'`).get() as Parameters<typeof entryHash>[1] & { hash: string };
      expect(old.state_hash).toBeNull();
      expect(entryHash('p7', old)).toBe(old.hash);
      expect(raw.prepare('SELECT backup_keep, backup_reminder_days, backup_folder FROM office').get()).toEqual({
        backup_keep: 10,
        backup_reminder_days: 7,
        backup_folder: null,
      });
      expect(() => raw.exec('UPDATE office SET backup_keep = 0')).toThrow(/CHECK/);
      // A new entry with a state hash; the append-only triggers still hold.
      insertRow(raw, 'audit_log', { at: now, action: 'case.update', prev_hash: old.hash, hash: 'h', state_hash: 'f'.repeat(64) });
      expect(() => raw.exec(`UPDATE audit_log SET state_hash = NULL`)).toThrow(/append-only/);
      },
    },
  // First-sign-in password change and the duplicate-flag queue; the case sits with the session tests.
  8: migration0008Case,
  9: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-9'), number: 'GUL-2025-0009' });
      insertRow(raw, 'family_members', { id: 'fm-9', case_id: 'case-9', kind: 'relative', sex: 'male', given_name: 'Opio', created_at: now, updated_at: now });
    },
    check(raw) {
      expect(tableNames(raw)).toEqual(expect.arrayContaining(['gate_exceptions', 'practice_settings']));
      // Existing people are not restricted; the office starts with the shipped defaults.
      expect(raw.prepare(`SELECT poses_risk, restriction, must_not_know_location FROM family_members WHERE id = 'fm-9'`).get()).toEqual({
        poses_risk: 0,
        restriction: 'none',
        must_not_know_location: 0,
      });
      expect(raw.prepare('SELECT home_safety_days, plan_due_days, one_supervisor_mode FROM practice_settings').all()).toEqual([
        { home_safety_days: 30, plan_due_days: 60, one_supervisor_mode: 0 },
      ]);
      expect(() => raw.prepare(`UPDATE family_members SET restriction = 'sometimes' WHERE id = 'fm-9'`).run()).toThrow(/CHECK/);
      insertRow(raw, 'gate_exceptions', { case_id: 'case-9', gate_id: 'supervisedVisitSucceeded', reason_kind: 'distance', status: 'pending', requested_at: now });
      expect(() => insertRow(raw, 'gate_exceptions', { case_id: 'case-9', gate_id: 'x', reason_kind: 'other', status: 'approved', requested_at: now })).toThrow(/CHECK/);
    },
  },
  10: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-12'), number: 'GUL-2025-0012' });
    },
    check(raw) {
      // An existing office gets its transfer keys: an age identity and an Ed25519 key, inside the database.
      const keys = raw.prepare('SELECT * FROM office_keys').all() as { age_identity: string; age_recipient: string; signing_public_key: string }[];
      expect(keys).toHaveLength(1);
      expect(keys[0].age_identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
      expect(keys[0].age_recipient).toMatch(/^age1[0-9a-z]{58}$/);
      expect(Buffer.from(keys[0].signing_public_key, 'base64')).toHaveLength(32);
      expect(tableNames(raw)).toEqual(expect.arrayContaining(['partner_offices', 'transfers', 'case_handovers']));
      expect(() => raw.prepare('INSERT INTO office_keys VALUES (2, 1, 1, 1, 1, 1)').run()).toThrow(/CHECK|datatype/);
    },
  },
  11: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-11'), number: 'GUL-2025-0011', family_name: 'Okello', given_name: 'Grace', seq: 11 });
    },
    check(raw) {
      // The name sort's key is computed from the row, case-folded like NOCASE.
      expect(raw.prepare(`SELECT name_key FROM cases WHERE id = 'case-11'`).get()).toEqual({ name_key: 'okello\u001fgrace' });
      const indexes = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases'`).all() as { name: string }[]).map((r) => r.name);
      expect(indexes).toEqual(
        expect.arrayContaining(['cases_list_updated', 'cases_list_name', 'cases_list_number', 'cases_list_review', 'cases_list_birth', 'cases_list_filters']),
      );
      // A keyset page of the name sort is a range of its index, not a scan and sort.
      const plan = (raw.prepare(
        `EXPLAIN QUERY PLAN SELECT seq FROM cases INDEXED BY cases_list_name WHERE (name_key, seq) > ('a', 0) ORDER BY name_key, seq LIMIT 5`,
      ).all() as { detail: string }[]).map((r) => r.detail);
      expect(plan.join(' ')).toMatch(/SEARCH cases USING (COVERING )?INDEX cases_list_name \(\(name_key,seq\)>\(\?,\?\)\)/);
      // The name vocabulary of the word index, and the audit checkpoint (one row at most).
      expect(raw.prepare(`SELECT term FROM cases_words_vocab WHERE term = 'akello'`).all()).toHaveLength(1);
      insertRow(raw, 'audit_checkpoint', { id: 1, entry_id: 1, hash: 'h', verified_at: now });
      expect(() => insertRow(raw, 'audit_checkpoint', { id: 2, entry_id: 2, hash: 'h', verified_at: now })).toThrow(/CHECK/);
    },
  },
  12: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-fu'), number: 'GUL-2025-0112', stage: 'follow_up', seq: 112 });
    },
    check(raw) {
      // The follow-up tables exist empty; an existing case in follow-up keeps its row and can be planned.
      expect(tableNames(raw)).toEqual(
        expect.arrayContaining(['followup_protocol', 'followup_contacts', 'followup_visits', 'followup_signs', 'followup_breakdowns', 'followup_outcomes']),
      );
      insertRow(raw, 'followup_contacts', { id: 'fc-1', case_id: 'case-fu', due_on: '2025-03-08', type: 'home_visit', performer: 'case_worker', source: 'protocol', status: 'planned', created_at: now, updated_at: now });
      expect(() =>
        insertRow(raw, 'followup_contacts', { id: 'fc-2', case_id: 'case-fu', due_on: '2025-03-08', type: 'carrier_pigeon', performer: 'case_worker', source: 'protocol', status: 'planned', created_at: now, updated_at: now }),
      ).toThrow(/CHECK/);
      expect(() => insertRow(raw, 'followup_protocol', { id: 2, definition: '{}', version: 1, updated_at: now })).toThrow(/CHECK/);
      expect(() =>
        insertRow(raw, 'followup_outcomes', { id: 'o-1', case_id: 'case-fu', milestone: 9, recorded_on: '2025-03-01', living: 'unknown', school: 'unknown', welcomed: 'unknown', belonging: 'unknown', child_words: '', note: '', result: 'unknown', created_at: now }),
      ).toThrow(/CHECK/);
    },
  },
  13: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-13'), number: 'GUL-2025-0013', status: 'halted', halted_at: now, halt_alternative: 'temporary_alternative_care' });
    },
    check(raw) {
      // An existing halt waits for a supervisor's confirmation; the caseload warning has its default.
      expect(raw.prepare(`SELECT status, halted_by, halt_confirmed_at FROM cases WHERE id = 'case-13'`).get()).toEqual({ status: 'halted', halted_by: null, halt_confirmed_at: null });
      expect(raw.prepare('SELECT caseload_warn_size FROM practice_settings').get()).toEqual({ caseload_warn_size: 25 });
      expect(tableNames(raw)).toEqual(expect.arrayContaining(['case_closures', 'case_reopenings', 'review_sessions', 'review_items', 'review_actions']));
      const closure = { case_id: 'case-13', reason: 'reintegrated', observations_reviewed: 1, progress_reviewed: 1, providers_consulted: 'Teacher', risks: '[]', child_views: 'x', family_views: 'y', stage_before: 'follow_up', status_before: 'open', recommended_at: now };
      insertRow(raw, 'case_closures', { ...closure, status: 'recommended' });
      // A decided closure has its date; the reason is one of the Guidelines' list.
      expect(() => insertRow(raw, 'case_closures', { ...closure, status: 'approved' })).toThrow(/CHECK/);
      expect(() => insertRow(raw, 'case_closures', { ...closure, status: 'recommended', reason: 'bored' })).toThrow(/CHECK/);
    },
  },
  15: migration0015Case,
  19: migration0019Case,
  // Referrals between partner offices; categories the office keeps (reserved number 24).
  23: migration0023Case,
  18: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-18'), number: 'GUL-2025-0018' });
    },
    check(raw) {
      // The approvals queue's plan and BID sources (electron/core/approvals/queue.ts) read only what
      // waits, through these partial indexes, never every plan in force or every BID.
      const indexes = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['plan_versions_awaiting_approval', 'bids_awaiting_approval']));
      const plan = (sql: string) => (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      const plans = plan(`SELECT id, case_id, updated_at FROM plan_versions WHERE status = 'current' AND approved_at IS NULL`);
      expect(plans).toMatch(/USING (COVERING )?INDEX plan_versions_awaiting_approval/);
      const bids = plan(`SELECT id, case_id, coalesce(submitted_at, updated_at) FROM bids WHERE status = 'submitted' ORDER BY coalesce(submitted_at, updated_at) LIMIT 100`);
      expect(bids).toMatch(/USING (COVERING )?INDEX bids_awaiting_approval/);
      expect(bids).not.toMatch(/TEMP B-TREE/);
    },
  },
  14: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-14'), number: 'GUL-2025-0014' });
    },
    check(raw) {
      // Conferences, their invitees and commitments hang off an existing case.
      expect(tableNames(raw)).toEqual(expect.arrayContaining(['conferences', 'conference_invitees', 'conference_commitments']));
      const conference = { case_id: 'case-14', kind: 'conference', purpose: 'plan', child_mode: 'attends_all', created_at: now, updated_at: now };
      insertRow(raw, 'conferences', { ...conference, id: 'conf-14' });
      // The child's participation: "not involved" carries its reason (G:L76).
      expect(() => insertRow(raw, 'conferences', { ...conference, id: 'conf-15', child_mode: 'not_involved', child_reason: '' })).toThrow(/CHECK/);
      expect(() => insertRow(raw, 'conferences', { ...conference, id: 'conf-16', step: 'coffee' })).toThrow(/CHECK/);
      insertRow(raw, 'conference_invitees', { id: 'inv-14', conference_id: 'conf-14', case_id: 'case-14', status: 'invited', position: 0, created_at: now });
      expect(() => insertRow(raw, 'conference_invitees', { id: 'inv-15', conference_id: 'conf-14', case_id: 'case-14', status: 'maybe', position: 1, created_at: now })).toThrow(/CHECK/);
      insertRow(raw, 'conference_commitments', { id: 'com-14', conference_id: 'conf-14', case_id: 'case-14', position: 0, by_when: '2025-04-01' });
      // My work's due commitments: a range of the partial index, not a scan.
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT id FROM conference_commitments WHERE done_at IS NULL AND by_when <= '2025-05-01'`).all() as { detail: string }[]).map((r) => r.detail);
      expect(plan.join(' ')).toMatch(/USING INDEX conference_commitments_due/);
    },
  },
  20: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-20'), number: 'GUL-2025-0020' });
      insertRow(raw, 'conferences', { id: 'conf-20', case_id: 'case-20', kind: 'conference', purpose: 'plan', child_mode: 'attends_all', created_at: now, updated_at: now, agreed_at: now });
      insertRow(raw, 'conference_invitees', { id: 'inv-20', conference_id: 'conf-20', case_id: 'case-20', status: 'attended', position: 0, created_at: now });
      insertRow(raw, 'conference_commitments', { id: 'com-20', conference_id: 'conf-20', case_id: 'case-20', position: 0, by_when: '2025-04-01', done_at: now });
    },
    check(raw) {
      // Earlier rows: no answer to the agreement yet; a commitment done before has no evidence recorded.
      expect(raw.prepare(`SELECT ack_outcome, ack_reason, ack_by, ack_at FROM conference_invitees WHERE id = 'inv-20'`).get()).toEqual({ ack_outcome: null, ack_reason: '', ack_by: null, ack_at: null });
      expect(raw.prepare(`SELECT done_on, done_by, done_evidence FROM conference_commitments WHERE id = 'com-20'`).get()).toEqual({ done_on: null, done_by: null, done_evidence: '' });
      raw.prepare(`UPDATE conference_invitees SET ack_outcome = 'declined', ack_reason = 'Wants to ask the father' WHERE id = 'inv-20'`).run();
      expect(() => raw.prepare(`UPDATE conference_invitees SET ack_outcome = 'maybe' WHERE id = 'inv-20'`).run()).toThrow(/CHECK/);
      // The register reads conferences in date order from the index, without sorting the table.
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT id FROM conferences ORDER BY date DESC, time DESC LIMIT 100`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
      expect(plan).toMatch(/conferences_register/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    },
  },
  // My work's per-case reads answered from indexes alone (issue 9).
  25: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-25'), number: 'GUL-2025-0025', seq: 25 });
      insertRow(raw, 'contacts', { id: 'ct-25', case_id: 'case-25', kind: 'remote_contact', status: 'planned', planned_for: '2025-03-10' });
      insertRow(raw, 'tracing_actions', { id: 'ta-25', case_id: 'case-25', method: 'home_visit', result: 'family_found', date: '2025-02-01' });
      insertRow(raw, 'plan_versions', { id: 'pv-25', case_id: 'case-25', version: 1, status: 'current', acknowledged_on: '2025-02-01', approved_at: null, updated_at: now });
    },
    check(raw) {
      const plan = (sql: string) => (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      // Rows written before are in the new indexes, and each read is answered by its index alone.
      const contacts = `SELECT case_id, id, kind, planned_for FROM contacts INDEXED BY contacts_planned WHERE status = 'planned' AND case_id = 'case-25'`;
      expect(raw.prepare(contacts).all()).toEqual([{ case_id: 'case-25', id: 'ct-25', kind: 'remote_contact', planned_for: '2025-03-10' }]);
      expect(plan(contacts)).toMatch(/COVERING INDEX contacts_planned/);
      const tracing = `SELECT case_id, id, date, result FROM tracing_actions INDEXED BY tracing_actions_live WHERE case_id = 'case-25' AND removed_at IS NULL ORDER BY case_id, date, created_at, id`;
      expect(raw.prepare(tracing).all()).toEqual([{ case_id: 'case-25', id: 'ta-25', date: '2025-02-01', result: 'family_found' }]);
      expect(plan(tracing)).toMatch(/COVERING INDEX tracing_actions_live/);
      expect(plan(tracing)).not.toMatch(/TEMP B-TREE/);
      const waiting = `SELECT id, updated_at, version, created_by FROM plan_versions INDEXED BY plan_versions_waiting_case WHERE case_id = 'case-25' AND status = 'current' AND approved_at IS NULL`;
      expect(raw.prepare(waiting).all()).toEqual([expect.objectContaining({ id: 'pv-25', version: 1 })]);
      expect(plan(waiting)).toMatch(/COVERING INDEX plan_versions_waiting_case/);
    },
  },
  // Fidelity, second part: "not yet assessed", halt reviews, spontaneous returns' tasks.
  17: migration0017Case,
  21: migration0021Case,
  // Indicator facts for the M&E dashboard at 100 000 cases.
  22: migration0022Case,
  // Indexes for the dashboard's grouped cohorts, the care-setting split and the export's scores.
  24: migration0024Case,
  // The split columns on each fact, and plans in force as facts.
  26: migration0026Case,
  27: migration0027Case,
  28: migration0028Case,
  29: migration0029Case,
  30: migration0030Case,
  16: {
    seed(raw) {
      insertRow(raw, 'cases', { ...aCase('case-16'), number: 'GUL-2025-0016', seq: 16 });
    },
    check(raw) {
      // Administrators do not see the dashboard until a supervisor grants it; one settings row only.
      expect(raw.prepare('SELECT admin_dashboard, dhis2_org_unit FROM report_settings').all()).toEqual([{ admin_dashboard: 0, dhis2_org_unit: '' }]);
      expect(() => insertRow(raw, 'report_settings', { id: 2 })).toThrow(/CHECK/);
      insertRow(raw, 'dhis2_mappings', { indicator: 'registered', part: 'numerator', data_element: 'fbfJHSPpUQD', category_option_combo: 'HllvX50cXC0', updated_at: now });
      expect(() => insertRow(raw, 'dhis2_mappings', { indicator: 'registered', part: 'numerator', data_element: 'x', category_option_combo: 'y', updated_at: now })).toThrow(/UNIQUE/);
      expect(() => insertRow(raw, 'dhis2_mappings', { indicator: 'registered', part: 'both', data_element: 'x', category_option_combo: 'y', updated_at: now })).toThrow(/CHECK/);
      // An indicator's period is a range of a date index, not a scan of the table.
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT case_id FROM tracing_actions WHERE removed_at IS NULL AND date BETWEEN '2025-01-01' AND '2025-03-31'`).all() as { detail: string }[]).map((r) => r.detail);
      expect(plan.join(' ')).toMatch(/tracing_actions_date/);
    },
  },
};

/** The columns of a case row that carry CHECK lists or must be unique. */
function aCase(id: string): Record<string, unknown> {
  return {
    id,
    number: `GUL-2025-${id}`,
    sex: 'female',
    stage: 'tracing_assessment',
    status: 'open',
    risk_level: 'low',
    priority: 'normal',
    given_name: 'Akello',
    search_text: `akello ${id}`,
    registered_at: now,
    updated_at: now,
  };
}

describe('each migration upgrades a database and keeps its rows', () => {
  it('every migration has an upgrade test (add its case to migrationCases in this file)', () => {
    const missing = migrations.filter((m) => !migrationCases[m.version]).map((m) => `${m.version} ${m.name}`);
    expect(missing).toEqual([]);
  });

  it.each(migrations.map((m) => ({ ...m, label: `${String(m.version).padStart(4, '0')}_${m.name}` })))(
    'migration $label: rows written at the version before survive, and its change is in place',
    ({ version }) => {
      runUpgrade(newDir(), version, migrationCases);
    },
  );

  it('the upgrade check itself catches a migration that loses rows', () => {
    const losesUsers: Migration = { version: 2, name: 'loses_users', up: (db) => db.exec(`DELETE FROM users WHERE username = 'someone'`) };
    expect(() => runUpgrade(newDir(), 2, { 1: migrationCases[1] }, [migrations[0], losesUsers])).toThrow(/rows of users/);
  });

  it('migrating all the way from an empty file reaches the latest version', () => {
    const db = newEncryptedDb(newDir());
    try {
      expect(migrate(db.raw, db.file, migrations)).toMatchObject({ from: 0, to: latestVersion, backupFile: null });
      expect(currentVersion(db.raw)).toBe(latestVersion);
      expect(migrate(db.raw, db.file, migrations)).toEqual({ from: latestVersion, to: latestVersion, backupFile: null });
    } finally {
      db.raw.close();
    }
  });
});

describe('a database from a newer Homeward', () => {
  it('is refused with DB_FROM_FUTURE and left untouched', () => {
    const db = newEncryptedDb(newDir());
    try {
      migrate(db.raw, db.file, migrations);
      db.raw.pragma(`user_version = ${latestVersion + 1}`);
      const tables = tableNames(db.raw);
      let code = '';
      try {
        migrate(db.raw, db.file, migrations);
      } catch (error) {
        code = error instanceof AppError ? error.code : String(error);
      }
      expect(code).toBe('DB_FROM_FUTURE');
      expect(currentVersion(db.raw)).toBe(latestVersion + 1);
      expect(tableNames(db.raw)).toEqual(tables);
      expect(fs.readdirSync(path.dirname(db.file)).filter((f) => f.endsWith('.bak'))).toEqual([]);
    } finally {
      db.raw.close();
    }
  });

  it('logging in to it fails with DB_FROM_FUTURE and leaves the database closed', async () => {
    const office = await setUpStaffedOffice();
    offices.push(office);
    const key = currentDataKey(office.core);
    await office.admin.ok('session.logout', {});
    const raw = openRaw({ file: office.core.paths.dbFile, key });
    raw.pragma(`user_version = ${latestVersion + 7}`);
    raw.close();
    await expectCode(office.client().call('session.login', { username: 'admin', password: adminPassword }), 'DB_FROM_FUTURE');
    expect(office.core.store.isOpen).toBe(false);
  });
});

/** A migration that adds a table and changes an existing row, to see what a later one undoes. */
const addsNotes = (version: number): Migration => ({
  version,
  name: 'test_notes',
  up(db) {
    db.exec(`CREATE TABLE test_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO test_notes (body) VALUES ('first');`);
    db.exec(`UPDATE office SET name = 'Renamed by migration'`);
  },
});
const fails = (version: number): Migration => ({
  version,
  name: 'test_fails',
  up(db) {
    db.exec(`CREATE TABLE test_half_done (id INTEGER PRIMARY KEY)`);
    db.exec(`INSERT INTO no_such_table VALUES (1)`);
  },
});

function officeName(raw: RawDatabase): string {
  return (raw.prepare('SELECT name FROM office').get() as { name: string }).name;
}

describe('backups and all-or-nothing', () => {
  it('the app takes an encrypted backup of an existing database before migrating it', async () => {
    const office = await setUpStaffedOffice();
    offices.push(office);
    const key = currentDataKey(office.core);
    office.shutdown();
    const store = new StoreManager(office.core.paths, office.core.vault, undefined, [...migrations, addsNotes(latestVersion + 1)]);
    expect(await store.open([key])).toBe(0);
    const raw = store.get().raw;
    expect(currentVersion(raw)).toBe(latestVersion + 1);
    store.close();

    const backups = fs.readdirSync(office.dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(new RegExp(`^homeward\\.db\\.v${latestVersion}\\..+\\.bak$`));
    const backupFile = path.join(office.dir, backups[0]);
    expect(fs.readFileSync(backupFile).subarray(0, 16).equals(sqliteMagic)).toBe(false);
    const backup = openRaw({ file: backupFile, key, readonly: true });
    try {
      expect(currentVersion(backup)).toBe(latestVersion);
      expect(tableNames(backup)).not.toContain('test_notes');
      expect(officeName(backup)).toBe('Gulu District Office');
      expect((backup.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(4);
    } finally {
      backup.close();
    }
  });

  it('no backup is taken for a brand-new database or when nothing needs migrating', async () => {
    const office = await setUpStaffedOffice();
    offices.push(office);
    await office.admin.ok('session.logout', {});
    await office.login('admin', adminPassword);
    expect(fs.readdirSync(office.dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('a failing migration rolls back every migration of the run: version, tables and rows as before', () => {
    const db = newEncryptedDb(newDir());
    try {
      migrate(db.raw, db.file, migrations);
      db.raw.prepare(`INSERT INTO office (id, name, code, country, default_language, created_at) VALUES (1, 'Gulu', 'GUL', 'UG', 'en', ?)`).run(now);
      const list = [...migrations, addsNotes(latestVersion + 1), fails(latestVersion + 2)];
      expect(() => migrate(db.raw, db.file, list)).toThrow(/no such table/);
      expect(currentVersion(db.raw)).toBe(latestVersion);
      expect(tableNames(db.raw)).not.toContain('test_notes');
      expect(tableNames(db.raw)).not.toContain('test_half_done');
      expect(officeName(db.raw)).toBe('Gulu');
      // The backup was taken before the attempt, and the database still upgrades once fixed.
      expect(fs.readdirSync(path.dirname(db.file)).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
      expect(migrate(db.raw, db.file, [...migrations, addsNotes(latestVersion + 1)])).toMatchObject({ to: latestVersion + 1 });
      expect(officeName(db.raw)).toBe('Renamed by migration');
    } finally {
      db.raw.close();
    }
  });

  it('when a migration fails at login, the office still opens with this version afterwards', async () => {
    const office = await setUpStaffedOffice();
    offices.push(office);
    const key = currentDataKey(office.core);
    office.shutdown();
    const broken = new StoreManager(office.core.paths, office.core.vault, undefined, [...migrations, fails(latestVersion + 1)]);
    await expect(broken.open([key])).rejects.toThrow(/no such table/);
    expect(broken.isOpen).toBe(false);
    const store = new StoreManager(office.core.paths, office.core.vault);
    expect(await store.open([key])).toBe(0);
    expect(currentVersion(store.get().raw)).toBe(latestVersion);
    expect(tableNames(store.get().raw)).not.toContain('test_half_done');
    store.close();
  });
});

describe('bundling', () => {
  const folder = path.resolve(__dirname, '../../migrations');
  const files = fs
    .readdirSync(folder)
    .filter((f) => /^\d{4}_.+\.ts$/.test(f))
    .sort();

  it('every NNNN_*.ts file in migrations/ is imported and listed in migrations/index.ts', () => {
    const index = fs.readFileSync(path.join(folder, 'index.ts'), 'utf8');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(index, file).toContain(`'./${file.replace(/\.ts$/, '')}'`);
    expect(migrations).toHaveLength(files.length);
  });

  it('each file declares the version in its name, and the list runs 1, 2, 3 … in order', async () => {
    for (const file of files) {
      const module = (await import(path.join(folder, file))) as { default: Migration };
      const number = Number(file.slice(0, 4));
      expect(module.default.version, file).toBe(number);
      expect(file, file).toBe(`${file.slice(0, 4)}_${module.default.name}.ts`);
      expect(migrations[number - 1], file).toBe(module.default);
    }
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestVersion).toBe(migrations.length);
  });
});
