// Node-only. What a file really is, from its first bytes: the declared type is only a claim, and a
// file that is not what it says is refused before it reaches the database.
import { AppError } from '../../../shared/contract/errors';
import type { WillingnessDocument } from '../../../shared/reunification/contract';

const startsWith = (data: Buffer, bytes: number[], offset = 0) =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);

/** The MIME type the bytes show, among those a willingness statement may be. */
export function sniffMime(data: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf' | null {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** Decodes the upload and checks its bytes match its declared type. */
export function decodeWillingnessDocument(document: WillingnessDocument): Buffer {
  const data = Buffer.from(document.dataBase64, 'base64');
  if (sniffMime(data) !== document.mime) {
    throw new AppError('VALIDATION', 'the file is not the type it claims to be', {
      issues: [{ path: ['willingness', 'document', 'dataBase64'], code: 'fileType', message: 'fileType' }],
    });
  }
  return data;
}
