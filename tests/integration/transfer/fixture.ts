// Two offices on one machine, each a real core over its own encrypted data folder, that have
// exchanged office cards: Gulu (GUL) sends, Kampala (KLA) receives. Files move between them through
// the channels (download in chunks at one office, upload in chunks at the other), as in the app.
import type { InProcessClient } from '../../../electron/core/client';
import { setUpStaffedOffice, supervisorPassword, workerPassword } from '../../fixtures/core';

export type StaffedOffice = Awaited<ReturnType<typeof setUpStaffedOffice>>;

export interface Side {
  office: StaffedOffice;
  worker: InProcessClient;
  other: InProcessClient;
  supervisor: InProcessClient;
  /** This office's partner id for the other office. */
  partnerId: string;
}

export interface Pair {
  gulu: Side;
  kampala: Side;
  cleanup(): void;
}

async function side(code: string, name: string): Promise<Omit<Side, 'partnerId'>> {
  const office = await setUpStaffedOffice({}, { office: { name, code, country: 'UG', defaultLanguage: 'en' } });
  return {
    office,
    worker: await office.login('wanjiru', workerPassword),
    other: await office.login('omar', workerPassword),
    supervisor: await office.login('sara', supervisorPassword),
  };
}

/** Each administrator imports the other's card and confirms the fingerprint read out by phone. */
export async function trustEachOther(a: StaffedOffice, b: StaffedOffice): Promise<[string, string]> {
  const cardA = await a.admin.ok('transfer.officeCard', {});
  const cardB = await b.admin.ok('transfer.officeCard', {});
  const inA = await a.admin.ok('transfer.trustPartner', { cardText: cardB.cardText, kind: 'office', fingerprint: cardB.fingerprint });
  const inB = await b.admin.ok('transfer.trustPartner', { cardText: cardA.cardText, kind: 'office', fingerprint: cardA.fingerprint });
  return [inA.id, inB.id];
}

export async function setUpPair(): Promise<Pair> {
  const g = await side('GUL', 'Gulu District Office');
  const k = await side('KLA', 'Kampala Central Office');
  const [inGulu, inKampala] = await trustEachOther(g.office, k.office);
  return {
    gulu: { ...g, partnerId: inGulu },
    kampala: { ...k, partnerId: inKampala },
    cleanup() {
      g.office.cleanup();
      k.office.cleanup();
    },
  };
}

export const pdf = (size: number, seed = 1): Buffer => {
  const head = Buffer.from('%PDF-1.4\n');
  const body = Buffer.alloc(Math.max(0, size - head.length));
  for (let i = 0; i < body.length; i++) body[i] = (i * 31 + seed * 7) & 0xff;
  return Buffer.concat([head, body]);
};

export const today = () => new Date().toISOString().slice(0, 10);

/** A case at the worker's office with family, consent for transfer, notes (one supervision), a document. */
export async function caseToSend(s: Omit<Side, 'partnerId'>, documentBytes = 20_000) {
  const registered = await s.worker.ok('cases.register', {
    child: {
      givenName: 'Achieng',
      familyName: 'Odongo',
      sex: 'female',
      dateOfBirth: '2014-02-03',
      separationReasons: ['poverty'],
      separationPlace: 'Gulu market',
      area: 'Gulu',
      careArrangement: 'transit_centre',
      carePlace: 'Safe house on Acholi Road',
    },
  });
  const caseId = registered.id;
  await s.worker.ok('family.save', { caseId, member: { kind: 'relative', relationship: 'mother', givenName: 'Lamaro', familyName: 'Odongo', sex: 'female', place: 'Kampala' } });
  await s.worker.ok('consents.record', { caseId, consent: { givenBy: 'caregiver', giverName: 'Lamaro Odongo', relationship: 'mother', purposes: ['transfer'], method: 'signature', date: today() } });
  await s.worker.ok('consents.record', { caseId, consent: { givenBy: 'child', purposes: ['transfer'], method: 'verbal', date: today() } });
  const note = await s.worker.ok('notes.add', { caseId, note: { kind: 'home_visit', date: today(), text: 'Visited the mother in Kampala; she wants Achieng home.' } });
  await s.worker.ok('notes.add', { caseId, note: { kind: 'supervision', date: today(), text: 'Supervisor: worker is stretched; discuss caseload.' } });
  const document = await s.worker.ok('notes.uploadDocument', {
    caseId,
    document: { title: 'Signed consent form', kind: 'consent_form', mime: 'application/pdf', fileName: 'consent.pdf', dataBase64: pdf(documentBytes).toString('base64') },
  });
  return { caseId, noteId: note.id, documentId: document.id, number: registered.number };
}

/** Downloads a file in chunks through the channel. */
export async function download(client: InProcessClient, transferId: string, file: 'package' | 'receipt'): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await client.ok('transfer.download', { transferId, file, offset });
    const data = Buffer.from(chunk.dataBase64, 'base64');
    parts.push(data);
    offset += data.length;
    if (chunk.done) break;
  }
  return Buffer.concat(parts);
}

/** Uploads bytes in chunks through the channel; returns the upload id. */
export async function upload(client: InProcessClient, bytes: Buffer, chunk = 4 * 1024 * 1024): Promise<string> {
  let uploadId: string | null = null;
  for (let offset = 0; offset < bytes.length || uploadId === null; offset += chunk) {
    const result: { uploadId: string } = await client.ok('transfer.upload', { uploadId, offset, totalBytes: bytes.length, dataBase64: bytes.subarray(offset, offset + chunk).toString('base64') });
    uploadId = result.uploadId;
    if (offset + chunk >= bytes.length) break;
  }
  return uploadId!;
}

export const sendDetails = (partnerId: string) => ({ partnerId, reason: 'moving_district' as const, basis: 'consent' as const, childAssent: 'given' as const });
export const defaultSelection = { parts: ['family', 'consents', 'notes', 'tracing', 'safety', 'contacts', 'documents'] as ('family' | 'consents' | 'notes' | 'tracing' | 'safety' | 'contacts' | 'documents' | 'supervisionNotes' | 'restrictedPersons' | 'carePlace')[], excludeDocumentIds: [] };
