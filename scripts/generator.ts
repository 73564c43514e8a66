// The deterministic generator behind `npm run seed` and the benchmarks: a real office (real key
// slots, real encrypted database) filled with realistic cases across all stages, families,
// assessments, plans and contacts, with names from all five languages. Same seed, same cases.
import crypto from 'node:crypto';
import { createInProcessClient } from '../electron/core/client';
import { createCore, type Core } from '../electron/core/core';
import { appendAudit, entryHash, GENESIS } from '../electron/core/audit/audit';
import { caseStateHash } from '../electron/core/audit/state';
import { namePools } from '../electron/core/cases/seed-names';
import type { SeedCase, SeedContext, SeedContributor } from '../electron/core/cases/seed-types';
import { childColumns, searchText } from '../electron/core/cases/rows';
import { spontaneousTaskKinds } from '../shared/tasks/rules';
import type { KdfCost } from '../electron/core/vault/crypto';
import { seedAssessments } from '../electron/core/assessments/seed';
import { seedBid } from '../electron/core/bid/seed';
import { seedConsentRecords } from '../electron/core/consents/seed';
import { seedContacts } from '../electron/core/contacts/seed';
import { seedFamily } from '../electron/core/family/seed';
import { seedClosures } from '../electron/core/closure/seed';
import { seedFollowup } from '../electron/core/followup/seed';
import { seedCaseNotes } from '../electron/core/notes/seed';
import { seedPlans } from '../electron/core/plans/seed';
import { seedPreparation } from '../electron/core/preparation/seed';
import { seedReunification } from '../electron/core/reunification/seed';
import { seedSafety } from '../electron/core/safety/seed';
import { seedTracing } from '../electron/core/tracing/seed';
import type { ChildDetails } from '../shared/cases/contract';
import { careArrangements, separationReasons } from '../shared/cases/fields';
import type { Stage } from '../shared/cases/stages';
import { languages, type Language } from '../shared/i18n/languages';
import { seedReferrals } from '../electron/core/referrals/seed';
import { seedReviews } from '../electron/core/review/seed';

export const seedPasswords = {
  admin: 'seeded office manager passphrase',
  staff: 'seeded district team passphrase',
} as const;

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  dir: string;
  cases: number;
  seed?: number;
  kdfCost?: KdfCost;
  /** Defaults to now; pass a fixed date for reproducible dates. */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  core: Core;
  seconds: number;
  /** Seconds spent in each feature's contributor (by function name), to see what a new one costs. */
  contributorSeconds: Record<string, number>;
  staff: { username: string; id: string; role: 'caseworker' | 'supervisor' }[];
  recoveryKey: string;
}

const stageMix: [Stage, number][] = [
  ['tracing_assessment', 0.36],
  ['preparation', 0.2],
  ['reunification', 0.16],
  ['follow_up', 0.28],
];

const languageMix: [Language, number][] = [
  ['en', 0.3],
  ['fr', 0.25],
  ['es', 0.15],
  ['pt', 0.12],
  ['ar', 0.18],
];

const areasByLanguage = (language: Language) => namePools[language].places;

function weighted<T>(rng: () => number, items: [T, number][]): T {
  let r = rng();
  for (const [item, weight] of items) {
    r -= weight;
    if (r <= 0) return item;
  }
  return items[items.length - 1][0];
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** In dependency order: a consent may name a family member, a plan follows the assessments. */
const contributors: SeedContributor[] = [
  seedFamily,
  seedConsentRecords,
  seedCaseNotes,
  seedTracing,
  seedAssessments,
  seedSafety,
  seedBid,
  seedPlans,
  seedPreparation,
  seedContacts,
  seedReunification,
  seedFollowup,
  seedReferrals,
  // Last: a closure follows the last monitoring visit, and reviews read what the others made (risk,
  // warning signs, plans in force, closures waiting).
  seedClosures,
  seedReviews,
];

export async function generateOffice(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const rng = seededRandom(options.seed ?? 42);
  const core = createCore({ dataDir: options.dir, kdfCost: options.kdfCost, now: () => now });
  const client = createInProcessClient(core);
  const setup = await client.ok('session.setupOffice', {
    office: { name: 'Gulu District Social Welfare Office', code: 'GUL', country: 'UG', defaultLanguage: 'en' },
    admin: { username: 'admin', displayName: 'Office Administrator', password: seedPasswords.admin },
  });
  await client.ok('session.login', { username: 'admin', password: seedPasswords.admin });
  const workerCount = Math.max(2, Math.min(60, Math.ceil(options.cases / 1500)));
  const staff: GenerateResult['staff'] = [];
  const staffForSeed: SeedContext['staff'] = [];
  for (let i = 0; i < workerCount + 2; i += 1) {
    const role = i < 2 ? ('supervisor' as const) : ('caseworker' as const);
    const language = languages[i % languages.length];
    const sex = i % 2 === 0 ? 'female' : 'male';
    const pool = namePools[language];
    const displayName = `${pool[sex][i % pool[sex].length]} ${pool.family[(i * 7) % pool.family.length]}`;
    const username = role === 'supervisor' ? `supervisor${i + 1}` : `worker${i - 1}`;
    const user = await client.ok('admin.createUser', { username, displayName, role, language, password: seedPasswords.staff });
    staff.push({ username, id: user.id, role });
    staffForSeed.push({ id: user.id, displayName, role });
  }
  const workers = staffForSeed.filter((s) => s.role === 'caseworker');
  const { raw } = core.store.get();
  // Generated staff are no one's real account: they sign in with the documented seed password
  // (benchmarks, demos) without the first-sign-in password change real users go through.
  raw.prepare('UPDATE users SET must_change_password = 0').run();

  const uuid = () => {
    const bytes = Buffer.alloc(16);
    for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(rng() * 256);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  const ctx: SeedContext = {
    raw,
    rng,
    now,
    staff: staffForSeed,
    pick,
    uuid,
    dateBetween(from, to) {
      const a = Date.parse(from);
      const b = Math.max(a, Date.parse(to));
      return isoDay(a + rng() * (b - a));
    },
    personName(language, sex) {
      const pool = namePools[language];
      return { givenName: pick(pool[sex]), familyName: pick(pool.family) };
    },
  };

  const insert = raw.prepare(`
    INSERT INTO cases (id, number, seq, office_code, given_name, family_name, other_names, search_text, sex,
      date_of_birth, dob_estimated, estimated_age, birth_year_sort, languages, has_disability, disability_notes,
      documentation_status, separation_reasons, separation_reason_other, separation_date, separation_place,
      care_arrangement, care_place, area, stage, status, halt_alternative, halt_reason, halt_child_views, halted_at,
      risk_level, risk_rank, risk_assessed, priority, spontaneous, spontaneous_kind, halt_review_due, worker_id, family_worker_id, review_due, registered_at,
      registered_by, updated_at, version)
    VALUES (@id, @number, @seq, @office_code, @given_name, @family_name, @other_names, @search_text, @sex,
      @date_of_birth, @dob_estimated, @estimated_age, @birth_year_sort, @languages, @has_disability, @disability_notes,
      @documentation_status, @separation_reasons, @separation_reason_other, @separation_date, @separation_place,
      @care_arrangement, @care_place, @area, @stage, @status, @halt_alternative, @halt_reason, @halt_child_views, @halted_at,
      @risk_level, @risk_rank, 0, @priority, @spontaneous, @spontaneous_kind, @halt_review_due, @worker_id, @family_worker_id, @review_due, @registered_at,
      @registered_by, @updated_at, 1)`);
  const event = raw.prepare('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)');
  // A spontaneous return's due tasks, with the office's default days (migration 17).
  const task = raw.prepare('INSERT INTO case_tasks (case_id, kind, due_on, created_at) VALUES (?, ?, ?, ?)');
  const spontaneousTaskDays = spontaneousTaskKinds.map((kind) => [kind, kind === 'home_visit' ? 7 : 30] as const);
  // One audit entry per recorded event, as the app writes them (ids and kinds only), hash-chained
  // after the set-up entries: the audit figures of the benchmark mean something only with a log of
  // realistic size.
  const usernames = new Map(staff.map((s) => [s.id, s.username]));
  const chainHead = raw.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  let prevHash = chainHead?.hash ?? GENESIS;
  let lastEventId = 0;
  const newEvents = raw.prepare('SELECT id, case_id, at, user_id, type FROM case_events WHERE id > ? ORDER BY id');
  const auditInsert = raw.prepare(
    'INSERT INTO audit_log (at, user_id, username, action, entity_type, entity_id, details, prev_hash, hash, state_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // Each case's last entry of its batch carries the case's state hash, as the app's audited changes
  // do: the full audit check then has every seeded case's rows to hash and compare, as in an office.
  const auditEvents = () => {
    const events = newEvents.all(lastEventId) as Array<{ id: number; case_id: string; at: string; user_id: string | null; type: string }>;
    const lastOfCase = new Map(events.map((e, index) => [e.case_id, index]));
    for (const [index, e] of events.entries()) {
      const row = {
        at: e.at,
        user_id: e.user_id,
        username: e.user_id ? (usernames.get(e.user_id) ?? null) : null,
        action: e.type,
        entity_type: 'case',
        entity_id: e.case_id,
        details: null,
        state_hash: lastOfCase.get(e.case_id) === index ? caseStateHash(raw, e.case_id) : null,
      };
      const hash = entryHash(prevHash, row);
      auditInsert.run(row.at, row.user_id, row.username, row.action, row.entity_type, row.entity_id, row.details, prevHash, hash, row.state_hash);
      prevHash = hash;
      lastEventId = e.id;
    }
  };

  const year = now.getUTCFullYear();
  const today = isoDay(now.getTime());
  const contributorSeconds: Record<string, number> = {};
  const batchSize = 2000;
  let seq = 0;
  for (let start = 0; start < options.cases; start += batchSize) {
    const batch: SeedCase[] = [];
    raw.transaction(() => {
      for (let i = start; i < Math.min(options.cases, start + batchSize); i += 1) {
        seq += 1;
        const language = weighted(rng, languageMix);
        const sex = rng() < 0.5 ? ('female' as const) : ('male' as const);
        const name = ctx.personName(language, sex);
        const ageYears = 3 + Math.floor(rng() * 15);
        const registeredMs = now.getTime() - Math.floor(rng() * 3 * 365) * 86_400_000 - 3_600_000;
        const registeredAt = new Date(registeredMs).toISOString();
        const knowsDob = rng() < 0.6;
        const dob = knowsDob ? isoDay(registeredMs - ageYears * 365.25 * 86_400_000 - rng() * 300 * 86_400_000) : null;
        const spontaneous = rng() < 0.03;
        const stage: Stage = spontaneous ? 'follow_up' : weighted(rng, stageMix);
        const halted = !spontaneous && rng() < 0.03;
        const area = pick(areasByLanguage(language));
        const reasons = new Set([pick(separationReasons)]);
        if (rng() < 0.4) reasons.add(pick(separationReasons));
        const child: ChildDetails = {
          givenName: name.givenName,
          familyName: rng() < 0.05 ? '' : name.familyName,
          otherNames: rng() < 0.15 ? [pick(namePools[language][sex])] : [],
          sex,
          dateOfBirth: dob,
          dateOfBirthEstimated: knowsDob && rng() < 0.3,
          estimatedAgeYears: knowsDob ? null : ageYears,
          languages: [language],
          hasDisability: rng() < 0.08,
          disabilityNotes: '',
          documentationStatus: pick(['documented', 'partially_documented', 'undocumented', 'unknown'] as const),
          separationReasons: [...reasons],
          separationReasonOther: '',
          separationDate: isoDay(registeredMs - Math.floor(rng() * 400) * 86_400_000),
          separationPlace: pick(areasByLanguage(language)),
          careArrangement: pick(careArrangements),
          carePlace: area,
          area,
        };
        if (child.dateOfBirth && child.separationDate! < child.dateOfBirth) child.separationDate = child.dateOfBirth;
        const number = `GUL-${year - Math.floor((now.getTime() - registeredMs) / (365.25 * 86_400_000))}-${String(seq).padStart(6, '0')}`;
        const worker = pick(workers);
        const risk = pick(['low', 'medium', 'medium', 'high'] as const);
        const id = uuid();
        insert.run({
          id,
          number,
          seq,
          office_code: 'GUL',
          ...childColumns(child, today),
          search_text: searchText(number, child),
          stage,
          status: halted ? 'halted' : 'open',
          halt_alternative: halted ? 'temporary_alternative_care' : null,
          halt_reason: halted ? 'Seeded: reintegration not in the best interests at this time.' : null,
          halt_child_views: halted ? '' : null,
          halted_at: halted ? registeredAt : null,
          // "Not yet assessed" until the safety seed records a risk assessment (it sets the level).
          risk_level: risk,
          risk_rank: 0,
          priority: spontaneous ? 'high' : pick(['normal', 'normal', 'normal', 'high', 'urgent'] as const),
          spontaneous: spontaneous ? 1 : 0,
          spontaneous_kind: spontaneous ? pick(['returned_alone', 'returned_alone', 'institution_closed', 'released_from_detention'] as const) : null,
          halt_review_due: halted ? new Date(Date.parse(registeredAt) + 90 * 86_400_000).toISOString().slice(0, 10) : null,
          worker_id: worker.id,
          family_worker_id: rng() < 0.1 ? pick(workers).id : null,
          review_due: null,
          registered_at: registeredAt,
          registered_by: worker.id,
          updated_at: registeredAt,
        });
        event.run(id, registeredAt, worker.id, 'case.register', JSON.stringify({ number }));
        if (spontaneous) {
          for (const [kind, days] of spontaneousTaskDays) task.run(id, kind, new Date(Date.parse(registeredAt) + days * 86_400_000).toISOString().slice(0, 10), registeredAt);
        }
        batch.push({
          id,
          number,
          stage,
          status: halted ? 'halted' : 'open',
          registeredAt,
          workerId: worker.id,
          language,
          givenName: child.givenName,
          familyName: child.familyName,
          sex,
          ageYears,
          area,
          spontaneous,
        });
      }
      for (const contribute of contributors) {
        const t = performance.now();
        contribute(ctx, batch);
        contributorSeconds[contribute.name] = (contributorSeconds[contribute.name] ?? 0) + (performance.now() - t) / 1000;
      }
      auditEvents();
    })();
    options.onProgress?.(Math.min(options.cases, start + batchSize), options.cases);
  }
  // Seeded content is recorded like any other change, once, by the administrator.
  await appendAudit(core.store.get().db, {
    action: 'office.seed',
    username: 'admin',
    entityType: 'office',
    entityId: 'GUL',
    details: { cases: options.cases, seed: options.seed ?? 42, contributors: contributors.length },
    at: now.toISOString(),
  });
  // No planner statistics, as in an office (the app never runs ANALYZE), so the benchmarks measure
  // the plans an office gets. Measured at 100 000 cases: `PRAGMA optimize`'s sampled statistics
  // (which this once wrote) said each report indicator had 761 facts where it has 69 964, and the M&E
  // dashboard ran 2.5× slower with them; exact ones (ANALYZE) slowed the searches, the duplicate
  // check and My work instead.
  client.close();
  return { core, seconds: (performance.now() - started) / 1000, contributorSeconds, staff, recoveryKey: setup.recoveryKey };
}

export function randomSeed(): number {
  return crypto.randomInt(1, 2 ** 31);
}
