// DOM. Which files a case document may be (the core checks a file's first bytes against the
// declared type). Reading and showing them is ui/files.
import type { DocumentMime } from '@shared/notes/contract';
import { documentMimes } from '@shared/cases/fields';

export const acceptedMimes = documentMimes.join(',');

export function isDocumentMime(value: string): value is DocumentMime {
  return (documentMimes as readonly string[]).includes(value);
}
