// Builds transfer files by hand for the hostile-file tests: valid ones signed with a real office's
// keys, and ones broken in exactly one way (outer or inner container, manifest, records).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Encrypter } from 'age-encryption';
import tar from 'tar-stream';
import type { Core } from '../../../electron/core/core';
import { loadOfficeKeys, sign, type OfficeKeys } from '../../../electron/core/transfer/keys';
import type { TransferManifest } from '../../../shared/transfer/format';
import { tempDir } from '../../fixtures/core';

export interface TarItem {
  name: string;
  data?: Buffer;
  type?: 'file' | 'symlink' | 'link' | 'directory';
  linkname?: string;
}

export async function tarOf(items: TarItem[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const item of items) {
    const type = item.type ?? 'file';
    if (type === 'file') pack.entry({ name: item.name, size: item.data!.length }, item.data!);
    else pack.entry({ name: item.name, type, linkname: item.linkname });
  }
  pack.finalize();
  const parts: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) parts.push(chunk);
  return Buffer.concat(parts);
}

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

export async function officeKeys(core: Core): Promise<OfficeKeys> {
  return loadOfficeKeys(core.store.get().db);
}

export const refOf = (keys: OfficeKeys, code: string) => ({ code, name: `${code} office`, country: 'UG', signingKey: keys.signingPublicKey, ageRecipient: keys.ageRecipient });

export interface CraftOptions {
  sender: OfficeKeys;
  senderCode?: string;
  recipient: OfficeKeys;
  recipientCode?: string;
  /** records.json content (an object is serialised) */
  records: unknown;
  attachments?: { id: string; data: Buffer }[];
  /** Extra inner entries, or a replacement of the inner list. */
  inner?: (items: TarItem[]) => TarItem[];
  manifest?: (m: TransferManifest) => Record<string, unknown>;
  /** Sign with another key than the sender's. */
  signWith?: OfficeKeys;
  outer?: (items: TarItem[]) => TarItem[];
  kind?: 'case' | 'receipt';
  inReplyTo?: string | null;
  transferId?: string;
  createdAt?: string;
}

export async function craft(options: CraftOptions): Promise<Buffer> {
  const records = Buffer.isBuffer(options.records) ? options.records : Buffer.from(JSON.stringify(options.records));
  let inner: TarItem[] = [{ name: 'records.json', data: records }, ...(options.attachments ?? []).map((a) => ({ name: `attachments/${a.id}`, data: a.data }))];
  const contents = inner.map((i) => ({ name: i.name, bytes: i.data!.length, sha256: sha(i.data!) }));
  if (options.inner) inner = options.inner(inner);
  const encrypter = new Encrypter();
  encrypter.addRecipient(options.recipient.ageRecipient);
  const payload = Buffer.from(await encrypter.encrypt(await tarOf(inner)));
  const manifest: TransferManifest = {
    format: 'homeward-transfer',
    formatVersion: 1,
    kind: options.kind ?? 'case',
    transferId: options.transferId ?? crypto.randomUUID(),
    inReplyTo: options.inReplyTo ?? null,
    createdAt: options.createdAt ?? new Date().toISOString(),
    sender: refOf(options.sender, options.senderCode ?? 'GUL'),
    recipient: refOf(options.recipient, options.recipientCode ?? 'KLA'),
    payload: { name: 'payload.age', bytes: payload.length, sha256: sha(payload) },
    contents,
  };
  const manifestBytes = Buffer.from(JSON.stringify(options.manifest ? options.manifest(manifest) : manifest));
  const signature = sign(options.signWith ?? options.sender, manifestBytes);
  let outer: TarItem[] = [
    { name: 'manifest.json', data: manifestBytes },
    { name: 'manifest.sig', data: signature },
    { name: 'payload.age', data: payload },
  ];
  if (options.outer) outer = options.outer(outer);
  return tarOf(outer);
}

let dir: string | null = null;
export function writeTemp(bytes: Buffer): string {
  dir ??= tempDir('homeward-craft-');
  const file = path.join(dir, `${crypto.randomUUID()}.homeward`);
  fs.writeFileSync(file, bytes);
  return file;
}
export function removeTemp(): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
}
