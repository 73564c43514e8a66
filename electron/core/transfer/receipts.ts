// Node-only. The signed receipt an office writes when it accepts or rejects a case: encrypted to
// the sender like any transfer file, carrying the decision and this office's audit chain head.
import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { sealTransferFile } from './seal';
import type { Checked, Receipt } from './inspect';
import { loadOfficeKeys } from './keys';
import { auditAnchor } from './state';

export async function writeReceipt(
  trx: Transaction<DB>,
  checked: Checked,
  file: string,
  decision: Pick<Receipt, 'decision' | 'decidedAt' | 'decidedByName' | 'reason'>,
  now: Date,
): Promise<{ sha256: string; anchor: Receipt['auditAnchor'] }> {
  const anchor = await auditAnchor(trx);
  const receipt: Receipt = { schema: 'homeward-receipt', schemaVersion: 1, transferId: checked.manifest.transferId, ...decision, auditAnchor: anchor };
  const bytes = Buffer.from(JSON.stringify(receipt), 'utf8');
  const keys = await loadOfficeKeys(trx);
  const { manifest } = checked;
  const sealed = await sealTransferFile({
    file,
    keys,
    manifest: {
      kind: 'receipt',
      transferId: crypto.randomUUID(),
      inReplyTo: manifest.transferId,
      createdAt: now.toISOString(),
      sender: manifest.recipient,
      recipient: manifest.sender,
    },
    entries: [{ name: 'records.json', data: bytes }],
  });
  return { sha256: sealed.sha256, anchor };
}
