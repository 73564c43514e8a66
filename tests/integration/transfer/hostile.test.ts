// Hostile files get a clear error and write nothing: each way a file can be wrong has its code,
// checked through the channels (upload, open, accept) at the receiving office.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOfficeKeys, type OfficeKeys } from '../../../electron/core/transfer/keys';
import { readEnvelope } from '../../../electron/core/transfer/container';
import type { ErrorCode } from '../../../shared/contract/errors';
import { expectCode } from '../../fixtures/results';
import { craft, officeKeys, removeTemp, writeTemp, type CraftOptions } from './craft';
import { caseToSend, defaultSelection, download, pdf, sendDetails, setUpPair, upload, type Pair } from './fixture';

let pair: Pair;
let gulu: OfficeKeys;
let kampala: OfficeKeys;
let records: Record<string, unknown>;
let documentId: string;
let real: Buffer;

const counts = () => {
  const raw = pair.kampala.office.core.store.get().raw;
  const n = (t: string) => (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { cases: n('cases'), transfers: n('transfers'), documents: n('case_documents'), family: n('family_members'), notes: n('case_notes'), consents: n('consents') };
};

beforeAll(async () => {
  pair = await setUpPair();
  gulu = await officeKeys(pair.gulu.office.core);
  kampala = await officeKeys(pair.kampala.office.core);
  const sent = await caseToSend(pair.gulu, 3000);
  documentId = sent.documentId;
  const result = await pair.gulu.worker.ok('transfer.send', { caseId: sent.caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection });
  real = await download(pair.gulu.worker, result.transferId, 'package');
  const row = pair.gulu.office.core.store.get().raw.prepare('SELECT records FROM transfers WHERE id = ?').get(result.transferId) as { records: string };
  records = JSON.parse(row.records) as Record<string, unknown>;
});
afterAll(() => {
  pair?.cleanup();
  removeTemp();
});

const attachment = () => [{ id: documentId, data: pdf(3000) }];
const valid = (extra: Partial<CraftOptions> = {}): Promise<Buffer> => craft({ sender: gulu, recipient: kampala, records, attachments: attachment(), ...extra });

/** Opens and tries to accept the file; both must refuse with `code`, and nothing may be written. */
async function refused(bytes: Buffer, code: ErrorCode | ErrorCode[]): Promise<void> {
  const before = counts();
  const codes = Array.isArray(code) ? code : [code];
  const uploadId = await upload(pair.kampala.supervisor, bytes);
  const opened = await pair.kampala.supervisor.call('transfer.open', { uploadId });
  expect(opened.ok ? 'ok' : opened.error.code).toSatisfy((c: string) => codes.includes(c as ErrorCode));
  const accepted = await pair.kampala.supervisor.call('transfer.accept', { uploadId, assignTo: pair.kampala.office.users.worker.id });
  expect(accepted.ok ? 'ok' : accepted.error.code).toSatisfy((c: string) => codes.includes(c as ErrorCode));
  expect(counts()).toEqual(before);
}

const withRecords = (change: (r: Record<string, unknown>) => void) => {
  const copy = structuredClone(records);
  change(copy);
  return copy;
};

describe('hostile files are refused with a known code and write nothing', () => {
  it('a crafted but honest file opens (the crafting itself is sound)', async () => {
    const uploadId = await upload(pair.kampala.supervisor, await valid());
    expect((await pair.kampala.supervisor.ok('transfer.open', { uploadId })).kind).toBe('case');
  });

  it('over the office size limit', async () => {
    await expectCode(pair.kampala.supervisor.call('transfer.upload', { uploadId: null, offset: 0, totalBytes: 300 * 1024 * 1024, dataBase64: 'AAAA' }), 'TRANSFER_TOO_LARGE');
    await expect(readEnvelope(writeTemp(real), 1000)).rejects.toMatchObject({ code: 'TRANSFER_TOO_LARGE' });
  });

  it('truncated anywhere', async () => {
    for (const at of [0, 100, 600, 1500, Math.floor(real.length / 2), real.length - 1100, real.length - 1]) {
      await refused(real.subarray(0, Math.max(1, at)), ['TRANSFER_MALFORMED', 'TRANSFER_BAD_SIGNATURE']);
    }
  });

  it('a flipped bit in the manifest, the signature or the payload', async () => {
    const manifestAt = real.indexOf(Buffer.from('"transferId"'));
    const sigAt = real.indexOf(Buffer.from('manifest.sig')) + 512;
    const payloadAt = real.indexOf(Buffer.from('age-encryption.org/v1')) + 400;
    for (const at of [manifestAt, sigAt, payloadAt, real.length - 2000]) {
      const copy = Buffer.from(real);
      copy[at] ^= 0x10;
      await refused(copy, ['TRANSFER_BAD_SIGNATURE', 'TRANSFER_MALFORMED']);
    }
  });

  it('made for another office', async () => {
    const other = generateOfficeKeys();
    const third: OfficeKeys = { ...kampala, ageRecipient: other.age_recipient, signingPublicKey: other.signing_public_key };
    await refused(await valid({ recipient: third }), 'TRANSFER_WRONG_RECIPIENT');
  });

  it('from an office nobody trusted: refused, showing the sender card’s fingerprint', async () => {
    const stranger = generateOfficeKeys();
    const keys: OfficeKeys = { ageIdentity: stranger.age_identity, ageRecipient: stranger.age_recipient, signingKey: crypto.createPrivateKey({ key: Buffer.from(stranger.signing_private_key, 'base64'), format: 'der', type: 'pkcs8' }), signingPublicKey: stranger.signing_public_key };
    const bytes = await craft({ sender: keys, senderCode: 'XXX', recipient: kampala, records, attachments: attachment() });
    await refused(bytes, 'TRANSFER_UNKNOWN_SENDER');
    const uploadId = await upload(pair.kampala.supervisor, bytes);
    const error = await expectCode(pair.kampala.supervisor.call('transfer.open', { uploadId }), 'TRANSFER_UNKNOWN_SENDER');
    expect(error.params?.fingerprint).toMatch(/^\d{4}( \d{4}){7}$/);
  });

  it('signed by someone else than the sender it names', async () => {
    const other = generateOfficeKeys();
    const signer = { ...gulu, signingKey: crypto.createPrivateKey({ key: Buffer.from(other.signing_private_key, 'base64'), format: 'der', type: 'pkcs8' }) };
    await refused(await valid({ signWith: signer }), 'TRANSFER_BAD_SIGNATURE');
  });

  it('an unknown format version, or records of an unknown schema version', async () => {
    await refused(await valid({ manifest: (m) => ({ ...m, formatVersion: 2 }) }), 'TRANSFER_UNSUPPORTED_VERSION');
    await refused(await valid({ records: withRecords((r) => (r.schemaVersion = 7)) }), 'TRANSFER_UNSUPPORTED_VERSION');
  });

  it('container bombs: too many entries, sizes far beyond the payload, extra outer entries', async () => {
    await refused(await valid({ manifest: (m) => ({ ...m, contents: Array.from({ length: 500 }, (_, i) => ({ ...m.contents[0], name: `attachments/${crypto.randomUUID()}`, bytes: i })) }) }), ['TRANSFER_MALFORMED', 'TRANSFER_UNSAFE_CONTAINER']);
    await refused(await valid({ manifest: (m) => ({ ...m, contents: [m.contents[0], { ...m.contents[1], bytes: 9_000_000 }] }) }), 'TRANSFER_UNSAFE_CONTAINER');
    await refused(await valid({ outer: (items) => [...items, { name: 'extra.bin', data: Buffer.alloc(10) }] }), ['TRANSFER_UNSAFE_CONTAINER', 'TRANSFER_MALFORMED']);
    await refused(await valid({ inner: (items) => [...items, ...Array.from({ length: 50 }, () => ({ name: `attachments/${crypto.randomUUID()}`, data: Buffer.alloc(1) }))] }), 'TRANSFER_BAD_SIGNATURE');
  });

  it('path traversal and links inside either container', async () => {
    await refused(await valid({ inner: (items) => [{ name: '../../etc/passwd', data: Buffer.from('x') }, ...items] }), 'TRANSFER_UNSAFE_CONTAINER');
    await refused(await valid({ inner: (items) => [items[0], { name: `attachments/${documentId}`, type: 'symlink', linkname: '/etc/passwd' }] }), 'TRANSFER_UNSAFE_CONTAINER');
    await refused(await valid({ outer: (items) => [{ name: '/tmp/manifest.json', data: items[0].data }, ...items.slice(1)] }), 'TRANSFER_UNSAFE_CONTAINER');
    await refused(await valid({ outer: (items) => [items[0], { name: 'manifest.sig', type: 'symlink', linkname: '../x' }, items[2]] }), 'TRANSFER_UNSAFE_CONTAINER');
  });

  it('malformed JSON, unknown fields, wrong types, oversized values', async () => {
    await refused(await valid({ records: Buffer.from('{"schema": "homeward-case", "sch') }), 'TRANSFER_INVALID_RECORDS');
    await refused(await valid({ records: withRecords((r) => ((r.case as Record<string, unknown>).favourite_colour = 'blue')) }), 'TRANSFER_INVALID_RECORDS');
    await refused(await valid({ records: withRecords((r) => ((r.case as Record<string, unknown>).dob_estimated = 'yes')) }), 'TRANSFER_INVALID_RECORDS');
    await refused(await valid({ records: withRecords((r) => ((r.case as Record<string, unknown>).disability_notes = 'x'.repeat(200_000))) }), 'TRANSFER_INVALID_RECORDS');
    await refused(await valid({ records: withRecords((r) => ((r.sections as Record<string, Record<string, unknown>[]>).case_notes[0].case_id = 'another-case')) }), 'TRANSFER_INVALID_RECORDS');
    await refused(await valid({ records: withRecords((r) => ((r.case as Record<string, unknown>).stage = 'teleported')) }), 'TRANSFER_INVALID_RECORDS');
    await refused(await valid({ records: withRecords((r) => ((r.sections as Record<string, unknown>).secrets = [])) }), 'TRANSFER_INVALID_RECORDS');
    // Version 1 had no plans, assessments, BID, preparation or reunification sections.
    await refused(await valid({ records: withRecords((r) => ((r.schemaVersion = 1), ((r.sections as Record<string, unknown>).bids = []))) }), 'TRANSFER_INVALID_RECORDS');
    const forged = { id: 'forged-bid', case_id: (records.case as { id: string }).id, favourite_colour: 'blue' };
    await refused(await valid({ records: withRecords((r) => ((r.sections as Record<string, unknown>).bids = [forged])) }), 'TRANSFER_INVALID_RECORDS');
    // A document row whose file is missing, or a file no row describes.
    await refused(await valid({ attachments: [] }), 'TRANSFER_INVALID_RECORDS');
  });

  it('replayed (the same transfer twice) or older than what arrived since', async () => {
    const first = await valid({ createdAt: new Date(Date.now() - 60_000).toISOString() });
    const uploadId = await upload(pair.kampala.supervisor, first);
    await pair.kampala.supervisor.ok('transfer.accept', { uploadId, assignTo: pair.kampala.office.users.worker.id });
    await refused(first, 'TRANSFER_ALREADY_IMPORTED');
    // Another file for the same case, made before the one accepted: an older version.
    await refused(await valid({ createdAt: new Date(Date.now() - 3_600_000).toISOString() }), 'TRANSFER_STALE');
  });

  it('a revoked sender is refused, showing its fingerprint', async () => {
    await pair.kampala.office.admin.ok('transfer.revokePartner', { partnerId: pair.kampala.partnerId, reason: 'Keys lost with a stolen laptop' });
    await refused(await valid(), 'TRANSFER_SENDER_REVOKED');
  });
});
