import labelled from '../fixtures/categorize-labelled.json';
import { LabelledDescription, measureCategorizationAccuracy } from '../../server/domain/taxonomy/accuracy';
import { loadTaxonomy, ResourceCategoryRecord } from '../../server/domain/taxonomy/taxonomy';

const taxonomy = loadTaxonomy();
const set: LabelledDescription[] = labelled;

describe('measureCategorizationAccuracy', () => {
  const tiny: ResourceCategoryRecord[] = [
    { code: 'material', family: 'MATERIAL', parent: null, nameFr: 'Matières', nameEn: 'Materials', ewcCode: null, units: ['t/yr'], synonyms: [] },
    { code: 'material.wood', family: 'MATERIAL', parent: 'material', nameFr: 'Bois', nameEn: 'Wood', ewcCode: null, units: ['t/yr'], synonyms: [] },
    { code: 'material.wood.pallets', family: 'MATERIAL', parent: 'material.wood', nameFr: 'Palettes', nameEn: 'Pallets', ewcCode: null, units: ['t/yr'], synonyms: [] },
    { code: 'material.glass', family: 'MATERIAL', parent: 'material', nameFr: 'Verre', nameEn: 'Glass', ewcCode: null, units: ['t/yr'], synonyms: [] },
  ];
  const answers: Record<string, string[]> = {
    exact: ['material.wood.pallets', 'material.glass'],
    acceptable: ['material.glass'],
    second: ['material.glass', 'material.wood.pallets'],
    parent: ['material.wood', 'material.glass'],
    child: ['material.glass', 'material.wood.pallets'],
    grandparent: ['material', 'material.glass'],
    none: [],
  };
  const suggest = (text: string) => answers[text];
  const measure = (items: LabelledDescription[]) => measureCategorizationAccuracy(items, tiny, suggest);

  it('counts the expected code or an acceptable one first as a top-1 hit', () => {
    expect(measure([{ text: 'exact', expected: 'material.wood.pallets' }])).toMatchObject({ top1: 1, top3: 1, misses: [] });
    expect(measure([{ text: 'acceptable', expected: 'material.wood.pallets', acceptable: ['material.glass'] }])).toMatchObject({ top1: 1, top3: 1 });
  });

  it('counts the expected code among the first three as a top-3 hit only', () => {
    const result = measure([{ text: 'second', expected: 'material.wood.pallets' }]);
    expect(result).toMatchObject({ size: 1, top1: 0, top3: 1 });
    expect(result.misses).toEqual([{ text: 'second', expected: 'material.wood.pallets', suggested: ['material.glass', 'material.wood.pallets'], top3: true }]);
  });

  it('counts the direct parent or a direct child of the expected code as a top-3 hit, never top-1', () => {
    expect(measure([{ text: 'parent', expected: 'material.wood.pallets' }])).toMatchObject({ top1: 0, top3: 1 });
    expect(measure([{ text: 'child', expected: 'material.wood' }])).toMatchObject({ top1: 0, top3: 1 });
    expect(measure([{ text: 'grandparent', expected: 'material.wood.pallets' }])).toMatchObject({ top1: 0, top3: 0 });
  });

  it('counts no suggestion as a miss, and reports 0 for an empty set', () => {
    expect(measure([{ text: 'none', expected: 'material.glass' }])).toMatchObject({ top1: 0, top3: 0 });
    expect(measure([])).toEqual({ size: 0, top1: 0, top3: 0, misses: [] });
  });
});

describe('the labelled set (tests/fixtures/categorize-labelled.json)', () => {
  it('holds at least 220 distinct descriptions labelled with codes of the taxonomy', () => {
    const codes = new Set(taxonomy.map((c) => c.code));
    expect(set.length).toBeGreaterThanOrEqual(220);
    expect(new Set(set.map((d) => d.text)).size).toBe(set.length);
    const unknown = set.flatMap((d) => [d.expected, ...(d.acceptable ?? [])]).filter((code) => !codes.has(code));
    expect(unknown).toEqual([]);
  });

  it('covers every resource family', () => {
    const families = new Set(set.map((d) => d.expected.split('.')[0]));
    expect([...families].sort()).toEqual(['energy', 'equipment', 'expertise', 'logistics', 'material', 'service', 'water']);
  });

  // Measured when written: top-1 0.831, top-3 0.945 over 419 descriptions (0.800 and 0.919 with
  // the scorer before stemming, lexicon, EWC codes and units). The floors sit a few
  // points below, so that a reviewed synonym added elsewhere does not fail the build, while a
  // regression of the scorer does.
  it('is categorised with top-1 accuracy of at least 0.78 and top-3 accuracy of at least 0.9', () => {
    const { top1, top3 } = measureCategorizationAccuracy(set, taxonomy);
    expect(top1).toBeGreaterThanOrEqual(0.78);
    expect(top3).toBeGreaterThanOrEqual(0.9);
  });
});
