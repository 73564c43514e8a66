// Node-only. Where transfer files live on this computer, and how they cross the transport in
// chunks: files the office wrote (packages, receipts) in transfers/outgoing, files a user picked
// in transfers/incoming until they are accepted, rejected or applied. Every file here is
// encrypted to an office; nothing in clear is ever written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { chunkBytes } from '../../../shared/transfer/contract';
import { transferLimits } from '../../../shared/transfer/format';
import type { CoreDeps } from '../deps';
import { TransferError } from './container';

export interface TransferFiles {
  outgoing(transferId: string, file: 'package' | 'receipt'): string;
  fileName(transferId: string, file: 'package' | 'receipt', caseNumber: string): string;
  readChunk(file: string, offset: number): { dataBase64: string; totalBytes: number; done: boolean };
  /** Appends a chunk to an upload owned by `userId`; returns the upload id and bytes received. */
  receive(userId: string, uploadId: string | null, offset: number, totalBytes: number, data: Buffer): { uploadId: string; received: number };
  /** The path of a complete upload of this user. */
  uploaded(userId: string, uploadId: string): string;
  discard(uploadId: string): void;
}

interface Upload {
  userId: string;
  file: string;
  totalBytes: number;
  received: number;
}

export function createTransferFiles(deps: CoreDeps, limitBytes: number = transferLimits.fileBytes): TransferFiles {
  const root = path.join(deps.store.paths.dataDir, 'transfers');
  const outDir = path.join(root, 'outgoing');
  const inDir = path.join(root, 'incoming');
  const uploads = new Map<string, Upload>();
  const ensure = (dir: string) => fs.mkdirSync(dir, { recursive: true, mode: 0o700 });

  return {
    outgoing(transferId, file) {
      ensure(outDir);
      return path.join(outDir, `${transferId}.${file}.homeward`);
    },
    fileName(transferId, file, caseNumber) {
      const safe = caseNumber.replace(/[^A-Za-z0-9-]/gu, '');
      return `${safe || 'case'}-${file === 'receipt' ? 'receipt-' : ''}${transferId.slice(0, 8)}.homeward`;
    },
    readChunk(file, offset) {
      let fd: number;
      try {
        fd = fs.openSync(file, 'r');
      } catch {
        throw new AppError('NOT_FOUND', 'the file is no longer on this computer');
      }
      try {
        const totalBytes = fs.fstatSync(fd).size;
        const length = Math.max(0, Math.min(chunkBytes, totalBytes - offset));
        const buffer = Buffer.alloc(length);
        const read = length > 0 ? fs.readSync(fd, buffer, 0, length, offset) : 0;
        return { dataBase64: buffer.subarray(0, read).toString('base64'), totalBytes, done: offset + read >= totalBytes };
      } finally {
        fs.closeSync(fd);
      }
    },
    receive(userId, uploadId, offset, totalBytes, data) {
      if (totalBytes > limitBytes) throw new TransferError('TRANSFER_TOO_LARGE', 'size', { limitBytes });
      let upload: Upload | undefined;
      if (uploadId === null) {
        if (offset !== 0) throw new AppError('VALIDATION', 'a new upload starts at 0', { issues: [{ path: ['offset'], code: 'offset', message: 'offset' }] });
        ensure(inDir);
        const id = crypto.randomUUID();
        upload = { userId, file: path.join(inDir, `${id}.homeward`), totalBytes, received: 0 };
        fs.writeFileSync(upload.file, Buffer.alloc(0), { mode: 0o600 });
        uploads.set(id, upload);
        uploadId = id;
      } else {
        upload = uploads.get(uploadId);
        if (!upload || upload.userId !== userId) throw new AppError('NOT_FOUND', 'no such upload');
        if (offset !== upload.received || totalBytes !== upload.totalBytes) {
          throw new AppError('CONFLICT', 'chunks out of order', { params: { reason: 'offset' } });
        }
      }
      if (upload.received + data.length > upload.totalBytes) throw new TransferError('TRANSFER_TOO_LARGE', 'size', { limitBytes });
      fs.appendFileSync(upload.file, data);
      upload.received += data.length;
      return { uploadId, received: upload.received };
    },
    uploaded(userId, uploadId) {
      const upload = uploads.get(uploadId);
      if (!upload || upload.userId !== userId) throw new AppError('NOT_FOUND', 'no such upload');
      if (upload.received !== upload.totalBytes) throw new TransferError('TRANSFER_MALFORMED', 'incomplete');
      return upload.file;
    },
    discard(uploadId) {
      const upload = uploads.get(uploadId);
      if (!upload) return;
      uploads.delete(uploadId);
      fs.rmSync(upload.file, { force: true });
    },
  };
}
