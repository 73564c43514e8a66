// Node-only. Tables of the safety feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SafetyTables {}
