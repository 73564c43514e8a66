// Environment-free. The whole API: every channel of every feature, declared once. Types are
// inferred from the schemas; `channelNames` is the runtime list (types vanish at run time).
import type { z } from 'zod';
import { adminChannels } from '../admin/contract';
import { approvalsChannels } from '../approvals/contract';
import { assessmentsChannels } from '../assessments/contract';
import { auditChannels } from '../audit/contract';
import { backupChannels } from '../backup/contract';
import { bidChannels } from '../bid/contract';
import { casesChannels } from '../cases/contract';
import { duplicateFlagsChannels } from '../cases/duplicate-flags';
import { paperChannels } from '../cases/paper';
import { downloadsChannels } from '../cases/downloads';
import { conferenceChannels } from '../conference/contract';
import { familyViewChannels } from '../conference/family-view';
import { closureChannels } from '../closure/contract';
import { consentsChannels } from '../consents/contract';
import { contactsChannels } from '../contacts/contract';
import { draftsChannels } from '../drafts/contract';
import { familyChannels } from '../family/contract';
import { followupChannels } from '../followup/contract';
import { notesChannels } from '../notes/contract';
import { plansChannels } from '../plans/contract';
import { practiceChannels } from '../practice/contract';
import { planFamilyChannels } from '../plans/family';
import { preparationChannels } from '../preparation/contract';
import { reviewChannels } from '../review/contract';
import { referralsChannels } from '../referrals/contract';
import { reportsChannels } from '../reports/contract';
import { dhis2Channels, exportChannels } from '../reports/exports';
import { summaryChannels } from '../reports/summary';
import { reunificationChannels } from '../reunification/contract';
import { safetyChannels } from '../safety/contract';
import { servicesChannels } from '../services/contract';
import { categoryAdminChannels } from '../services/category-admin';
import { referralExchangeChannels } from '../referrals/exchange';
import { sessionChannels } from '../session/contract';
import { tasksChannels } from '../tasks/contract';
import { tracingChannels } from '../tracing/contract';
import { transferChannels } from '../transfer/contract';
import type { ChannelDef } from './channel';

const features = [
  sessionChannels,
  adminChannels,
  auditChannels,
  draftsChannels,
  casesChannels,
  duplicateFlagsChannels,
  paperChannels,
  downloadsChannels,
  familyChannels,
  consentsChannels,
  notesChannels,
  tracingChannels,
  assessmentsChannels,
  safetyChannels,
  bidChannels,
  plansChannels,
  preparationChannels,
  contactsChannels,
  reunificationChannels,
  approvalsChannels,
  practiceChannels,
  planFamilyChannels,
  tasksChannels,
  backupChannels,
  transferChannels,
  followupChannels,
  closureChannels,
  reviewChannels,
  servicesChannels,
  categoryAdminChannels,
  referralsChannels,
  referralExchangeChannels,
  conferenceChannels,
  familyViewChannels,
  reportsChannels,
  exportChannels,
  dhis2Channels,
  summaryChannels,
] as const;

export const channels = {
  ...sessionChannels,
  ...adminChannels,
  ...auditChannels,
  ...draftsChannels,
  ...casesChannels,
  ...duplicateFlagsChannels,
  ...paperChannels,
  ...downloadsChannels,
  ...familyChannels,
  ...consentsChannels,
  ...notesChannels,
  ...tracingChannels,
  ...assessmentsChannels,
  ...safetyChannels,
  ...bidChannels,
  ...plansChannels,
  ...preparationChannels,
  ...contactsChannels,
  ...reunificationChannels,
  ...approvalsChannels,
  ...practiceChannels,
  ...planFamilyChannels,
  ...tasksChannels,
  ...backupChannels,
  ...transferChannels,
  ...followupChannels,
  ...closureChannels,
  ...reviewChannels,
  ...servicesChannels,
  ...categoryAdminChannels,
  ...referralsChannels,
  ...referralExchangeChannels,
  ...conferenceChannels,
  ...familyViewChannels,
  ...reportsChannels,
  ...exportChannels,
  ...dhis2Channels,
  ...summaryChannels,
} satisfies Record<string, ChannelDef>;

// A channel name declared by two features would silently shadow one of them: refuse at load.
{
  const seen = new Set<string>();
  for (const feature of features) {
    for (const name of Object.keys(feature)) {
      if (seen.has(name)) throw new Error(`channel ${name} is declared twice`);
      seen.add(name);
    }
  }
}

export type Channels = typeof channels;
export type ChannelName = keyof Channels & string;
export type ChannelInput<N extends ChannelName> = z.input<Channels[N]['input']>;
export type ChannelOutput<N extends ChannelName> = z.output<Channels[N]['output']>;
export type ParsedInput<N extends ChannelName> = z.output<Channels[N]['input']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export * from './errors';
export type { ChannelDef } from './channel';
