// Environment-free. What a file really is, from its first bytes. The declared type is only a claim:
// the core refuses a file whose bytes say otherwise (a viewer trusting the declared type must never
// be handed something else), and the renderer can warn before uploading it. One check for every
// file a case holds: documents, acknowledgement images, willingness statements.
import type { documentMimes } from './fields';

export type DocumentMime = (typeof documentMimes)[number];

const startsWith = (data: Uint8Array, bytes: readonly number[], offset = 0) =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);

/** The type the first bytes show (PNG, JPEG, WEBP or PDF); null for anything else. */
export function sniffDocumentMime(data: Uint8Array): DocumentMime | null {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** Whether the bytes are what the declared type claims. */
export function matchesMime(data: Uint8Array, mime: string): boolean {
  return sniffDocumentMime(data) === mime;
}

/** Files larger than this are refused (the shared base64 limit is a little above it). */
export const maxDocumentBytes = 10 * 1024 * 1024;
