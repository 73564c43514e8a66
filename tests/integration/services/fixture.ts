// Shared set-up for the services and referrals tests: an office on a clock, a small area tree
// (Northern region → Gulu district → Pece and Layibi), a directory, and a child in Gulu whose
// plan is in force (an education objective), assigned to Wanjiru; Omar is not assigned.
import type { InProcessClient } from '../../../electron/core/client';
import type { ChannelInput } from '../../../shared/contract';
import { gapLookup } from '../../../shared/services/gaps';
import type { GapMatrix } from '../../../shared/services/contract';
import { officeOnClock, planContent, verbalAck } from '../plans/helpers';

export const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export const header =
  'provider,provider_kind,contact_name,phone,provider_language,required_fields,last_verified,service,category,min_age,max_age,languages,cost,waiting_days,areas';

export async function addArea(client: InProcessClient, code: string, name: string, parentId: string | null = null, level = '') {
  return client.ok('services.saveArea', { area: { code, name, parentId, level } });
}

export type Provider = ChannelInput<'services.saveProvider'>['provider'];

export async function setUpDirectoryOffice() {
  const o = await officeOnClock('2025-09-01T08:00:00.000Z');
  const north = await addArea(o.supervisor, 'N', 'Northern', null, 'region');
  const gulu = await addArea(o.supervisor, 'GUL', 'Gulu', north.id, 'district');
  const pece = await addArea(o.supervisor, 'GUL-PEC', 'Pece', gulu.id, 'sub-county');
  const layibi = await addArea(o.supervisor, 'GUL-LAY', 'Layibi', gulu.id, 'sub-county');
  const lira = await addArea(o.supervisor, 'LIR', 'Lira', north.id, 'district');
  const school = await o.worker.ok('services.saveProvider', {
    provider: {
      name: 'Pece Catch-up School',
      kind: 'community',
      phone: '0772 111 222',
      language: 'fr',
      requiredFields: ['dateOfBirth'],
      lastVerified: '2025-06-01',
      services: [{ name: 'Catch-up classes', category: 'education', minAge: 8, maxAge: 16, languages: ['Acholi', 'English'], areaIds: [pece.id] }],
    },
  });
  const clinic = await o.worker.ok('services.saveProvider', {
    provider: {
      name: 'Gulu Counselling Centre',
      kind: 'ngo',
      language: 'ar',
      lastVerified: '2023-01-10',
      services: [{ name: 'Trauma counselling', category: 'mental_health', minAge: 5, languages: ['English'], areaIds: [gulu.id] }],
    },
  });
  const kase = await o.register(o.worker, { area: 'Pece' });
  await o.worker.ok('plans.saveDraft', { caseId: kase.id, expectedRevision: null, plan: planContent() });
  await o.worker.ok('plans.acknowledge', { caseId: kase.id, version: 1, acknowledgement: verbalAck('2025-09-01') });
  return { ...o, areas: { north, gulu, pece, layibi, lira }, school, clinic, caseId: kase.id };
}

export type DirectoryOffice = Awaited<ReturnType<typeof setUpDirectoryOffice>>;

/** One cell of the gap matrix (its counts travel flat), or undefined when it holds nothing. */
export const gapCell = (m: GapMatrix, areaId: string, category: string) =>
  gapLookup(
    m.areas.map((a) => a.id),
    m.categories.map((c) => c.key),
    m,
  )(areaId, category);
