// Interop: a file Homeward writes is standard. Debian's `age -d -i` decrypts the payload with the
// receiving office's identity (exported for this test only), GNU tar lists both containers, and
// `openssl pkeyutl -verify` checks the manifest signature with the sender's public key in PEM.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingPublicKeyPem } from '../../../electron/core/transfer/keys';
import { tempDir } from '../../fixtures/core';
import { officeKeys } from './craft';
import { caseToSend, defaultSelection, download, sendDetails, setUpPair, type Pair } from './fixture';

const haveTools = ['/usr/bin/age', '/usr/bin/openssl', '/usr/bin/tar'].every((tool) => fs.existsSync(tool));
let pair: Pair;
let dir: string;

beforeAll(async () => {
  pair = await setUpPair();
  dir = tempDir('homeward-interop-');
});
afterAll(() => {
  pair?.cleanup();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveTools)('standard tools read a transfer file', () => {
  it('tar lists it, openssl verifies the signature, age decrypts the payload to the records and the document', async () => {
    const sent = await caseToSend(pair.gulu, 150_000);
    const result = await pair.gulu.worker.ok('transfer.send', { caseId: sent.caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection });
    const file = path.join(dir, 'case.homeward');
    fs.writeFileSync(file, await download(pair.gulu.worker, result.transferId, 'package'));

    expect(execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n')).toEqual(['manifest.json', 'manifest.sig', 'payload.age']);
    execFileSync('tar', ['-xf', file, '-C', dir]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { sender: { signingKey: string }; payload: { sha256: string } };
    expect(JSON.stringify(manifest)).not.toContain('Achieng');

    // The sender's public key, as the receiving office holds it from the office card.
    const pem = path.join(dir, 'gulu.pem');
    fs.writeFileSync(pem, signingPublicKeyPem(manifest.sender.signingKey));
    const verified = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', pem, '-rawin', '-in', path.join(dir, 'manifest.json'), '-sigfile', path.join(dir, 'manifest.sig')], { encoding: 'utf8' });
    expect(verified).toMatch(/Signature Verified Successfully/);
    const payload = fs.readFileSync(path.join(dir, 'payload.age'));
    expect(crypto.createHash('sha256').update(payload).digest('hex')).toBe(manifest.payload.sha256);

    // A tampered manifest fails the same independent check.
    const tampered = path.join(dir, 'tampered.json');
    fs.writeFileSync(tampered, fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8').replace('"kind": "case"', '"kind": "receipt"'));
    expect(() => execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', pem, '-rawin', '-in', tampered, '-sigfile', path.join(dir, 'manifest.sig')], { stdio: 'pipe' })).toThrow();

    // The receiving office's identity, exported from its encrypted database for this test.
    const identity = path.join(dir, 'kampala.key');
    fs.writeFileSync(identity, `${(await officeKeys(pair.kampala.office.core)).ageIdentity}\n`, { mode: 0o600 });
    const inner = execFileSync('age', ['-d', '-i', identity, path.join(dir, 'payload.age')], { maxBuffer: 64 * 1024 * 1024 });
    fs.writeFileSync(path.join(dir, 'inner.tar'), inner);
    expect(execFileSync('tar', ['-tf', path.join(dir, 'inner.tar')], { encoding: 'utf8' }).trim().split('\n')).toEqual(['records.json', `attachments/${sent.documentId}`]);
    execFileSync('tar', ['-xf', path.join(dir, 'inner.tar'), '-C', dir]);
    const records = JSON.parse(fs.readFileSync(path.join(dir, 'records.json'), 'utf8')) as { schema: string; schemaVersion: number; case: { given_name: string } };
    expect(records).toMatchObject({ schema: 'homeward-case', schemaVersion: 2, case: { given_name: 'Achieng' } });
    const original = await pair.gulu.worker.ok('notes.getDocument', { caseId: sent.caseId, documentId: sent.documentId });
    expect(fs.readFileSync(path.join(dir, 'attachments', sent.documentId)).equals(Buffer.from(original.dataBase64, 'base64'))).toBe(true);

    // Gulu cannot read its own sent file: it was encrypted to Kampala only.
    const own = path.join(dir, 'gulu.key');
    fs.writeFileSync(own, `${(await officeKeys(pair.gulu.office.core)).ageIdentity}\n`, { mode: 0o600 });
    expect(() => execFileSync('age', ['-d', '-i', own, path.join(dir, 'payload.age')], { stdio: 'pipe' })).toThrow();
  });
});
