// Node-only. Tables of the preparation feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PreparationTables {}
