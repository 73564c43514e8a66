// DOM. The case file's tabs that other features build, found by path and loaded lazily: a tab whose
// module does not exist yet is simply absent from this map (the case file says so honestly), and
// the app builds either way. Each module's default export is `XTab({ caseFile })`.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { CaseFile } from '@shared/cases/contract';
import type { CaseTab } from '@shared/cases/stages';

export type FeatureTabProps = { caseFile: CaseFile };
type TabModule = { default: ComponentType<FeatureTabProps> };

const modules = import.meta.glob<TabModule>('../*/*Tab.tsx');

const tabPaths: Partial<Record<CaseTab, string>> = {
  family: '../family/FamilyTab.tsx',
  consents: '../consents/ConsentsTab.tsx',
  notes: '../notes/NotesTab.tsx',
  tracing: '../tracing/TracingTab.tsx',
  assessments: '../assessments/AssessmentsTab.tsx',
  safety: '../safety/SafetyTab.tsx',
  bid: '../bid/BidTab.tsx',
  plan: '../plans/PlanTab.tsx',
  preparation: '../preparation/PreparationTab.tsx',
  contacts: '../contacts/ContactsTab.tsx',
  reunification: '../reunification/ReunificationTab.tsx',
  transfer: '../transfer/TransferTab.tsx',
  referrals: '../referrals/ReferralsTab.tsx',
};

export const featureTabs: Partial<Record<CaseTab, LazyExoticComponent<ComponentType<FeatureTabProps>>>> = Object.fromEntries(
  Object.entries(tabPaths)
    .filter(([, path]) => path !== undefined && path in modules)
    .map(([tab, path]) => [tab, lazy(modules[path!])]),
);
