// DOM. Hands a file that left the encrypted store to the browser's download — only after the core
// has recorded it (cases.recordDownload): a download the audit log does not know of never starts.
import type { ChannelInput } from '@shared/contract';
import { call } from '../api';

export async function auditedDownload(record: ChannelInput<'cases.recordDownload'>, blob: Blob, fileName: string): Promise<void> {
  await call('cases.recordDownload', record);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
