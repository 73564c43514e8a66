// DOM. Hands a file that left the encrypted store to the browser's download — only after the core
// has recorded it (cases.recordDownload): a download the audit log does not know of never starts.
import type { ChannelInput } from '@shared/contract';
import { call } from '../api';
import { base64ToBlob } from './files';

export async function auditedDownload(record: ChannelInput<'cases.recordDownload'>, blob: Blob, fileName: string): Promise<void> {
  await call('cases.recordDownload', record);
  saveBlob(blob, fileName);
}

/** A file the core generated and audited as it made it (a PDF, an export): saved as it came. */
export function saveGeneratedFile(file: { fileName: string; dataBase64: string }, mime: string): void {
  saveBlob(base64ToBlob(file.dataBase64, mime), file.fileName);
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
