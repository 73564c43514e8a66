// Node-only. Tables of the plans feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlansTables {}
