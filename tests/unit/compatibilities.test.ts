import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CategoryCompatibility, ResourceCategoryRecord, loadCompatibilities, loadTaxonomy, validateCompatibilities,
} from '../../server/domain/taxonomy/taxonomy';

const taxonomy = loadTaxonomy();
const edges = loadCompatibilities();
const byCode = new Map(taxonomy.map((c) => [c.code, c]));

/** Codes of a category and of all its ancestors, nearest first. */
function lineage(code: string): string[] {
  const codes: string[] = [];
  for (let c: string | null | undefined = code; c; c = byCode.get(c)?.parent) codes.push(c);
  return codes;
}

/** Same category, or one an ancestor of the other: the matches the engine makes without an edge. */
const implicitMatch = (a: string, b: string): boolean => lineage(a).includes(b) || lineage(b).includes(a);

const edge = (from: string, to: string) => edges.find((e) => e.from === from && e.to === to);

/** Whether some edge links the two categories, directly or from their ancestors (the synergy
 *  engine applies an edge to the descendants of both its ends). */
const reaches = (from: string, to: string): boolean =>
  edges.some((e) => lineage(from).includes(e.from) && lineage(to).includes(e.to));

describe('the shipped compatibility edges', () => {
  it('pass every integrity rule against the shipped taxonomy', () => {
    expect(validateCompatibilities(edges, taxonomy)).toEqual([]);
  });

  it('hold at least 150 edges, leaving from categories of every family', () => {
    expect(edges.length).toBeGreaterThanOrEqual(150);
    const families = new Set(edges.map((e) => byCode.get(e.from)?.family));
    expect(families.size).toBe(7);
  });

  it('give an outlet to every category offered in the demo territory', () => {
    interface DemoFile { actors: { flows: { direction: string; categoryCode: string }[] }[] }
    const demo = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../../seeds/demo/grand-orly-seine-bievre.json'), 'utf8'),
    ) as DemoFile;
    const flows = demo.actors.flatMap((a) => a.flows);
    const offered = [...new Set(flows.filter((f) => f.direction === 'OFFER').map((f) => f.categoryCode))];
    const needed = [...new Set(flows.filter((f) => f.direction === 'NEED').map((f) => f.categoryCode))];
    // Premises, machines, services, skills and logistics are pooled means: whoever needs one needs
    // the same thing, so the category is its own outlet. Energy, water and materials must go
    // somewhere: an edge, or a need of a matching category in the demo.
    const pooled = new Set(['EQUIPMENT', 'SERVICE', 'EXPERTISE', 'LOGISTICS']);
    const withoutOutlet = offered.filter((code) => !pooled.has(byCode.get(code)?.family ?? '')
      && !edges.some((e) => lineage(code).includes(e.from))
      && !needed.some((n) => implicitMatch(code, n)));
    expect(withoutOutlet).toEqual([]);
  });

  it('send coffee grounds to mushroom substrate and compost', () => {
    const outlets = edges.filter((e) => e.from === 'material.biowaste.coffee-grounds').map((e) => e.to);
    expect(outlets).toEqual(expect.arrayContaining(['material.biowaste.growing-substrate', 'material.biowaste.compost']));
    expect(outlets.every((to) => to.startsWith('material.biowaste.'))).toBe(true);
  });

  it('send low-temperature waste heat to pools, greenhouses and space heating, fully to pools', () => {
    const low = 'energy.waste-heat.low-temperature';
    expect(edge(low, 'energy.heat.pool')?.grade).toBe(1);
    expect(edge(low, 'energy.heat.greenhouse')?.grade).toBe(1);
    expect(edge(low, 'energy.heat.space-heating')?.grade).toBeGreaterThanOrEqual(0.5);
    // Industrial process heat is hotter than data-centre heat: a weak edge at best.
    expect(edge(low, 'energy.heat.process')?.grade ?? 0).toBeLessThan(0.5);
    expect(edge(low, 'energy.steam')).toBeUndefined();
  });

  it('know the other classic symbioses of the issue', () => {
    expect(edge('material.wood.pallets', 'energy.wood-fuel')).toBeDefined();
    expect(edge('material.wood.pallets', 'material.wood.treated')).toBeDefined(); // panel makers
    expect(edge('material.construction.concrete', 'material.construction.aggregates')?.grade).toBeGreaterThanOrEqual(0.7);
    expect(edge('material.construction.rubble', 'material.construction.aggregates')).toBeDefined();
    expect(edge('material.textile.offcuts', 'material.construction.insulation')).toBeDefined();
    expect(edge('material.textile.offcuts', 'material.textile.fibres')).toBeDefined(); // stuffing
    expect(edge('water.treated-wastewater', 'water.cooling')).toBeDefined();
    expect(edge('water.treated-wastewater', 'water.process')).toBeDefined();
    expect(edge('material.weee.it-equipment', 'material.weee.refurbished-devices')).toBeDefined();
    expect(edge('material.oils.cooking', 'energy.biofuel')).toBeDefined();
    expect(edge('material.mineral.slag', 'material.mineral.cement-raw-materials')).toBeDefined();
  });

  it('never allows what the rules forbid, even through an edge between parents', () => {
    // Catering waste is banned from livestock feed (EU animal by-products regulation).
    expect(reaches('material.biowaste.food', 'material.animal-feed')).toBe(false);
    expect(reaches('material.biowaste', 'material.animal-feed')).toBe(false);
    // Class B wood may only burn in plants authorised for waste wood, not in biomass boilers.
    expect(reaches('material.wood.treated', 'energy.wood-fuel')).toBe(false);
    expect(reaches('material.wood.treated', 'energy.substitute-fuel')).toBe(true);
    // Hazardous mineral oil goes to regeneration first: energy recovery only as a weak edge.
    expect(edge('material.oils.mineral', 'energy.substitute-fuel')?.grade ?? 0).toBeLessThanOrEqual(0.3);
  });

  it('write each rationale as one English sentence', () => {
    const bad = edges.filter((e) => !/^[A-Z0-9].*[.]$/.test(e.rationale) || e.rationale.length > 240).map((e) => `${e.from} → ${e.to}`);
    expect(bad).toEqual([]);
  });
});

describe('validateCompatibilities', () => {
  const category = (code: string, parent: string | null): ResourceCategoryRecord => ({
    code, family: 'MATERIAL', parent, nameFr: code, nameEn: code, ewcCode: null, units: ['t/yr'], synonyms: [],
  });
  const categories = [
    category('material', null),
    category('material.wood', 'material'),
    category('material.wood.pallets', 'material.wood'),
    category('material.biowaste', 'material'),
    category('material.biowaste.compost', 'material.biowaste'),
  ];
  const sound = (): CategoryCompatibility => ({
    from: 'material.wood.pallets', to: 'material.biowaste.compost', grade: 0.4, rationale: 'Shredded pallets make a mulch.',
  });
  const problems = (...list: CategoryCompatibility[]) => validateCompatibilities(list, categories);

  it('finds nothing wrong in sound edges', () => {
    expect(problems(sound(), { ...sound(), from: 'material.biowaste.compost', to: 'material.wood' })).toEqual([]);
  });

  it('reports unknown categories on either end', () => {
    expect(problems({ ...sound(), from: 'material.timber' })).toEqual([
      'material.timber → material.biowaste.compost: unknown category "material.timber"',
    ]);
    expect(problems({ ...sound(), to: 'energy.heat' })).toEqual([
      'material.wood.pallets → energy.heat: unknown category "energy.heat"',
    ]);
  });

  it('reports a grade outside (0, 1]', () => {
    for (const grade of [0, -0.5, 1.2, Number.NaN, '0.5' as unknown as number]) {
      expect(problems({ ...sound(), grade })).toContainEqual(expect.stringMatching(/grade .* must be a number in \(0, 1\]/));
    }
    expect(problems({ ...sound(), grade: 1 })).toEqual([]);
  });

  it('reports an edge from a category to itself', () => {
    expect(problems({ ...sound(), to: 'material.wood.pallets' })).toEqual([
      'material.wood.pallets → material.wood.pallets: an edge from a category to itself is implicit, remove it',
    ]);
  });

  it('reports the same pair listed twice, but not the reverse pair', () => {
    expect(problems(sound(), { ...sound(), grade: 0.9 })).toEqual([
      'material.wood.pallets → material.biowaste.compost: duplicate pair',
    ]);
    expect(problems(sound(), { ...sound(), from: sound().to, to: sound().from })).toEqual([]);
  });

  it('reports a parent/child or ancestor pair in either direction, which is already implicit', () => {
    expect(problems({ ...sound(), from: 'material.wood', to: 'material.wood.pallets' })).toEqual([
      'material.wood → material.wood.pallets: "material.wood" is an ancestor of "material.wood.pallets", a match that is already implicit',
    ]);
    expect(problems({ ...sound(), from: 'material.wood.pallets', to: 'material' })).toContainEqual(
      expect.stringMatching(/"material" is an ancestor of "material\.wood\.pallets"/),
    );
  });

  it('reports an empty rationale', () => {
    expect(problems({ ...sound(), rationale: '  ' })).toEqual([
      'material.wood.pallets → material.biowaste.compost: empty rationale',
    ]);
    expect(problems({ ...sound(), rationale: undefined as unknown as string })).toHaveLength(1);
  });
});
