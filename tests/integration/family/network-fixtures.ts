// Shared set-up for the family, consents and notes tests: a staffed office with one child's case
// assigned to Wanjiru, logins for her, for Omar (not assigned) and for Sara (supervisor), and a way
// to read the audit log's details straight from the encrypted file.
import type { InProcessClient } from '../../../electron/core/client';
import { openRawWithKey, setUpStaffedOffice, supervisorPassword, workerPassword } from '../../fixtures/core';

export const child = {
  givenName: 'Perpetua',
  familyName: 'Okwiri-Lamaro',
  sex: 'female' as const,
  dateOfBirth: '2013-06-14',
  separationReasons: ['poverty' as const],
  separationDate: '2024-02-10',
  separationPlace: 'Gulu bus park',
  area: 'Gulu',
  careArrangement: 'transit_centre' as const,
};

/** Tiny but real files: each starts with its format's signature. */
export const files = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  png: Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  ),
  jpeg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
  webp: Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L', 'latin1'), Buffer.alloc(14)]),
};

export type NetworkOffice = Awaited<ReturnType<typeof setUpNetworkOffice>>;

export async function setUpNetworkOffice() {
  const office = await setUpStaffedOffice();
  const worker: InProcessClient = await office.login('wanjiru', workerPassword);
  const other: InProcessClient = await office.login('omar', workerPassword);
  const supervisor: InProcessClient = await office.login('sara', supervisorPassword);
  const registered = await worker.ok('cases.register', { child });
  return {
    office,
    worker,
    other,
    supervisor,
    caseId: registered.id,
    /** Every audit entry's action and details, read with the data key as an administrator could. */
    auditEntries(): { action: string; details: string | null }[] {
      const raw = openRawWithKey(office.core);
      try {
        return raw.prepare('SELECT action, details FROM audit_log ORDER BY id').all() as { action: string; details: string | null }[];
      } finally {
        raw.close();
      }
    },
    /** Rows in one of this feature's tables, counted straight from the file. */
    count(table: 'family_members' | 'consents' | 'case_notes' | 'case_note_revisions' | 'case_documents'): number {
      const raw = openRawWithKey(office.core);
      try {
        return (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      } finally {
        raw.close();
      }
    },
  };
}
