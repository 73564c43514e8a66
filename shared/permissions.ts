// Environment-free. Roles and permissions, declared once; the core checks them on every call and
// the renderer only uses them to hide what a user cannot do.
export const roles = ['caseworker', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'office.manage', // office settings, auto-lock
  'users.manage', // create, change, remove users; reset with recovery key
  'vault.rotate', // rotate the data key
  'audit.read', // the audit log and its chain status
  'case.read', // read case content (scope further narrows it)
  'case.write', // change case content within scope
  'case.readAll', // every case of the office, not only assigned ones
  'case.assign', // reassign cases between workers
  'case.approve', // approve plans, BIDs, closures
  'reports.export', // exports of the office's data: de-identified cases, aggregates, DHIS2
  'directory.manage', // the service directory's categories (names in the office's languages, retiring)
] as const;
export type Permission = (typeof permissions)[number];

/** Administration does not imply reading case content. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  caseworker: ['case.read', 'case.write'],
  supervisor: ['case.read', 'case.write', 'case.readAll', 'case.assign', 'case.approve', 'audit.read', 'reports.export', 'directory.manage'],
  admin: ['office.manage', 'users.manage', 'vault.rotate', 'audit.read', 'directory.manage'],
};

/**
 * What a channel requires: nothing (before login), a live unlocked session, or a permission — or
 * 'familyView': only a connection paired as a conference's family screen, which may call nothing else.
 */
export type Access = 'public' | 'session' | 'sessionOrLocked' | 'familyView' | Permission;

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
