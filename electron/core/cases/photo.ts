// Node-only. The case photo's bytes are checked against the type it claims, like every other file a
// case holds (shared/cases/files.ts): HTML or script sent as "image/jpeg" must never be stored and
// handed back to a viewer that trusts the declared type.
import { AppError } from '../../../shared/contract/errors';
import { matchesMime } from '../../../shared/cases/files';

export interface PhotoInput {
  mime: string;
  dataBase64: string;
}

/** The photo's bytes, or VALIDATION (issue code mimeMismatch) when they are not what `mime` says. */
export function photoBytes(photo: PhotoInput, path: (string | number)[] = ['photo']): Buffer {
  const data = Buffer.from(photo.dataBase64, 'base64');
  if (!matchesMime(data, photo.mime)) {
    throw new AppError('VALIDATION', 'the photo is not of the type it claims', {
      issues: [{ path: [...path, 'dataBase64'], code: 'mimeMismatch', message: 'mimeMismatch' }],
    });
  }
  return data;
}

/** A stored photo is served only if its bytes still match its type (rows from before this check). */
export function servablePhoto(row: { mime: string; data: Uint8Array } | undefined): { mime: string; data: Buffer } | null {
  if (!row) return null;
  const data = Buffer.from(row.data);
  return matchesMime(data, row.mime) ? { mime: row.mime, data } : null;
}
