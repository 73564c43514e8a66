// DOM. Transfer files between the person's computer and the core, in chunks over the same channels
// in the desktop app and in browser mode: a picked file is read slice by slice and uploaded; a file
// the core wrote is fetched chunk by chunk into a Blob and saved through an ordinary download link.
import { chunkBytes } from '@shared/transfer/contract';
import { call } from '../../api';
import { readAsBase64 } from '../../ui/files';

export type Progress = (done: number, total: number) => void;

export async function uploadTransferFile(file: File, onProgress?: Progress): Promise<string> {
  let uploadId: string | null = null;
  let offset = 0;
  do {
    const slice = file.slice(offset, offset + chunkBytes);
    const result: { uploadId: string; received: number } = await call('transfer.upload', {
      uploadId,
      offset,
      totalBytes: Math.max(1, file.size),
      dataBase64: await readAsBase64(slice),
    });
    uploadId = result.uploadId;
    offset = result.received;
    onProgress?.(offset, file.size);
  } while (offset < file.size);
  return uploadId;
}

export async function downloadTransferFile(transferId: string, file: 'package' | 'receipt', onProgress?: Progress): Promise<void> {
  const parts: BlobPart[] = [];
  let offset = 0;
  let name = 'transfer.homeward';
  for (;;) {
    const chunk = await call('transfer.download', { transferId, file, offset });
    name = chunk.fileName;
    const binary = atob(chunk.dataBase64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    parts.push(bytes);
    offset += bytes.length;
    onProgress?.(offset, chunk.totalBytes);
    if (chunk.done) break;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
