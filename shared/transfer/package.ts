// Environment-free. What a case-transfer package holds (records.json, schema "homeward-case" v1).
// The sender chooses parts; some never leave unless chosen (G:L85-86: share only what is needed,
// with consent). Each part maps to tables whose rows travel with their ids, so a case that comes
// back merges record by record. FORMAT.md documents the rows' columns.
import { z } from 'zod';
import { idSchema } from '../cases/fields';
import type { ConsentPurpose } from '../consents/contract';

export const recordsSchemaName = 'homeward-case';
/** 2 added plans, assessments, BID, preparation and reunification; a version-1 file still opens. */
export const recordsSchemaVersion = 2;
export const acceptedSchemaVersions: readonly number[] = [1, 2];

/** Parts in the default package. */
export const defaultParts = [
  'family',
  'consents',
  'notes',
  'tracing',
  'safety',
  'assessments',
  'plans',
  'bid',
  'preparation',
  'reunification',
  'contacts',
  'documents',
] as const;
/** Parts that never leave by default: the sender must tick them. */
export const sensitiveParts = ['supervisionNotes', 'restrictedPersons', 'carePlace'] as const;
export const packageParts = [...defaultParts, ...sensitiveParts] as const;
export type PackagePart = (typeof packageParts)[number];

/** Tables of each part, in the order they are written (parents before children). */
export const partTables: Record<Exclude<PackagePart, 'carePlace'>, readonly string[]> = {
  family: ['family_members'],
  restrictedPersons: ['family_members'],
  consents: ['consents'],
  notes: ['case_notes'],
  supervisionNotes: ['case_notes'],
  tracing: ['tracing_actions'],
  safety: ['risk_assessments', 'safety_plans'],
  // Every templated assessment: family and child assessments, well-being checks, reviews.
  assessments: ['assessments'],
  plans: ['plan_versions', 'plan_objectives', 'plan_reviews', 'plan_progress_notes'],
  bid: ['bids'],
  preparation: ['preparation_care', 'preparation_items', 'preparation_monitors'],
  reunification: ['reunifications', 'reunification_enrolments', 'reunification_package_items'],
  contacts: ['contacts', 'contact_refusals'],
  documents: ['case_documents'],
};
/** Version 1's sections (a version-1 file may hold no other). */
export const sectionTablesV1 = ['case_documents', 'family_members', 'consents', 'case_notes', 'tracing_actions', 'risk_assessments', 'safety_plans', 'contacts', 'contact_refusals'] as const;
export const sectionTables = [
  ...sectionTablesV1,
  'assessments',
  'plan_versions',
  'plan_objectives',
  'plan_reviews',
  'plan_progress_notes',
  'bids',
  'preparation_care',
  'preparation_items',
  'preparation_monitors',
  'reunifications',
  'reunification_enrolments',
  'reunification_package_items',
] as const;
export type SectionTable = (typeof sectionTables)[number];

/** The column that names a row: `id`, or `case_id` for the tables that hold one row per case. */
export function sectionKey(table: string): 'id' | 'case_id' {
  return table === 'reunifications' || table === 'preparation_monitors' ? 'case_id' : 'id';
}

/**
 * A family member flagged as a risk to the child (shared/family: poses a risk, a contact
 * restriction, or must not know where the child is). Their details (names, phone, place) are what
 * a receiving office could leak to them, so they leave only when the sender ticks
 * `restrictedPersons`; the `family` part carries everyone else.
 */
export function isRestrictedPerson(row: { poses_risk?: unknown; restriction?: unknown; must_not_know_location?: unknown }): boolean {
  return row.poses_risk === 1 || (row.restriction !== undefined && row.restriction !== null && row.restriction !== 'none') || row.must_not_know_location === 1;
}

/** The consent purpose a transfer asks for (shared/consents). The lead may point it elsewhere. */
export const transferConsentPurpose: ConsentPurpose = 'transfer';

export const transferReasons = ['moving_district', 'cross_border_return', 'local_authority_handover', 'provider_referral', 'return_to_sender', 'other'] as const;
export type TransferReason = (typeof transferReasons)[number];
export const childAssents = ['given', 'not_given', 'not_able'] as const;

export const selectionSchema = z
  .object({
    parts: z.array(z.enum(packageParts)).max(packageParts.length),
    /** Documents the sender took out of the package. */
    excludeDocumentIds: z.array(idSchema).max(500).default([]),
  })
  .strict();
export type PackageSelection = z.output<typeof selectionSchema>;

export const sendDetailsSchema = z
  .object({
    partnerId: idSchema,
    reason: z.enum(transferReasons),
    reasonCountry: z.string().trim().max(3).default(''),
    reasonLegalStatus: z.string().trim().max(500).default(''),
    /** Consent of the family (checked against the case's consents) or a legal basis, stated. */
    basis: z.enum(['consent', 'legal_basis']),
    legalBasis: z.string().trim().max(1000).default(''),
    childAssent: z.enum(childAssents),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.basis === 'legal_basis' && d.legalBasis === '') ctx.addIssue({ code: 'custom', path: ['legalBasis'], message: 'required' });
    if (d.reason === 'cross_border_return' && d.reasonCountry === '') ctx.addIssue({ code: 'custom', path: ['reasonCountry'], message: 'required' });
  });
export type SendDetails = z.output<typeof sendDetailsSchema>;
