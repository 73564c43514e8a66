// Node-only. Tables of the consents feature.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConsentsTables {}
