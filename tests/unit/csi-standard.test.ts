// The standard Child Status Index factors are locked (shared/assessments/standard.ts): every kind of
// change to them is found, an office's own domains and factors after them are not, and the shipped
// guide gives every factor four score descriptions and three age bands.
import { describe, expect, it } from 'vitest';
import { anchoredStandardDomains } from '../../migrations/0021_csi_guide';
import { shippedTemplates } from '../../migrations/0004_assessments';
import { ageBandOf, templateDefinitionSchema, type TemplateDefinition } from '../../shared/assessments/template';
import { isStandardDomain, standardChanges, standardDomains } from '../../shared/assessments/standard';

const text = (en: string) => ({ en, fr: `${en} (fr)`, es: `${en} (es)`, pt: `${en} (pt)`, ar: `${en} (ar)` });
const csiV1 = shippedTemplates.find((t) => t.key === 'csi')!.definition;
const standard: TemplateDefinition = templateDefinitionSchema.parse({
  ...csiV1,
  domains: [...anchoredStandardDomains, csiV1.domains.find((d) => d.id === 'reintegration')],
});
const change = (edit: (d: TemplateDefinition) => void): string[] => {
  const next = structuredClone(standard);
  edit(next);
  return standardChanges(standard, templateDefinitionSchema.parse(next)).map((c) => c.code);
};
const ownDomain = { id: 'school_life', title: text('School life'), questions: [{ id: 'bullying', type: 'scale' as const, label: text('Free from bullying'), required: false }] };

describe('the standard CSI factors are locked', () => {
  it('the shipped version is standard: twelve factors in six domains, in order', () => {
    expect(standard.domains.slice(0, 6).map((d) => [d.id, d.questions.map((q) => q.id)])).toEqual(standardDomains.map((d) => [d.id, [...d.factors]]));
    expect(standardChanges(standard, standard)).toEqual([]);
  });

  it('finds a removed factor and a removed domain', () => {
    expect(change((d) => d.domains[2]!.questions.splice(0, 1))).toContain('standardRemoved');
    expect(change((d) => d.domains.splice(3, 1))).toContain('standardRemoved');
  });

  it('finds a renamed factor (in any language) and a renamed domain', () => {
    expect(change((d) => (d.domains[2]!.questions[0]!.label.en = 'Violence'))).toEqual(['standardRenamed']);
    expect(change((d) => (d.domains[2]!.questions[0]!.label.ar = 'العنف'))).toEqual(['standardRenamed']);
    expect(change((d) => (d.domains[0]!.title.fr = 'Nourriture'))).toEqual(['standardRenamed']);
  });

  it('finds a re-scored factor: its descriptions, its age guidance, its type, whether it is required, the scale labels', () => {
    expect(change((d) => (d.domains[2]!.questions[0]!.anchors![0]!.en = 'Some bruises'))).toEqual(['standardRescored']);
    expect(change((d) => d.domains[2]!.questions[0]!.ageGuidance!.pop())).toEqual(['standardRescored']);
    expect(change((d) => (d.domains[1]!.questions[1]!.required = false))).toEqual(['standardRescored']);
    expect(change((d) => {
      const q = d.domains[1]!.questions[1]!;
      d.domains[1]!.questions[1] = { id: q.id, label: q.label, type: 'text', required: true };
    })).toEqual(['standardRescored']);
    expect(change((d) => (d.domains[0]!.questions[0]!.scaleLabels = [text('None'), text('Little'), text('Some'), text('Enough')]))).toEqual(['standardRescored']);
    expect(change((d) => (d.scaleLabels[3]!.en = 'Excellent'))).toEqual(['standardRescored']);
  });

  it('finds reordered factors and domains, and an own domain put before the standard ones', () => {
    expect(change((d) => d.domains[4]!.questions.reverse())).toContain('standardReordered');
    expect(change((d) => ([d.domains[0], d.domains[1]] = [d.domains[1]!, d.domains[0]!]))).toContain('standardReordered');
    expect(change((d) => d.domains.unshift(ownDomain))).toContain('standardReordered');
  });

  it('finds a factor moved to another domain, and a question added inside a standard domain', () => {
    expect(change((d) => d.domains[6]!.questions.push(d.domains[2]!.questions.shift()!))).toContain('standardMoved');
    expect(change((d) => d.domains[0]!.questions.push({ ...ownDomain.questions[0]!, id: 'meals' }))).toEqual(['standardAdded']);
  });

  it('lets an office add, change, move and remove its own domains and factors after the standard ones', () => {
    expect(change((d) => d.domains.push(ownDomain))).toEqual([]);
    expect(change((d) => {
      d.domains[6]!.title.en = 'Family and community life';
      d.domains[6]!.questions.pop();
      d.domains.push(ownDomain);
    })).toEqual([]);
    expect(change((d) => d.domains.splice(6, 1, ownDomain))).toEqual([]);
  });

  it('locks only the standard template', () => {
    expect(isStandardDomain('csi', 'protection')).toBe(true);
    expect(isStandardDomain('csi', 'reintegration')).toBe(false);
    expect(isStandardDomain('school_check', 'protection')).toBe(false);
  });
});

describe('the score guide', () => {
  it('gives each of the twelve factors four score descriptions and guidance for three age bands', () => {
    const factors = anchoredStandardDomains.flatMap((d) => d.questions);
    expect(factors).toHaveLength(12);
    for (const f of factors) {
      expect(f.anchors).toHaveLength(4);
      expect(f.ageGuidance.map((g) => g.band)).toEqual(['under5', 'age5to12', 'age13to17']);
    }
    // Descriptions differ from one score to the next, and from one factor to the next.
    expect(new Set(factors.flatMap((f) => f.anchors.map((a) => a.en))).size).toBe(48);
  });

  it('places a child in an age band by completed years', () => {
    expect([0, 4, 5, 12, 13, 17, 19].map(ageBandOf)).toEqual(['under5', 'under5', 'age5to12', 'age5to12', 'age13to17', 'age13to17', 'age13to17']);
    expect(ageBandOf(null)).toBeNull();
  });

  it('the schema keeps descriptions and age guidance to scale questions', () => {
    const q = { id: 'notes', type: 'text', label: text('Notes'), anchors: standard.domains[0]!.questions[0]!.anchors };
    expect(templateDefinitionSchema.safeParse({ ...standard, domains: [{ id: 'x', title: text('X'), questions: [q] }] }).success).toBe(false);
  });
});
