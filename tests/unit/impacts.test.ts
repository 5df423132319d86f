import factorsFile from '../../seeds/reference/emission-factors.json';
import { distanceKm } from '../../server/domain/geo/geo';
import { RESOURCE_FAMILIES } from '../../server/domain/model';
import { estimateImpacts, ImpactFlow, loadEmissionFactors, modelFor, sumImpacts } from '../../server/domain/synergy/impacts';
import { loadTaxonomy } from '../../server/domain/taxonomy/taxonomy';

const table = loadEmissionFactors();
const factor = (key: string) => table.factors[key].value;
const HERE = { lat: 44.5, lon: 3.3 };
const THERE = { lat: 44.59, lon: 3.3 }; // about 10 km north

function flow(overrides: Partial<ImpactFlow>): ImpactFlow {
  return { direction: 'OFFER', quantity: null, unit: null, categoryCode: 'material.wood.pallets', family: 'MATERIAL', location: HERE, ...overrides };
}

function substitution(offer: Partial<ImpactFlow>, need: Partial<ImpactFlow>) {
  return estimateImpacts({ kind: 'SUBSTITUTION', flows: [flow({ ...offer, direction: 'OFFER' }), flow({ location: THERE, ...need, direction: 'NEED' })] });
}

describe('the emission-factor file', () => {
  it('gives each factor a value, a unit, a precision, a short citation, a source and a year', () => {
    for (const [key, f] of Object.entries(table.factors)) {
      expect([key, typeof f.value]).toEqual([key, 'number']);
      expect(['tCO2e/MWh', 'tCO2e/t', 'tCO2e/t.km']).toContain(f.unit);
      expect(['published', 'order-of-magnitude']).toContain(f.precision);
      expect(f.cite.length).toBeGreaterThan(3);
      expect(f.source.length).toBeGreaterThan(30);
      expect(f.year).toBeDefined();
      expect(f.labelFr.length).toBeGreaterThan(3);
      if (f.range) expect(f.range[0] <= f.value && f.value <= f.range[1]).toBe(true);
    }
  });

  it('holds the ADEME natural-gas factor, 0.227 kgCO2e/kWh PCI, as a published value', () => {
    expect(table.factors['natural-gas-heat']).toMatchObject({ value: 0.227, unit: 'tCO2e/MWh', precision: 'published' });
  });

  it('calls the landfill, incineration and road-freight figures orders of magnitude', () => {
    for (const key of ['landfill-household-type-waste', 'incineration-household-type-waste', 'road-freight']) {
      expect(table.factors[key].precision).toBe('order-of-magnitude');
    }
    expect(factor('road-freight')).toBeCloseTo(0.1 / 1000, 10);
  });

  it('refers only to factors it defines and to families or categories of the taxonomy', () => {
    const codes = new Set<string>([...loadTaxonomy().map((c) => c.code), ...RESOURCE_FAMILIES]);
    expect(table.factors[table.roadFreightFactor]).toBeDefined();
    for (const [key, model] of Object.entries(table.categories)) {
      expect([key, codes.has(key)]).toEqual([key, true]);
      for (const ref of [model.replaces, model.disposal]) if (ref) expect([key, table.factors[ref] !== undefined]).toEqual([key, true]);
      expect([key, typeof model.why]).toEqual([key, 'string']);
    }
    expect(Object.keys(factorsFile.factors)).toEqual(Object.keys(table.factors));
  });
});

describe('modelFor', () => {
  it('overrides the family field by field down the code path', () => {
    expect(modelFor(table, 'material.wood.pallets', 'MATERIAL')).toMatchObject({
      diverted: true, disposal: 'landfill-household-type-waste', transport: 'road', payloadT: 10, unitMassT: 0.025,
    });
    expect(modelFor(table, 'material.construction.rubble', 'MATERIAL')).toMatchObject({ disposal: 'inert-landfill', payloadT: 20 });
    expect(modelFor(table, 'energy.electricity', 'ENERGY')).toMatchObject({ replaces: 'electricity-fr-mix', transport: 'grid' });
  });
});

describe('estimateImpacts of a substitution', () => {
  it('counts 100 t/yr of wood pallets as diverted from landfill, less the trucks', () => {
    const impacts = substitution({ quantity: 100, unit: 't/yr' }, { quantity: 150, unit: 't/yr' });
    const km = distanceKm(HERE, THERE);
    expect(impacts.tonnesDiverted).toBe(100);
    expect(impacts.mwhRecovered).toBe(0);
    expect(impacts.transportKm).toBeCloseTo(km * 10, 6);
    expect(impacts.tco2eAvoided).toBeCloseTo(100 * factor('landfill-household-type-waste') - 100 * km * factor('road-freight'), 6);
    expect(impacts.assumptions).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Quantité échangée : 100 t\/an, le plus petit de l'offre \(100\) et du besoin \(150\)$/),
      expect.stringContaining('stockage en installation de déchets non dangereux'),
      expect.stringContaining('ordre de grandeur'),
      expect.stringMatching(/^Transport routier : 10(,\d+)? km à vol d'oiseau × 10 trajet\(s\)/),
      expect.stringMatching(/^Émissions du transport déduites : .* à 0,1 kgCO2e\/t\.km \(ordre de grandeur/),
      'Production évitée de matière neuve non comptée : estimation basse',
    ]));
  });

  it('counts 500 MWh/yr of recovered heat as replacing gas heat, with no truck', () => {
    const heat = { categoryCode: 'energy.waste-heat.low-temperature', family: 'ENERGY' as const };
    const impacts = substitution({ ...heat, quantity: 500, unit: 'MWh/yr' }, { ...heat, quantity: 800, unit: 'MWh/yr' });
    expect(impacts).toMatchObject({ tonnesDiverted: 0, mwhRecovered: 500, transportKm: 0 });
    expect(impacts.tco2eAvoided).toBeCloseTo(500 * 0.227, 9);
    expect(impacts.assumptions.join('\n')).toMatch(/chaleur au gaz naturel : 0,227 tCO2e\/MWh \(valeur publiée ; ADEME Base Carbone, 2015\)/);
    expect(impacts.assumptions.join('\n')).toContain('pas de transport routier');
  });

  it('exchanges the smaller of offer and need, after converting both to yearly amounts', () => {
    const heat = { categoryCode: 'energy.heat', family: 'ENERGY' as const };
    expect(substitution({ ...heat, quantity: 50, unit: 'MWh/month' }, { ...heat, quantity: 400, unit: 'MWh/yr' }).mwhRecovered).toBe(400);
    expect(substitution({ ...heat, quantity: 1000, unit: 'kWh/day' }, { ...heat, quantity: 400, unit: 'MWh/yr' }).mwhRecovered).toBeCloseTo(365, 9);
  });

  it('turns pallets counted in units into tonnes at 25 kg each', () => {
    const impacts = substitution({ quantity: 4000, unit: 'units/yr' }, { quantity: 5000, unit: 'units/yr' });
    expect(impacts.tonnesDiverted).toBeCloseTo(100, 9);
    expect(impacts.assumptions).toContain('Conversion en masse : 4 000 unités/an × 25 kg = 100 t/an');
  });

  it('counts the whole offer when the need gives no quantity, and says so', () => {
    const impacts = substitution({ quantity: 30, unit: 't/yr' }, {});
    expect(impacts.tonnesDiverted).toBe(30);
    expect(impacts.assumptions[0]).toBe("Quantité du besoin inconnue : toute l'offre est comptée, 30 t/an");
  });

  it('counts the offer when offer and need are in units that do not compare', () => {
    const impacts = substitution({ quantity: 30, unit: 't/yr' }, { quantity: 2, unit: 'm3/yr' });
    expect(impacts.tonnesDiverted).toBe(30);
    expect(impacts.assumptions[0]).toContain('non comparables');
  });

  it('counts inert rubble as diverted but avoiding no landfill emissions', () => {
    const rubble = { categoryCode: 'material.construction.rubble' };
    const impacts = substitution({ ...rubble, quantity: 200, unit: 't/yr' }, { ...rubble, quantity: 200, unit: 't/yr' });
    expect(impacts.tonnesDiverted).toBe(200);
    expect(impacts.tco2eAvoided).toBeLessThan(0);
    expect(impacts.transportKm).toBeCloseTo(distanceKm(HERE, THERE) * 10, 6);
  });

  it('estimates nothing, with the reason, without a usable quantity or category', () => {
    const none = substitution({}, {});
    expect(none).toMatchObject({ tonnesDiverted: 0, mwhRecovered: 0, tco2eAvoided: 0, transportKm: 0 });
    expect(none.assumptions.join('\n')).toContain('Aucune quantité annuelle exploitable');
    const uncategorised = substitution({ categoryCode: null, family: null, quantity: 5, unit: 't/yr' }, { categoryCode: null, family: null });
    expect(uncategorised.tonnesDiverted).toBe(0);
    expect(uncategorised.assumptions[0]).toContain('sans catégorie');
    const power = substitution({ categoryCode: 'energy.heat', family: 'ENERGY', quantity: 200, unit: 'kW' }, { categoryCode: 'energy.heat', family: 'ENERGY' });
    expect(power.mwhRecovered).toBe(0);
    expect(power.assumptions.join('\n')).toContain("pas d'indicateur d'impact pour cette unité");
  });

  it('estimates nothing for a substitution that lost one of its flows', () => {
    const impacts = estimateImpacts({ kind: 'SUBSTITUTION', flows: [flow({ quantity: 5, unit: 't/yr' })] });
    expect(impacts.tonnesDiverted).toBe(0);
    expect(impacts.assumptions[0]).toContain("n'existe plus");
  });
});

describe('estimateImpacts of a mutualisation', () => {
  it('estimates no exchange between members and says why', () => {
    const impacts = estimateImpacts({ kind: 'MUTUALISATION', flows: [flow({ quantity: 5, unit: 't/yr' }), flow({}), flow({})] });
    expect(impacts).toMatchObject({ tonnesDiverted: 0, mwhRecovered: 0, tco2eAvoided: 0, transportKm: 0 });
    expect(impacts.assumptions[0]).toMatch(/^Mutualisation/);
  });
});

describe('sumImpacts', () => {
  it('adds up each figure and counts the synergies', () => {
    const a = { tonnesDiverted: 1, mwhRecovered: 2, tco2eAvoided: 3, transportKm: 4, assumptions: [] };
    const b = { tonnesDiverted: 10, mwhRecovered: 20, tco2eAvoided: -30, transportKm: 40, assumptions: [] };
    expect(sumImpacts([a, b])).toEqual({ synergyCount: 2, tonnesDiverted: 11, mwhRecovered: 22, tco2eAvoided: -27, transportKm: 44 });
    expect(sumImpacts([])).toEqual({ synergyCount: 0, tonnesDiverted: 0, mwhRecovered: 0, tco2eAvoided: 0, transportKm: 0 });
  });
});
