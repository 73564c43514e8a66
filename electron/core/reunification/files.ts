// Node-only. The willingness statement is refused before it reaches the database unless its bytes
// are what its declared type says (magic bytes, shared with the renderer's early warning).
import { AppError } from '../../../shared/contract/errors';
import type { WillingnessDocument } from '../../../shared/reunification/contract';
import { sniffDocumentMime } from '../../../shared/cases/files';

/** Decodes the upload and checks its bytes match its declared type. */
export function decodeWillingnessDocument(document: WillingnessDocument): Buffer {
  const data = Buffer.from(document.dataBase64, 'base64');
  if (sniffDocumentMime(data) !== document.mime) {
    throw new AppError('VALIDATION', 'the file is not the type it claims to be', {
      issues: [{ path: ['willingness', 'document', 'dataBase64'], code: 'fileType', message: 'fileType' }],
    });
  }
  return data;
}
