// Node-only. Tables of the contacts feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ContactsTables {}
