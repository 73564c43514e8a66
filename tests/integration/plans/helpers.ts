// Shared set-up for the plans and preparation tests: an office on a clock the test moves, and a
// few ready-made inputs.
import type { InProcessClient } from '../../../electron/core/client';
import type { ChannelInput } from '../../../shared/contract';
import type { PlanContentInput } from '../../../shared/plans/schemas';
import { openRawWithKey, setUpStaffedOffice, supervisorPassword, testClock, workerPassword } from '../../fixtures/core';

/** A real 1×1 PNG. */
export const pngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** The start of a JPEG file (the magic bytes are what the core checks). */
export const jpegBase64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]).toString('base64');

export const child = {
  givenName: 'Amélie',
  familyName: 'Nduwimana',
  sex: 'female' as const,
  dateOfBirth: '2012-03-02',
  separationReasons: ['poverty' as const],
  separationDate: '2022-06-01',
  separationPlace: 'Gulu market',
  area: 'Gulu',
  careArrangement: 'transit_centre' as const,
};

export const planContent = (overrides: Partial<PlanContentInput> = {}): PlanContentInput => ({
  objectives: [
    {
      domain: 'education_skills',
      objective: 'Amélie is enrolled in Pece primary school',
      indicator: 'Enrolment letter from the head teacher',
      targetDate: '2026-09-01',
      responsible: 'Grace Okello (mother)',
      resources: 'School fees bursary',
      partialSupport: { what: 'School uniform', familyShare: 'Half the cost, 15 000 UGX' },
    },
    {
      domain: 'family_relationships',
      objective: 'Weekly calls between Amélie and her mother',
      indicator: 'Call log kept by the transit centre',
      targetDate: '2026-06-30',
      responsible: 'Transit centre social worker',
    },
  ],
  familyOwnership: 'The family chose the school and will walk her there',
  contingencyPlan: 'If the mother refuses, Amélie stays with her aunt Florence Achieng in Lira',
  guardianship: { currentHolder: 'District Probation Office', returnsTo: 'Grace Okello', returnsOn: null, notes: 'On reunification' },
  ...overrides,
});

type Acknowledgement = ChannelInput<'plans.acknowledge'>['acknowledgement'];
export const verbalAck = (date: string, extra: Partial<Acknowledgement> = {}): Acknowledgement =>
  ({
    method: 'verbal',
    witnessName: 'Pastor Moses Ouma',
    witnessRole: 'religious leader',
    date,
    familyMembers: [{ name: 'Grace Okello', relationship: 'mother' }],
    childAcknowledged: true,
    ...extra,
  }) as Acknowledgement;

export async function officeOnClock(start: string) {
  const clock = testClock(start);
  const office = await setUpStaffedOffice({ now: clock.now });
  const worker = await office.login('wanjiru', workerPassword);
  const other = await office.login('omar', workerPassword);
  const supervisor = await office.login('sara', supervisorPassword);
  return {
    ...office,
    clock,
    worker,
    other,
    supervisor,
    /** Moves the clock; sessions lock after inactivity, so everyone unlocks again. */
    async travelTo(iso: string) {
      clock.set(iso);
      await worker.ok('session.unlock', { password: workerPassword });
      await other.ok('session.unlock', { password: workerPassword });
      await supervisor.ok('session.unlock', { password: supervisorPassword });
    },
    /**
     * Registers a child whose BID (another feature) is already approved: a plan takes effect only
     * once it is (shared/cases/stages.ts planInForceGates).
     */
    async register(client: InProcessClient = worker, overrides: Partial<typeof child> = {}) {
      const row = await client.ok('cases.register', { child: { ...child, ...overrides } });
      const raw = openRawWithKey(office.core);
      try {
        raw
          .prepare(
            `INSERT INTO bids (id, case_id, status, date, panel, options_considered, child_views, decision, decision_other, reasons, review_comment,
               created_at, created_by, updated_at, submitted_at, submitted_by, decided_at, decided_by, version)
             VALUES (?, ?, 'approved', '2022-07-01', '[]', '[]', 'She wants to go home', 'reintegration_with_family', '', 'Family found', '',
               '2022-07-01T08:00:00.000Z', NULL, '2022-07-01T08:00:00.000Z', '2022-07-01T08:00:00.000Z', NULL, '2022-07-01T09:00:00.000Z', NULL, 2)`,
          )
          .run(`bid-${row.id}`, row.id);
      } finally {
        raw.close();
      }
      return row;
    },
    /** Puts a case at a stage directly, as if the earlier gates had passed in features not under test. */
    setStage(caseId: string, stage: string) {
      const raw = openRawWithKey(office.core);
      try {
        raw.prepare('UPDATE cases SET stage = ? WHERE id = ?').run(stage, caseId);
      } finally {
        raw.close();
      }
    },
    auditDetails(caseId: string): string[] {
      const raw = openRawWithKey(office.core);
      try {
        return (raw.prepare('SELECT action, details FROM audit_log WHERE entity_id = ?').all(caseId) as { action: string; details: string | null }[]).map(
          (r) => `${r.action} ${r.details ?? ''}`,
        );
      } finally {
        raw.close();
      }
    },
    count(table: string, caseId: string): number {
      const raw = openRawWithKey(office.core);
      try {
        return (raw.prepare(`SELECT count(*) AS n FROM ${table} WHERE case_id = ?`).get(caseId) as { n: number }).n;
      } finally {
        raw.close();
      }
    },
  };
}

export type ClockOffice = Awaited<ReturnType<typeof officeOnClock>>;

export function errorCode(result: { ok: boolean; error?: { code: string } }): string | null {
  return result.ok ? null : (result.error?.code ?? null);
}
