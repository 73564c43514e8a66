// Shared set-up for the contact-ladder and reunification tests: a staffed office and cases put
// straight into a stage (the earlier stages' gates belong to other features and are tested there).
import type { InProcessClient } from '../../../electron/core/client';
import type { Stage } from '../../../shared/cases/stages';
import { setUpStaffedOffice, supervisorPassword, workerPassword } from '../../fixtures/core';

export type StaffedOffice = Awaited<ReturnType<typeof setUpStaffedOffice>>;

export interface Team {
  office: StaffedOffice;
  /** wanjiru: the assigned case worker. */
  worker: InProcessClient;
  /** omar: another case worker, not assigned. */
  other: InProcessClient;
  supervisor: InProcessClient;
}

export async function setUpTeam(): Promise<Team> {
  const office = await setUpStaffedOffice();
  return {
    office,
    worker: await office.login('wanjiru', workerPassword),
    other: await office.login('omar', workerPassword),
    supervisor: await office.login('sara', supervisorPassword),
  };
}

export const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
export const daysAhead = (days: number): string => daysAgo(-days);

let counter = 0;

/** Registers a child with the worker, registered `registeredDaysAgo` days ago, in the given stage. */
export async function caseInStage(team: Team, stage: Stage, registeredDaysAgo = 120): Promise<string> {
  counter += 1;
  const row = await team.worker.ok('cases.register', {
    child: {
      givenName: `Grace${counter}`,
      familyName: 'Okello',
      sex: 'female',
      dateOfBirth: '2013-06-01',
      separationReasons: ['poverty'],
      separationDate: daysAgo(registeredDaysAgo + 30),
      separationPlace: 'Gulu market',
      area: 'Gulu',
      careArrangement: 'transit_centre',
    },
  });
  const registeredAt = new Date(Date.now() - registeredDaysAgo * 86_400_000).toISOString();
  team.office.core.store
    .get()
    .raw.prepare('UPDATE cases SET stage = ?, registered_at = ? WHERE id = ?')
    .run(stage, registeredAt, row.id);
  return row.id;
}

export function auditDetails(team: Team): string[] {
  const rows = team.office.core.store.get().raw.prepare('SELECT details FROM audit_log WHERE details IS NOT NULL').all() as {
    details: string;
  }[];
  return rows.map((r) => r.details);
}

/** The smallest valid PNG (1×1, transparent), as a canvas would export a signature. */
export const pngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const pdfBase64 = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64');
export const notAPngBase64 = Buffer.from('GIF89a this is not what it claims to be').toString('base64');
