// The coverage-gap matrix from real case work: an open plan objective (education) and a low
// well-being factor (emotional health at 1 → mental health) place needs in the child's area; the
// directory's services cover some of them; the export for the coordination meeting holds counts
// only, with cells under 5 suppressed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawWithKey } from '../../fixtures/core';
import { gapCell, setUpDirectoryOffice, type DirectoryOffice } from './fixture';

const factors = ['food_security', 'nutrition_growth', 'shelter', 'care', 'abuse_exploitation', 'legal_protection', 'wellness', 'health_care_services', 'emotional_health', 'social_behaviour', 'performance', 'education_work', 'family_relationships', 'community_belonging', 'stigma'];

let o: DirectoryOffice;
let layibiCase: string;
beforeAll(async () => {
  o = await setUpDirectoryOffice();
  // A second child, in Layibi, whose latest well-being assessment scores emotional health at 1 and legal protection at 2.
  layibiCase = (await o.register(o.worker, { area: 'layibi', givenName: 'Okot' })).id;
  const answers = Object.fromEntries(factors.map((f) => [f, f === 'emotional_health' ? 1 : f === 'legal_protection' ? 2 : 3]));
  await o.worker.ok('assessments.save', { caseId: layibiCase, templateKey: 'csi', templateVersion: 1, date: '2025-09-01', answers, complete: true });
});
afterAll(() => o?.cleanup());

describe('the gap matrix', () => {
  it('places needs from open objectives and low well-being factors by the child’s area, and flags gaps', async () => {
    const m = await o.worker.ok('services.gaps', {});
    const at = (areaId: string, category: string) => gapCell(m, areaId, category);
    // Pece: the plan's open education objective, served by the catch-up school.
    expect(at(o.areas.pece.id, 'education')).toMatchObject({ needs: 1, services: 1, gap: 'none' });
    // Pece: family relationships objective → mental health; the district-wide counselling centre reaches it.
    expect(at(o.areas.pece.id, 'mental_health')).toMatchObject({ needs: 1, services: 1, gap: 'none' });
    // Layibi: emotional health at 1 → mental health (covered by the district), legal protection at 2 → legal aid (no one): a gap.
    expect(at(o.areas.layibi.id, 'mental_health')).toMatchObject({ needs: 1, services: 1, gap: 'none' });
    expect(at(o.areas.layibi.id, 'legal_aid')).toMatchObject({ needs: 1, services: 0, gap: 'gap' });
    // Needs roll up: Gulu district holds both children.
    expect(at(o.areas.gulu.id, 'mental_health')?.needs).toBe(2);
    expect(at(o.areas.north.id, 'legal_aid')).toMatchObject({ needs: 1, gap: 'gap' });
    expect(m.unplacedCases).toBe(0);
  });

  it('a service added where the gap was closes it', async () => {
    await o.worker.ok('services.saveProvider', { provider: { name: 'Justice Centres Uganda', kind: 'ngo', services: [{ name: 'Legal aid clinic', category: 'legal_aid', areaIds: [o.areas.layibi.id] }] } });
    const m = await o.worker.ok('services.gaps', {});
    expect(gapCell(m, o.areas.layibi.id, 'legal_aid')).toMatchObject({ services: 1, gap: 'none' });
  });

  it('the area detail lists the area’s services and the caller’s cases with a need there', async () => {
    const detail = await o.worker.ok('services.areaDetail', { areaId: o.areas.layibi.id, category: 'mental_health' });
    expect(detail.services.map((s) => s.name)).toEqual(['Trauma counselling']);
    expect(detail.cases).toEqual([expect.objectContaining({ caseId: layibiCase, categories: ['mental_health'] })]);
    expect((await o.other.ok('services.areaDetail', { areaId: o.areas.layibi.id, category: null })).cases).toEqual([]);
  });

  it('the export holds counts only, cells under 5 suppressed, no names', async () => {
    const { csv, fileName } = await o.worker.ok('services.exportGaps', {});
    expect(fileName).toMatch(/^coverage-gaps-/);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('"area","category","open_needs","services","referrals_pending","referrals_declined_or_unmet","gap"');
    expect(lines).toContain('"Gulu (GUL)","mental_health","<5","1","0","0","none"');
    expect(csv).not.toMatch(/Amélie|Okot|Nduwimana/);
    // No suppressible count (1 to 4) of needs or referrals is written as a number.
    const cells = lines.slice(1).filter(Boolean).map((l) => l.slice(1, -1).split('","'));
    for (const c of cells) for (const i of [2, 4, 5]) expect(['1', '2', '3', '4']).not.toContain(c[i]);
  });

  it('the counts the triggers keep equal a fresh count of the open needs after all of this', () => {
    const raw = openRawWithKey(o.core);
    try {
      const kept = raw.prepare('SELECT area_key, category, n FROM need_counts WHERE n > 0 ORDER BY 1, 2').all();
      const fresh = raw.prepare('SELECT area_key, category, count(DISTINCT case_id) AS n FROM case_needs GROUP BY 1, 2 ORDER BY 1, 2').all();
      expect(kept).toEqual(fresh);
      expect(kept.length).toBeGreaterThan(0);
    } finally {
      raw.close();
    }
  });
});
