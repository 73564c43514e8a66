// Node-only. What a file's first bytes say it is. A file whose bytes do not match the declared
// type is refused: a viewer trusting the declared type must never be handed something else.
import type { DocumentMime } from '../../../shared/notes/contract';

const startsWith = (data: Buffer, bytes: number[], at = 0): boolean =>
  data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const signatures: Record<DocumentMime, (data: Buffer) => boolean> = {
  'application/pdf': (d) => startsWith(d, ascii('%PDF-')),
  'image/png': (d) => startsWith(d, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (d) => startsWith(d, [0xff, 0xd8, 0xff]),
  'image/webp': (d) => startsWith(d, ascii('RIFF')) && startsWith(d, ascii('WEBP'), 8),
};

export function matchesMime(data: Buffer, mime: DocumentMime): boolean {
  return signatures[mime](data);
}
