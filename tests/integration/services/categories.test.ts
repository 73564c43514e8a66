// Keeping the directory's categories: supervisors and administrators add one with its name in the
// office's languages, rename (a built-in one too), retire one in use (kept where used, offered for
// nothing new) and delete one only while nothing uses it — each change audited. A new category is
// at once in the directory, its search filter, the gap matrix and referrals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapLookup } from '../../../shared/services/gaps';
import { openRawWithKey } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';
import { setUpDirectoryOffice, type DirectoryOffice } from './fixture';

let o: DirectoryOffice;
beforeAll(async () => {
  o = await setUpDirectoryOffice();
});
afterAll(() => o?.cleanup());

const audit = (action: string) => {
  const raw = openRawWithKey(o.core);
  try {
    return (raw.prepare('SELECT entity_id, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as { entity_id: string; details: string }[]).map((r) => ({ key: r.entity_id, details: JSON.parse(r.details) as unknown }));
  } finally {
    raw.close();
  }
};
const category = async (key: string) => (await o.worker.ok('services.categories', {})).find((c) => c.key === key);

describe('adding and naming a category', () => {
  it('a supervisor adds one named in several languages; the office’s language is required', async () => {
    await expectCode(o.supervisor.call('services.saveCategory', { key: 'nutrition', labels: { fr: 'Nutrition' }, create: true }), 'VALIDATION');
    const saved = await o.supervisor.ok('services.saveCategory', { key: 'nutrition', labels: { en: ' Nutrition ', fr: 'Nutrition', ar: 'التغذية', es: '' }, create: true });
    expect(saved).toEqual({ key: 'nutrition', label: 'Nutrition', labels: { en: 'Nutrition', fr: 'Nutrition', ar: 'التغذية' }, builtin: false, retired: false });
    expect(audit('services.categoryAdd')).toEqual([{ key: 'nutrition', details: { languages: ['en', 'fr', 'ar'] } }]);
  });

  it('an administrator (who reads no case) may keep categories too; a case worker may not', async () => {
    await o.admin.ok('services.saveCategory', { key: 'nutrition', labels: { en: 'Nutrition and feeding', fr: 'Nutrition' }, create: false });
    expect((await category('nutrition'))?.labels).toEqual({ en: 'Nutrition and feeding', fr: 'Nutrition' });
    await expectCode(o.worker.call('services.saveCategory', { key: 'sneaky', labels: { en: 'Sneaky' }, create: true }), 'FORBIDDEN');
    await expectCode(o.worker.call('services.retireCategory', { key: 'nutrition', retired: true }), 'FORBIDDEN');
    expect(await category('sneaky')).toBeUndefined();
  });

  it('a built-in category can carry the office’s own wording, and keeps its translations where none is given', async () => {
    const health = await o.supervisor.ok('services.saveCategory', { key: 'health', labels: { en: 'Health and nutrition' }, create: false });
    expect(health).toMatchObject({ builtin: true, labels: { en: 'Health and nutrition' } });
    await o.supervisor.ok('services.saveCategory', { key: 'health', labels: {}, create: false });
    expect((await category('health'))?.labels).toEqual({});
  });

  it('a key is lower-case letters, digits and _, and a new key cannot be an existing one', async () => {
    await expectCode(o.supervisor.call('services.saveCategory', { key: 'Nutrition!', labels: { en: 'x' }, create: true }), 'VALIDATION');
    await expectCode(o.supervisor.call('services.saveCategory', { key: 'nutrition', labels: { en: 'x' }, create: true }), 'VALIDATION');
    await expectCode(o.supervisor.call('services.saveCategory', { key: 'no_such', labels: { en: 'x' }, create: false }), 'NOT_FOUND');
  });
});

describe('a new category is everywhere categories are', () => {
  it('in the directory, its search filter, the gap matrix and a referral', async () => {
    await o.worker.ok('services.saveProvider', {
      provider: { name: 'Pece Feeding Centre', kind: 'community', services: [{ name: 'Therapeutic feeding', category: 'nutrition', areaIds: [o.areas.pece.id] }] },
    });
    expect((await o.worker.ok('services.search', { category: 'nutrition' })).services.map((s) => s.name)).toEqual(['Therapeutic feeding']);
    const matrix = await o.worker.ok('services.gaps', {});
    expect(matrix.categories.map((c) => c.key)).toContain('nutrition');
    const cell = gapLookup(matrix.areas.map((a) => a.id), matrix.categories.map((c) => c.key), matrix)(o.areas.pece.id, 'nutrition');
    expect(cell).toMatchObject({ services: 1 });
    const provider = (await o.worker.ok('services.search', { category: 'nutrition' })).services[0].providerId;
    const draft = await o.worker.ok('referrals.saveDraft', { caseId: o.caseId, referral: { providerId: provider, category: 'nutrition', need: 'Feeding', urgency: 'routine', fields: ['need', 'urgency'] } });
    expect(draft.category).toBe('nutrition');
  });
});

describe('retiring and deleting', () => {
  it('a category in use cannot be deleted: it is retired instead, and the refusal changes nothing', async () => {
    await expectCode(o.supervisor.call('services.deleteCategory', { key: 'nutrition' }), 'CATEGORY_IN_USE');
    await expectCode(o.supervisor.call('services.deleteCategory', { key: 'peer_support' }), 'CATEGORY_IN_USE');
    expect(await category('nutrition')).toMatchObject({ retired: false });
    const usage = await o.supervisor.ok('services.categoryUsage', {});
    expect(usage.usage.find((u) => u.key === 'nutrition')).toEqual({ key: 'nutrition', services: 1, referrals: 1, needMappings: 0 });
  });

  it('a retired category stays on what uses it and is offered for nothing new', async () => {
    await o.supervisor.ok('services.retireCategory', { key: 'nutrition', retired: true });
    await expectCode(o.supervisor.call('services.retireCategory', { key: 'nutrition', retired: true }), 'CONFLICT');
    expect(await category('nutrition')).toMatchObject({ retired: true });
    // Still found, and its service can still be saved as it is.
    const found = (await o.worker.ok('services.search', { category: 'nutrition' })).services;
    expect(found.map((s) => s.name)).toEqual(['Therapeutic feeding']);
    await o.worker.ok('services.saveProvider', { provider: { id: found[0].providerId, name: 'Pece Feeding Centre', kind: 'community', services: [{ id: found[0].id, name: 'Therapeutic feeding', category: 'nutrition', areaIds: [o.areas.pece.id] }] } });
    // Nothing new: no new service, no new referral.
    await expectCode(
      o.worker.call('services.saveProvider', { provider: { name: 'Another Centre', kind: 'ngo', services: [{ name: 'Feeding', category: 'nutrition' }] } }),
      'VALIDATION',
    );
    await expectCode(
      o.worker.call('referrals.saveDraft', { caseId: o.caseId, referral: { providerId: found[0].providerId, category: 'nutrition', need: 'Feeding', urgency: 'routine', fields: ['need', 'urgency'] } }),
      'VALIDATION',
    );
    await o.supervisor.ok('services.retireCategory', { key: 'nutrition', retired: false });
    expect(audit('services.categoryRetire').map((a) => a.key)).toEqual(['nutrition']);
    expect(audit('services.categoryRestore').map((a) => a.key)).toEqual(['nutrition']);
  });

  it('an unused category of the office’s own is deleted, audited', async () => {
    await o.admin.ok('services.saveCategory', { key: 'kinship_support', labels: { en: 'Kinship support' }, create: true });
    expect(await o.admin.ok('services.deleteCategory', { key: 'kinship_support' })).toEqual({ key: 'kinship_support' });
    expect(await category('kinship_support')).toBeUndefined();
    expect(audit('services.categoryDelete').map((a) => a.key)).toEqual(['kinship_support']);
  });
});
