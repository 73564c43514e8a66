// DOM. The sections of the app frame and who sees them. Hiding is only courtesy: the core checks
// every call. Case sections need case.read; Administration any administrative permission.
import type { Permission } from '@shared/permissions';

export const sectionIds = ['cases', 'conferences', 'services', 'referrals', 'reviews', 'transfers', 'reports', 'admin'] as const;
export type SectionId = (typeof sectionIds)[number];

export interface Section {
  id: SectionId;
  path: string;
  /** The section shows when the session holds any of these. */
  anyOf: readonly Permission[];
  built: boolean;
}

export const sections: readonly Section[] = [
  { id: 'cases', path: '/cases', anyOf: ['case.read'], built: true },
  { id: 'conferences', path: '/conferences', anyOf: ['case.read'], built: true },
  { id: 'services', path: '/services', anyOf: ['case.read'], built: true },
  { id: 'referrals', path: '/referrals', anyOf: ['case.read'], built: true },
  // Supervision: the approvals queue, caseloads and review sessions are supervisors' work.
  { id: 'reviews', path: '/reviews', anyOf: ['case.approve'], built: true },
  { id: 'transfers', path: '/transfers', anyOf: ['case.read'], built: true },
  // Supervisors; administrators see the section and are told whether a supervisor granted them the figures.
  { id: 'reports', path: '/reports', anyOf: ['case.readAll', 'office.manage'], built: true },
  { id: 'admin', path: '/admin', anyOf: ['users.manage', 'office.manage', 'vault.rotate', 'audit.read', 'directory.manage'], built: true },
];

export type AdminTabId = 'users' | 'settings' | 'partners' | 'practice' | 'categories' | 'security' | 'backups' | 'audit' | 'dhis2';

export const adminTabs: readonly { id: AdminTabId; path: string; permission: Permission }[] = [
  { id: 'users', path: '/admin/users', permission: 'users.manage' },
  { id: 'settings', path: '/admin/settings', permission: 'office.manage' },
  { id: 'partners', path: '/admin/partners', permission: 'office.manage' },
  // Supervisors and administrators: both hold audit.read, the one permission they share.
  { id: 'practice', path: '/admin/practice', permission: 'audit.read' },
  // The service directory's categories: supervisors and administrators.
  { id: 'categories', path: '/admin/categories', permission: 'directory.manage' },
  { id: 'security', path: '/admin/security', permission: 'vault.rotate' },
  { id: 'backups', path: '/admin/backups', permission: 'office.manage' },
  { id: 'audit', path: '/admin/audit', permission: 'audit.read' },
  { id: 'dhis2', path: '/admin/dhis2', permission: 'office.manage' },
];

export function allows(granted: readonly string[], anyOf: readonly Permission[]): boolean {
  return anyOf.some((permission) => granted.includes(permission));
}

export function visibleSections(granted: readonly string[]): Section[] {
  return sections.filter((section) => allows(granted, section.anyOf));
}
