// Environment-free. Reports: the M&E dashboard and its office setting. Who may see the
// dashboard is checked in the core (supervisors; administrators only when a supervisor granted
// it): two roles and a setting, which no single permission names.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { dimensions, indicatorResultSchema, periodSchema, reportFiltersSchema } from './indicators';

export const reportSettingsSchema = z.object({
  /** Administrators may see the aggregate indicators (never the cases behind them). */
  adminDashboard: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const dashboardInput = z
  .object({
    period: periodSchema,
    filters: reportFiltersSchema.default({}),
    by: z.enum(dimensions).nullable().default(null),
  })
  .strict();
export type DashboardInput = z.input<typeof dashboardInput>;

export const dashboardOutput = z.object({
  indicators: z.array(indicatorResultSchema),
  /** Whether the caller may open the cases behind a number (administrators may not). */
  canOpenCases: z.boolean(),
  /** The values the filters offer (areas present in the office; the rest are fixed lists). */
  areas: z.array(z.string()),
  computedMs: z.number(),
});
export type DashboardOutput = z.infer<typeof dashboardOutput>;

export const reportsChannels = defineChannels({
  'reports.dashboard': { access: 'session', input: dashboardInput, output: dashboardOutput },
  'reports.getSettings': { access: 'session', input: z.object({}).strict(), output: reportSettingsSchema },
  /** A supervisor grants (or withdraws) administrators' sight of the aggregate dashboard. */
  'reports.updateSettings': { access: 'case.approve', input: z.object({ adminDashboard: z.boolean() }).strict(), output: reportSettingsSchema },
});
