// Node-only. Tables of the family feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FamilyTables {}
