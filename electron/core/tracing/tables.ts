// Node-only. Tables of the tracing feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TracingTables {}
