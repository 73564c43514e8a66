// Node-only. Generated consent and assent: the caregiver consents early in the case (to the
// assessment and to sharing what is needed, often to referrals), the child assents from about seven
// years old, and while the family is still being traced an interim guardian consents instead. A few
// consents were withdrawn later; a few carry a scanned form. Runs after the family contributor.
// Only the contributor is exported: the generator runs every exported function.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ConsentMethod, ConsentPurpose } from '../../../shared/consents/contract';
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { networkPhrases } from '../family/seed-phrases';

const DAY = 86_400_000;

type Statement = Database.Statement<unknown[]>;

interface Statements {
  caregiver: Statement;
  consent: Statement;
  document: Statement;
  event: Statement;
}

const prepared = new WeakMap<RawDatabase, Statements>();

function statements(raw: RawDatabase): Statements {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      caregiver: raw.prepare<unknown[]>(
        'SELECT id, given_name, family_name, relationship, place FROM family_members WHERE case_id = ? AND is_caregiver = 1 AND removed_at IS NULL LIMIT 1',
      ),
      consent: raw.prepare<unknown[]>(`
        INSERT INTO consents (id, case_id, given_by, member_id, giver_name, relationship, purposes, purpose_other, method,
          given_on, document_id, notes, recorded_at, recorded_by, withdrawn_on, withdrawn_reason, withdrawn_at, withdrawn_by)
        VALUES (@id, @case_id, @given_by, @member_id, @giver_name, @relationship, @purposes, '', @method,
          @given_on, @document_id, @notes, @at, @by, @withdrawn_on, @withdrawn_reason, @withdrawn_at, @withdrawn_by)`),
      document: raw.prepare<unknown[]>(`
        INSERT INTO case_documents (id, case_id, title, kind, mime, file_name, size_bytes, sha256, data, uploaded_at, uploaded_by)
        VALUES (?, ?, ?, 'consent_form', 'application/pdf', 'consent.pdf', ?, ?, ?, ?, ?)`),
      event: raw.prepare<unknown[]>('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

/** A one-page PDF standing in for a scanned, signed form (the same bytes for every case). */
const formPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const formSha = crypto.createHash('sha256').update(formPdf).digest('hex');

interface CaregiverRow {
  id: string;
  given_name: string;
  family_name: string;
  relationship: string | null;
  place: string;
}

function seedConsents(ctx: SeedContext, s: Statements, c: SeedCase, formHash: string): void {
  const { rng, pick, now } = ctx;
  const phrases = networkPhrases[c.language];
  const registered = Date.parse(c.registeredAt);
  const firstWeeks = new Date(Math.min(now.getTime(), registered + 14 * DAY)).toISOString();
  const stamp = (date: string) =>
    new Date(Math.min(now.getTime(), Math.max(registered, Date.parse(`${date}T11:00:00.000Z`)))).toISOString();

  const record = (fields: {
    givenBy: 'child' | 'caregiver' | 'guardian';
    memberId?: string;
    giverName?: string;
    relationship?: string;
    purposes: ConsentPurpose[];
    method: ConsentMethod;
    withdraw?: boolean;
    withForm?: boolean;
  }) => {
    const id = ctx.uuid();
    const givenOn = ctx.dateBetween(c.registeredAt, firstWeeks);
    const at = stamp(givenOn);
    let documentId: string | null = null;
    if (fields.withForm) {
      documentId = ctx.uuid();
      s.document.run(documentId, c.id, `${c.number} consent`, formPdf.length, formHash, formPdf, at, c.workerId);
    }
    const withdrawnOn = fields.withdraw ? ctx.dateBetween(at, now.toISOString()) : null;
    s.consent.run({
      id,
      case_id: c.id,
      given_by: fields.givenBy,
      member_id: fields.memberId ?? null,
      giver_name: fields.giverName ?? '',
      relationship: fields.relationship ?? '',
      purposes: JSON.stringify(fields.purposes),
      method: fields.method,
      given_on: givenOn,
      document_id: documentId,
      notes: fields.givenBy === 'child' ? '' : pick(phrases.consentNotes),
      at,
      by: c.workerId,
      withdrawn_on: withdrawnOn,
      withdrawn_reason: withdrawnOn ? pick(phrases.withdrawalReasons) : null,
      withdrawn_at: withdrawnOn ? stamp(withdrawnOn) : null,
      withdrawn_by: withdrawnOn ? c.workerId : null,
    });
    const kind = fields.givenBy === 'child' ? 'assent' : 'consent';
    s.event.run(c.id, at, c.workerId, 'consent.record', JSON.stringify({ consentId: id, kind, givenBy: fields.givenBy, purposes: fields.purposes, method: fields.method, date: givenOn }));
    if (withdrawnOn) {
      s.event.run(c.id, stamp(withdrawnOn), c.workerId, 'consent.withdraw', JSON.stringify({ consentId: id, kind, date: withdrawnOn }));
    }
  };

  const caregiver = s.caregiver.get(c.id) as CaregiverRow | undefined;
  if (caregiver && caregiver.place !== '') {
    const purposes: ConsentPurpose[] = ['assessment', 'information_sharing'];
    if (rng() < 0.6) purposes.push('referral');
    if (rng() < 0.3) purposes.push('photo');
    if (rng() < 0.05) purposes.push('transfer');
    const method = pick(['written', 'signature', 'thumbprint', 'thumbprint', 'verbal'] as const);
    record({
      givenBy: 'caregiver',
      memberId: caregiver.id,
      giverName: `${caregiver.given_name} ${caregiver.family_name}`.trim(),
      relationship: caregiver.relationship ?? '',
      purposes,
      method,
      withdraw: rng() < 0.02,
      withForm: method !== 'verbal' && rng() < 0.01,
    });
  } else {
    const guardian = ctx.personName(c.language, rng() < 0.6 ? 'female' : 'male');
    record({
      givenBy: 'guardian',
      giverName: `${guardian.givenName} ${guardian.familyName}`,
      relationship: phrases.interimGuardian,
      purposes: ['assessment', 'information_sharing'],
      method: 'signature',
    });
  }
  if (c.ageYears >= 7 && rng() < 0.85) {
    record({ givenBy: 'child', purposes: rng() < 0.5 ? ['assessment', 'information_sharing'] : ['assessment'], method: 'verbal' });
  }
}

export const seedConsentRecords: SeedContributor = (ctx, cases) => {
  const s = statements(ctx.raw);
  for (const c of cases) seedConsents(ctx, s, c, formSha);
};
