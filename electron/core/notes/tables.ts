// Node-only. Tables of the notes feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NotesTables {}
