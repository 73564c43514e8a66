// Node-only. Tables of the reunification feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReunificationTables {}
