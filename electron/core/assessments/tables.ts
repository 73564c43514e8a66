// Node-only. Tables of the assessments feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AssessmentsTables {}
