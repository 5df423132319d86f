import { CandidatePair, rankSubstitutions, reasonsFor, scoreSubstitution, SynergyFlow } from '../../server/domain/synergy/substitution';
import { loadTransportLimits, maxDistanceKm } from '../../server/domain/synergy/transport';
import { normalizeQuantity } from '../../server/domain/synergy/units';

function flow(overrides: Partial<SynergyFlow>): SynergyFlow {
  return {
    id: 'f', actorId: 'a', location: { lat: 48.8, lon: 2.4 }, categoryCode: 'material.wood.pallets', categoryName: 'Palettes',
    family: 'MATERIAL', ewcCode: null, quantity: null, unit: null, temperatureC: null, availableMonths: [], confidentiality: 'PUBLIC', ...overrides,
  };
}

function pair(offer: Partial<SynergyFlow>, need: Partial<SynergyFlow>, extra: Partial<CandidatePair> = {}): CandidatePair {
  return {
    offer: flow({ id: 'o', actorId: 'A', ...offer }),
    need: flow({ id: 'n', actorId: 'B', location: { lat: 48.81, lon: 2.4 }, ...need }),
    relation: { kind: 'SAME' },
    maxKm: 50,
    ...extra,
  };
}

describe('scoreSubstitution', () => {
  it('scores a close, same-category, all-year pair near the top', () => {
    const scored = scoreSubstitution(pair({ quantity: 10, unit: 't/yr' }, { quantity: 10, unit: 't/yr' }))!;
    expect(scored.score).toBeGreaterThan(0.9);
    expect(scored.score).toBeLessThanOrEqual(1);
  });

  it('lowers the score as the distance grows and excludes pairs beyond the limit', () => {
    const near = scoreSubstitution(pair({}, {}, { maxKm: 5 }))!;
    const farther = scoreSubstitution(pair({}, { location: { lat: 48.83, lon: 2.4 } }, { maxKm: 5 }))!;
    expect(farther.score).toBeLessThan(near.score);
    expect(scoreSubstitution(pair({}, { location: { lat: 48.9, lon: 2.4 } }, { maxKm: 5 }))).toBeNull();
  });

  it('excludes heat too cold for a heat pump and a pair with no common month', () => {
    const heat = { family: 'ENERGY' as const, categoryCode: 'energy.waste-heat', categoryName: 'Chaleur' };
    expect(scoreSubstitution(pair({ ...heat, temperatureC: 30 }, { ...heat, temperatureC: 75 }))).toBeNull();
    expect(scoreSubstitution(pair({ ...heat, temperatureC: 40 }, { ...heat, temperatureC: 75 }))).not.toBeNull();
    expect(scoreSubstitution(pair({ availableMonths: [6, 7] }, { availableMonths: [12, 1] }))).toBeNull();
  });

  it('says when quantities cannot be compared and compares converted units', () => {
    const mixed = scoreSubstitution(pair({ quantity: 3, unit: 't/yr' }, { quantity: 8, unit: 'm3/yr' }))!;
    expect(mixed.explanations.map((e) => e.text)).toContain('Quantités non comparables (t/an et m³/an)');
    const converted = scoreSubstitution(pair({ quantity: 500, unit: 'kg/month' }, { quantity: 12, unit: 't/yr' }))!;
    expect(converted.explanations.map((e) => e.text)).toContain("L'offre couvre 50 % du besoin (6 t/an pour un besoin de 12 t/an)");
  });

  it('grades a documented outlet by its edge and keeps the best relation of a pair', () => {
    const viaEdge = pair({}, {}, { relation: { kind: 'COMPATIBLE', grade: 0.5 } });
    const same = pair({}, {});
    expect(scoreSubstitution(viaEdge)!.factors.category).toBe(0.5);
    const ranked = rankSubstitutions([viaEdge, same]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0].factors.category).toBe(1);
  });
});

describe('reasonsFor', () => {
  it('hides the figures of a confidential flow but keeps category and distance', () => {
    const scored = scoreSubstitution(pair({ quantity: 480, unit: 't/yr', availableMonths: [1, 2] }, { quantity: 90, unit: 't/yr' }))!;
    const hidden = reasonsFor(scored, true);
    expect(hidden.join('\n')).not.toMatch(/480|janv/);
    expect(hidden[0]).toMatch(/^Même ressource/);
    expect(hidden[1]).toMatch(/^À /);
    expect(reasonsFor(scored, false).join('\n')).toMatch(/480/);
  });
});

describe('units and transport limits', () => {
  it('normalises amounts and periods to yearly base units', () => {
    expect(normalizeQuantity(500, 'kWh/month')).toEqual({ value: 6, unit: 'MWh/yr' });
    expect(normalizeQuantity(2, 't/an')).toEqual({ value: 2, unit: 't/yr' });
    expect(normalizeQuantity(5, 'm2')).toEqual({ value: 5, unit: 'm2' });
    expect(normalizeQuantity(5, 'barrels/yr')).toBeNull();
  });

  it('takes the most specific documented distance limit', () => {
    const limits = loadTransportLimits();
    expect(maxDistanceKm(limits, 'energy.steam', 'ENERGY')).toBe(2);
    expect(maxDistanceKm(limits, 'energy.waste-heat.low-temperature', 'ENERGY')).toBe(5);
    expect(maxDistanceKm(limits, 'material.biowaste.coffee-grounds', 'MATERIAL')).toBe(30);
    expect(maxDistanceKm(limits, 'material.wood.pallets', 'MATERIAL')).toBe(50);
  });
});

describe('economics and regulation', () => {
  it('estimates yearly euros for reused pallets: exchanged quantity, transport, savings and net gain', () => {
    const scored = scoreSubstitution(pair({ quantity: 2000, unit: 'units/yr' }, { quantity: 3000, unit: 'units/yr' }))!;
    const e = scored.economics!;
    expect(e.quantity).toBe(2000);
    expect(e.unit).toBe('units');
    expect(e.avoidedPurchaseCost).toEqual({ min: 8000, max: 24000 });
    expect(e.netGain.min).toBeLessThan(e.netGain.max);
    expect(e.netGain.min).toBeGreaterThan(0);
    expect(scored.explanations.find((x) => x.factor === 'economics')!.text).toMatch(/^Gain net estimé : .+ à .+ €\/an \(transport/);
  });

  it('falls back to a broader price entry counted in the flows’ unit', () => {
    const scored = scoreSubstitution(pair({ quantity: 20, unit: 't/yr' }, { quantity: 30, unit: 't/yr' }))!;
    expect(scored.economics!.unit).toBe('t');
  });

  it('gives no estimate for quantities in other units or resources without a price model', () => {
    expect(scoreSubstitution(pair({ quantity: 20, unit: 't/yr' }, { quantity: 30, unit: 'm3/yr' }))!.economics).toBeNull();
    const skills = { family: 'EXPERTISE' as const, categoryCode: 'expertise.training', categoryName: 'Formation' };
    expect(scoreSubstitution(pair({ ...skills, quantity: 10, unit: 'h/yr' }, { ...skills, quantity: 10, unit: 'h/yr' }))!.economics).toBeNull();
  });

  it('ranks lower a lead that loses money even in the best case', () => {
    const heat = { family: 'ENERGY' as const, categoryCode: 'energy.waste-heat', categoryName: 'Chaleur', temperatureC: 50 };
    const small = scoreSubstitution(pair({ ...heat, quantity: 5, unit: 'MWh/yr' }, { ...heat, quantity: 5, unit: 'MWh/yr' }, { maxKm: 5 }))!;
    const large = scoreSubstitution(pair({ ...heat, quantity: 5000, unit: 'MWh/yr' }, { ...heat, quantity: 5000, unit: 'MWh/yr' }, { maxKm: 5 }))!;
    expect(small.economics!.netGain.max).toBeLessThan(0);
    expect(small.explanations.map((x) => x.text).join('\n')).toContain('Pas de gain économique attendu');
    expect(small.score).toBeLessThan(large.score);
  });

  it('warns that hazardous waste needs an authorised receiver, without excluding the lead', () => {
    const solvent = { categoryCode: 'material.solvents', categoryName: 'Solvants', ewcCode: '14 06 03*' };
    const scored = scoreSubstitution(pair(solvent, solvent))!;
    expect(scored.explanations.map((x) => x.text)).toContain(
      'Déchet dangereux (code 14 06 03*) : le receveur doit être une installation autorisée à le traiter, avec bordereau de suivi',
    );
  });
});
