// Environment-free. Stage 2, preparation of the child and the family: where the child waits, what
// must be ready by area, and who will monitor after reunification.
import { z } from 'zod';
import { careArrangements, idSchema, isoDate, shortText } from '../cases/fields';

type CareArrangement = (typeof careArrangements)[number];

/** Care while waiting to go home. Street, detention and "unknown" describe a situation, not an arrangement. */
export const waitingArrangements = [
  'foster_care',
  'kinship_care',
  'small_group_home',
  'transit_centre',
  'residential_institution',
  'supervised_independent_living',
  'other',
] as const satisfies readonly CareArrangement[];
export type WaitingArrangement = (typeof waitingArrangements)[number];

export const preparationAreas = [
  'discrimination_identity',
  'family_violence',
  'health_mental_health_addiction',
  'disability',
  'education_school_enrolment',
  'economic_strengthening',
  'material_support',
  'other',
] as const;
export type PreparationArea = (typeof preparationAreas)[number];

export const preparationItemStatuses = ['open', 'in_progress', 'done', 'not_applicable'] as const;
export type PreparationItemStatus = (typeof preparationItemStatuses)[number];
/** Items still to do; the count is a fact the case file shows. */
export const unfinishedItemStatuses: readonly PreparationItemStatus[] = ['open', 'in_progress'];

export const monitorRoles = [
  'case_worker',
  'teacher',
  'community_volunteer',
  'religious_leader',
  'health_worker',
  'other',
] as const;
export type MonitorRole = (typeof monitorRoles)[number];

/**
 * The default checklist, one click away. Descriptions live in the locales
 * (`preparation:defaults.<key>`) so every reader sees them in their own language; an item keeps its
 * key until someone rewrites its description.
 */
export const defaultPreparationItems: readonly { key: string; area: PreparationArea }[] = [
  { key: 'identityTalk', area: 'discrimination_identity' },
  { key: 'communityStigma', area: 'discrimination_identity' },
  { key: 'violenceDiscussed', area: 'family_violence' },
  { key: 'parentingSupport', area: 'family_violence' },
  { key: 'healthCheck', area: 'health_mental_health_addiction' },
  { key: 'caregiverHealth', area: 'health_mental_health_addiction' },
  { key: 'disabilityAssessment', area: 'disability' },
  { key: 'accessibleHome', area: 'disability' },
  { key: 'schoolEnrolment', area: 'education_school_enrolment' },
  { key: 'lifeSkills', area: 'education_school_enrolment' },
  { key: 'householdEconomy', area: 'economic_strengthening' },
  { key: 'reunificationPackage', area: 'material_support' },
];

const paragraph = z.string().trim().max(2000);

export const careArrangementFormSchema = z
  .object({
    arrangement: z.enum(waitingArrangements),
    place: shortText.min(1),
    distanceKm: z.number().min(0).max(20_000).nullable().default(null),
    since: isoDate,
    /** The worker confirms this is as close to the child's home as could be found. */
    closeToHome: z.boolean().default(false),
    /** Not safe to reveal where the child is (G:L238): hidden from family-facing outputs. */
    confidential: z.boolean().default(false),
    notes: paragraph.default(''),
  })
  .strict();
export type CareArrangementForm = z.input<typeof careArrangementFormSchema>;

export const preparationItemFormSchema = z
  .object({
    /** Absent for a new item. */
    id: idSchema.optional(),
    area: z.enum(preparationAreas),
    /** May stay empty only on a default item, which then shows its translated default text. */
    description: paragraph.default(''),
    owner: shortText.default(''),
    dueDate: isoDate.nullable().default(null),
    status: z.enum(preparationItemStatuses).default('open'),
    notes: paragraph.default(''),
  })
  .strict();
export type PreparationItemForm = z.input<typeof preparationItemFormSchema>;

export const monitorFormSchema = z
  .object({
    name: shortText.min(1),
    role: z.enum(monitorRoles),
    contact: shortText.default(''),
    agreedOn: isoDate,
    notes: paragraph.default(''),
  })
  .strict();
export type MonitorForm = z.input<typeof monitorFormSchema>;
