import type { Migration } from './types';

// Conference follow-up (issue 11, second part). A commitment of an agreement is marked done with
// when it was done, who recorded it and the evidence; each person present at the conference
// acknowledges the agreement, or is recorded as declining or absent with a reason. The office's
// conference register (the Conferences section) lists conferences by date across cases.
export default {
  version: 20,
  name: 'conference_followup',
  up(db) {
    db.exec(`
      ALTER TABLE conference_commitments ADD COLUMN done_on TEXT;
      ALTER TABLE conference_commitments ADD COLUMN done_by TEXT REFERENCES users (id);
      ALTER TABLE conference_commitments ADD COLUMN done_evidence TEXT NOT NULL DEFAULT '';
      ALTER TABLE conference_invitees ADD COLUMN ack_outcome TEXT CHECK (ack_outcome IS NULL OR ack_outcome IN ('acknowledged', 'declined', 'absent'));
      ALTER TABLE conference_invitees ADD COLUMN ack_reason TEXT NOT NULL DEFAULT '';
      ALTER TABLE conference_invitees ADD COLUMN ack_by TEXT REFERENCES users (id);
      ALTER TABLE conference_invitees ADD COLUMN ack_at TEXT;
      -- The register: conferences by date, newest or soonest first, without sorting the table.
      CREATE INDEX conferences_register ON conferences (date, time);
    `);
  },
} satisfies Migration;
