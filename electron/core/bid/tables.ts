// Node-only. Tables of the bid feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BidTables {}
