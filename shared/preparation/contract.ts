// Environment-free. The preparation feature's channels (stage 2).
import { z } from 'zod';
import { careArrangements, idSchema } from '../cases/fields';
import { defineChannels } from '../contract/channel';
import {
  careArrangementFormSchema,
  monitorFormSchema,
  monitorRoles,
  preparationAreas,
  preparationItemFormSchema,
  preparationItemStatuses,
} from './schemas';

export * from './schemas';

export const careArrangementSchema = z.object({
  id: z.string(),
  arrangement: z.enum(careArrangements),
  place: z.string(),
  distanceKm: z.number().nullable(),
  since: z.string(),
  closeToHome: z.boolean(),
  /** The address must not reach the family or leave the office (shared/family/confidential.ts). */
  confidential: z.boolean(),
  notes: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});
export type CareArrangementRecord = z.infer<typeof careArrangementSchema>;

export const preparationItemSchema = z.object({
  id: z.string(),
  area: z.enum(preparationAreas),
  description: z.string(),
  /** Set on items from the default checklist whose description was not rewritten. */
  templateKey: z.string().nullable(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(preparationItemStatuses),
  notes: z.string(),
  updatedAt: z.string(),
});
export type PreparationItem = z.infer<typeof preparationItemSchema>;

export const monitorSchema = z.object({
  name: z.string(),
  role: z.enum(monitorRoles),
  contact: z.string(),
  agreedOn: z.string(),
  notes: z.string(),
  updatedAt: z.string(),
  recordedByName: z.string().nullable(),
});
export type Monitor = z.infer<typeof monitorSchema>;

export const preparationOverviewSchema = z.object({
  /** The arrangement in force (the latest), and the ones before it, newest first. */
  careArrangement: careArrangementSchema.nullable(),
  careHistory: z.array(careArrangementSchema),
  items: z.array(preparationItemSchema),
  openItems: z.number().int(),
  monitor: monitorSchema.nullable(),
});
export type PreparationOverview = z.infer<typeof preparationOverviewSchema>;

const caseRef = { caseId: idSchema };

export const preparationChannels = defineChannels({
  'preparation.get': {
    access: 'case.read',
    input: z.object(caseRef).strict(),
    output: preparationOverviewSchema,
  },
  'preparation.setCareArrangement': {
    access: 'case.write',
    input: careArrangementFormSchema.extend(caseRef).strict(),
    output: careArrangementSchema,
  },
  'preparation.saveItem': {
    access: 'case.write',
    input: z.object({ ...caseRef, item: preparationItemFormSchema }).strict(),
    output: preparationItemSchema,
  },
  'preparation.removeItem': {
    access: 'case.write',
    input: z.object({ ...caseRef, itemId: idSchema }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  'preparation.addDefaultItems': {
    access: 'case.write',
    input: z.object({ ...caseRef, areas: z.array(z.enum(preparationAreas)).max(preparationAreas.length).optional() }).strict(),
    output: z.object({ added: z.number().int(), items: z.array(preparationItemSchema) }),
  },
  'preparation.setMonitor': {
    access: 'case.write',
    input: monitorFormSchema.extend(caseRef).strict(),
    output: monitorSchema,
  },
});
