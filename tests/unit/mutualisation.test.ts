import {
  centroidOf, clusterPoints, compactClusters, defaultClusterDistanceKm, findMutualisations, kindRule, loadMutualisationRules, MUTUALISATION_KINDS, MutualisationFlow,
  mutualisationKind, poolingKeys, scoreGroup, summarizeVolumes,
} from '../../server/domain/synergy/mutualisation';
import { RESOURCE_FAMILIES } from '../../server/domain/model';
import { loadTaxonomy } from '../../server/domain/taxonomy/taxonomy';
import { destination, haversineKm } from '../support/haversine';

const taxonomy = loadTaxonomy();
const byCode = new Map(taxonomy.map((c) => [c.code, c]));
const rules = loadMutualisationRules();
const ORIGIN = { lat: 43.6, lon: 1.0 };
const CARDBOARD_COLLECTION = 'service.waste-collection.cardboard';

let nextId = 0;
/** A flow of actor `actorId` placed `km` from ORIGIN along `bearing`. */
function flow(actorId: string, bearing: number, km: number, overrides: Partial<MutualisationFlow> = {}): MutualisationFlow {
  nextId += 1;
  return {
    id: `f${String(nextId).padStart(3, '0')}`, actorId, actorKind: 'COMPANY', location: km === 0 ? ORIGIN : destination(ORIGIN, bearing, km),
    direction: 'NEED', categoryCode: CARDBOARD_COLLECTION, quantity: null, unit: null, confidentiality: 'PUBLIC', ...overrides,
  };
}

/** Four companies within about 1 km needing a cardboard collection, 38 t/yr in all. */
function cardboardPark(): MutualisationFlow[] {
  return [
    flow('A', 0, 0, { quantity: 12, unit: 't/yr' }),
    flow('B', 90, 0.5, { quantity: 10, unit: 't/yr' }),
    flow('C', 180, 0.6, { quantity: 6, unit: 't/yr' }),
    flow('D', 300, 0.7, { quantity: 10, unit: 't/yr' }),
  ];
}

describe('the defaults file seeds/reference/mutualisation.json', () => {
  it('gives every family a positive neighbour distance with its reason', () => {
    for (const family of RESOURCE_FAMILIES) {
      const entry = rules.clusterDistanceKm.families[family];
      expect(entry.km).toBeGreaterThan(0);
      expect(entry.km).toBeLessThanOrEqual(20);
      expect(entry.why.length).toBeGreaterThan(20);
    }
  });

  it('refers only to categories of the taxonomy and to known kinds, each with a reason', () => {
    const codes = [
      ...Object.keys(rules.clusterDistanceKm.categories), ...rules.kinds.map((k) => k.prefix),
      ...Object.keys(rules.poolUnderParent), ...Object.keys(rules.notes),
    ];
    expect(codes.filter((c) => !byCode.has(c))).toEqual([]);
    for (const rule of rules.kinds) {
      expect(MUTUALISATION_KINDS).toContain(rule.kind);
      expect([null, 'OFFER', 'NEED']).toContain(rule.direction);
      expect(rule.weight).toBeGreaterThan(0);
      expect(rule.weight).toBeLessThanOrEqual(1);
      expect(rule.why.length).toBeGreaterThan(10);
    }
    for (const entry of Object.values(rules.clusterDistanceKm.categories)) expect(entry.km).toBeGreaterThan(0);
  });

  it('pools under a parent only its own, non-hazardous children, each list with a reason', () => {
    for (const [parent, entry] of Object.entries(rules.poolUnderParent)) {
      expect(entry.why.length).toBeGreaterThan(20);
      for (const child of entry.children) {
        expect({ child, parent: byCode.get(child)?.parent }).toEqual({ child, parent });
        expect(byCode.get(child)!.ewcCode ?? '').not.toMatch(/\*$/);
      }
    }
  });

  it('has a positive reference volume for every unit the taxonomy counts in', () => {
    const units = new Set(taxonomy.flatMap((c) => c.units));
    for (const unit of units) expect(rules.referenceVolumes[unit]?.value).toBeGreaterThan(0);
  });
});

describe('rules by category', () => {
  it('takes the most specific neighbour distance on the category path, else the family one', () => {
    expect(defaultClusterDistanceKm(rules, CARDBOARD_COLLECTION, 'SERVICE')).toBe(1.5);
    expect(defaultClusterDistanceKm(rules, 'service.maintenance.cleaning', 'SERVICE')).toBe(2);
    expect(defaultClusterDistanceKm(rules, 'expertise.training', 'EXPERTISE')).toBe(3);
  });

  it.each([
    [CARDBOARD_COLLECTION, 'NEED', 'SHARED_COLLECTION'],
    [CARDBOARD_COLLECTION, 'OFFER', 'OTHER'],
    ['material.paper-cardboard.cardboard', 'OFFER', 'SHARED_COLLECTION'],
    ['material.paper-cardboard.cardboard', 'NEED', 'JOINT_PURCHASING'],
    ['energy.waste-heat.low-temperature', 'NEED', 'JOINT_PURCHASING'],
    ['equipment.vehicles.utility-van', 'NEED', 'SHARED_EQUIPMENT'],
    ['logistics.transport.shared-trips', 'OFFER', 'SHARED_LOGISTICS'],
    ['expertise.training', 'NEED', 'SHARED_SKILLS'],
    ['service.joint-purchasing', 'OFFER', 'JOINT_PURCHASING'],
    ['service.maintenance.cleaning', 'NEED', 'JOINT_PURCHASING'],
    ['service.maintenance.cleaning', 'OFFER', 'OTHER'],
  ] as const)('calls a group of %s (%s) %s', (code, direction, kind) => {
    expect(mutualisationKind(rules, code, direction)).toBe(kind);
  });

  it('ranks pools of providers below pools of users and of waste producers', () => {
    expect(kindRule(rules, 'expertise.training', 'OFFER').weight).toBeLessThan(1);
    expect(kindRule(rules, 'expertise.training', 'NEED').weight).toBe(1);
    expect(kindRule(rules, 'material.paper-cardboard.cardboard', 'OFFER').weight).toBe(1);
  });

  it('lets kinds of one resource collected together pool under their parent, and no others', () => {
    expect(poolingKeys('material.paper-cardboard.cardboard', byCode, rules)).toEqual(['material.paper-cardboard.cardboard', 'material.paper-cardboard']);
    expect(poolingKeys('material.biowaste.food', byCode, rules)).toEqual(['material.biowaste.food', 'material.biowaste']);
    expect(poolingKeys('material.biowaste.green', byCode, rules)).toEqual(['material.biowaste.green']);
    expect(poolingKeys('material.paper-cardboard', byCode, rules)).toEqual(['material.paper-cardboard']);
    expect(poolingKeys('material', byCode, rules)).toEqual(['material']);
    expect(poolingKeys('no.such.category', byCode, rules)).toEqual([]);
  });

  it('keeps hazardous waste and its collection to their own category', () => {
    expect(poolingKeys('material.oils.mineral', byCode, rules)).toEqual(['material.oils.mineral']);
    expect(poolingKeys('service.waste-collection.hazardous', byCode, rules)).toEqual(['service.waste-collection.hazardous']);
    expect(poolingKeys('material.oils.cooking', byCode, rules)).toEqual(['material.oils.cooking']);
  });
});

describe('clusterPoints (DBSCAN)', () => {
  const at = (id: string, bearing: number, km: number) => ({ id, location: km === 0 ? ORIGIN : destination(ORIGIN, bearing, km) });

  it('groups points that have two neighbours within the distance and leaves far points out', () => {
    const clusters = clusterPoints([at('a', 0, 0), at('b', 90, 0.5), at('c', 180, 0.6), at('far', 0, 10)], 1.5);
    expect(clusters).toEqual([['a', 'b', 'c']]);
  });

  it('does not make a cluster of two points', () => {
    expect(clusterPoints([at('a', 0, 0), at('b', 90, 0.3)], 1.5)).toEqual([]);
  });

  it('finds separate clusters and chains through neighbours', () => {
    const chain = [at('a', 90, 0), at('b', 90, 1), at('c', 90, 2), at('d', 90, 3)];
    const other = [at('x', 0, 20), at('y', 0, 20.4), at('z', 0, 20.8)];
    const clusters = clusterPoints([...chain, ...other], 1.2);
    expect(clusters).toHaveLength(2);
    expect(clusters[0]).toEqual(['a', 'b', 'c', 'd']);
    expect(clusters[1]).toHaveLength(3);
  });

  it('splits a chain wider than the radius limit into compact groups', () => {
    const west = [0, 0.3, 0.6, 0.9].map((km, i) => at(`w${i}`, 90, km));
    const east = [3.6, 3.9, 4.2].map((km, i) => at(`e${i}`, 90, km));
    const bridge = [1.8, 2.7].map((km, i) => at(`b${i}`, 90, km));
    const points = [...west, ...bridge, ...east];
    expect(clusterPoints(points, 1)).toHaveLength(1);
    const compact = compactClusters(points, 1, 1.5);
    expect(compact.map((c) => c.ids)).toEqual([['w0', 'w1', 'w2', 'w3'], ['e0', 'e1', 'e2']]);
    expect(compact[0].distanceKm).toBeLessThan(1);
  });

  it('refuses a non-positive distance', () => {
    expect(() => clusterPoints([], 0)).toThrow(RangeError);
  });
});

describe('centroid, volumes and score', () => {
  it('puts the centroid at the mean position', () => {
    expect(centroidOf([{ lat: 43, lon: 1 }, { lat: 44, lon: 2 }])).toEqual({ lat: 43.5, lon: 1.5 });
  });

  it('sums comparable units after normalising them and refuses to add different ones', () => {
    const sameUnit = summarizeVolumes([{ flows: [flow('A', 0, 0, { quantity: 12, unit: 't/yr' })] }, { flows: [flow('B', 0, 0, { quantity: 500, unit: 'kg/month' })] }], () => true);
    expect(sameUnit.total).toBeCloseTo(18);
    expect(sameUnit.unit).toBe('t/yr');
    const mixed = summarizeVolumes([{ flows: [flow('A', 0, 0, { quantity: 12, unit: 't/yr' })] }, { flows: [flow('B', 0, 0, { quantity: 26, unit: 'trips/yr' })] }], () => true);
    expect(mixed.total).toBeNull();
    expect(mixed.byUnit).toEqual([{ unit: 't/yr', value: 12 }, { unit: 'trips/yr', value: 26 }]);
  });

  it('scores higher with more members, tighter groups and bigger volumes, within 0..1', () => {
    const base = scoreGroup(4, 0.5, 1.5, { total: 20, unit: 't/yr' }, false, rules);
    expect(scoreGroup(6, 0.5, 1.5, { total: 20, unit: 't/yr' }, false, rules).score).toBeGreaterThan(base.score);
    expect(scoreGroup(4, 0.2, 1.5, { total: 20, unit: 't/yr' }, false, rules).score).toBeGreaterThan(base.score);
    expect(scoreGroup(4, 0.5, 1.5, { total: 80, unit: 't/yr' }, false, rules).score).toBeGreaterThan(base.score);
    expect(scoreGroup(4, 0.5, 1.5, { total: null, unit: null }, false, rules).score).toBeLessThan(base.score);
    expect(scoreGroup(4, 0.5, 1.5, { total: 20, unit: 't/yr' }, true, rules).score).toBeLessThan(base.score);
    expect(base.factors).toEqual({ size: 0.5, tightness: 0.75, volume: 0.5, homogeneity: 1, weight: 1 });
    expect(scoreGroup(4, 0.5, 1.5, { total: 20, unit: 't/yr' }, false, rules, 0.85).score).toBeCloseTo(0.85 * base.score, 2);
    const best = scoreGroup(100, 0, 1.5, { total: 1e9, unit: 't/yr' }, false, rules);
    expect(best.score).toBeLessThanOrEqual(1);
    expect(best.score).toBeGreaterThan(0.99);
  });
});

describe('findMutualisations', () => {
  it('finds four companies close together needing a cardboard collection, with centroid, total and French reasons', () => {
    const park = cardboardPark();
    const far = flow('FAR', 45, 10, { quantity: 50, unit: 't/yr' });
    const groups = findMutualisations([...park, far], taxonomy);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group.kind).toBe('SHARED_COLLECTION');
    expect(group.direction).toBe('NEED');
    expect(group.categoryCode).toBe(CARDBOARD_COLLECTION);
    expect(group.members.map((m) => m.actorId).sort()).toEqual(['A', 'B', 'C', 'D']);
    const centroid = centroidOf(park.map((f) => f.location));
    expect(group.centroid.lat).toBeCloseTo(centroid.lat, 10);
    expect(group.centroid.lon).toBeCloseTo(centroid.lon, 10);
    for (const member of group.members) expect(member.distanceToCentroidKm).toBeCloseTo(haversineKm(centroid, member.location), 3);
    expect(group.members.map((m) => m.distanceToCentroidKm)).toEqual([...group.members.map((m) => m.distanceToCentroidKm)].sort((a, b) => a - b));
    expect(group.extentKm).toBeCloseTo(Math.max(...group.members.map((m) => m.distanceToCentroidKm)), 10);
    expect(group.totalQuantity).toBeCloseTo(38);
    expect(group.unit).toBe('t/yr');
    expect(group.clusterDistanceKm).toBe(1.5);
    expect(group.hiddenFlowIds).toEqual([]);
    const span = Math.ceil(group.spanKm * 10) / 10;
    expect(group.reasons).toEqual([
      `4 entreprises à moins de ${String(span).replace('.', ',')} km les unes des autres ont besoin de « Collecte des papiers et cartons »`,
      'Piste : collecte mutualisée (un prestataire, une tournée commune)',
      'Volume cumulé : 38 t/an',
      `Rayon du groupe : ${(Math.round(group.extentKm * 10) / 10).toString().replace('.', ',')} km`,
      'Distance de regroupement : 1,5 km au plus entre membres voisins',
    ]);
    expect(group.score).toBeGreaterThan(0.5);
    expect(group.score).toBeLessThanOrEqual(1);
  });

  it('does not group two actors alone, nor join a different category', () => {
    const pair = [flow('A', 0, 0), flow('B', 90, 0.3)];
    const training = flow('T', 180, 0.2, { categoryCode: 'expertise.training' });
    expect(findMutualisations([...pair, training], taxonomy)).toEqual([]);
    const groups = findMutualisations([...cardboardPark(), training], taxonomy);
    expect(groups).toHaveLength(1);
    expect(groups[0].members.map((m) => m.actorId)).not.toContain('T');
  });

  it('keeps needs and offers apart', () => {
    const offers = [flow('X', 10, 0.1, { direction: 'OFFER' }), flow('Y', 20, 0.2, { direction: 'OFFER' })];
    const groups = findMutualisations([flow('A', 0, 0), flow('B', 90, 0.5), ...offers], taxonomy);
    expect(groups).toEqual([]);
  });

  it('counts an actor once, with all its flows of the resource', () => {
    const twice = flow('A', 0, 0, { categoryCode: 'material.paper-cardboard.paper', direction: 'OFFER', quantity: 1, unit: 't/yr' });
    const flows = [
      flow('A', 0, 0, { categoryCode: 'material.paper-cardboard.cardboard', direction: 'OFFER', quantity: 4, unit: 't/yr' }), twice,
      flow('B', 90, 0.4, { categoryCode: 'material.paper-cardboard.cardboard', direction: 'OFFER', quantity: 3, unit: 't/yr' }),
      flow('C', 200, 0.4, { categoryCode: 'material.paper-cardboard.paper', direction: 'OFFER', quantity: 2, unit: 't/yr' }),
    ];
    const [group, ...rest] = findMutualisations(flows, taxonomy);
    expect(rest).toEqual([]);
    expect(group.categoryCode).toBe('material.paper-cardboard');
    expect(group.kind).toBe('SHARED_COLLECTION');
    expect(group.members).toHaveLength(3);
    expect(group.members.find((m) => m.actorId === 'A')!.flows).toHaveLength(2);
    expect(group.totalQuantity).toBeCloseTo(10);
    expect(group.factors.homogeneity).toBe(0.85);
    expect(group.reasons[0]).toMatch(/^3 entreprises à moins de .* km les unes des autres disposent de « Papiers et cartons »$/);
    expect(group.reasons[1]).toBe("Catégories voisines regroupées : Cartons d'emballage (2), Papiers (bureau, imprimerie) (2)");
  });

  it('reports the narrower group alone when the parent gathers the same flows, and both when the parent adds members', () => {
    const same = findMutualisations(cardboardPark(), taxonomy);
    expect(same.map((g) => g.categoryCode)).toEqual([CARDBOARD_COLLECTION]);
    const biowaste = flow('E', 45, 0.4, { categoryCode: 'service.waste-collection.biowaste', quantity: 3, unit: 't/yr' });
    const both = findMutualisations([...cardboardPark(), biowaste], taxonomy);
    expect(both.map((g) => g.categoryCode).sort()).toEqual(['service.waste-collection', CARDBOARD_COLLECTION]);
    const parent = both.find((g) => g.categoryCode === 'service.waste-collection')!;
    expect(parent.members).toHaveLength(5);
    expect(parent.kind).toBe('SHARED_COLLECTION');
  });

  it('never pools hazardous mineral oils with cooking oils', () => {
    const flows = [
      flow('A', 0, 0, { categoryCode: 'material.oils.mineral', direction: 'OFFER' }),
      flow('B', 90, 0.3, { categoryCode: 'material.oils.cooking', direction: 'OFFER' }),
      flow('C', 180, 0.3, { categoryCode: 'material.oils.cooking', direction: 'OFFER' }),
    ];
    expect(findMutualisations(flows, taxonomy)).toEqual([]);
    const hazardous = findMutualisations([...flows, ...['D', 'E'].map((id, i) => flow(id, 10 + 90 * i, 0.2, { categoryCode: 'material.oils.mineral', direction: 'OFFER' }))], taxonomy);
    expect(hazardous).toHaveLength(1);
    expect(hazardous[0].reasons).toContain('Déchets dangereux : collecteur agréé et bordereau de suivi (Trackdéchets) obligatoires');
  });

  it('says when volumes cannot be added and leaves the total empty', () => {
    const flows = [
      flow('A', 0, 0, { quantity: 12, unit: 't/yr' }), flow('B', 90, 0.5, { quantity: 26, unit: 'trips/yr' }), flow('C', 180, 0.5),
    ];
    const [group] = findMutualisations(flows, taxonomy);
    expect(group.totalQuantity).toBeNull();
    expect(group.unit).toBeNull();
    expect(group.reasons).toContain('Volumes non additionnables (unités différentes) : 12 t/an et 26 trajets/an (quantité non précisée pour 1 membre)');
    expect(group.factors.volume).toBe(0.3);
  });

  it('counts confidential flows as members but leaves their figures out of totals and reasons', () => {
    const flows = cardboardPark();
    flows[3] = { ...flows[3], quantity: 777, confidentiality: 'PRIVATE' };
    const isVisible = (f: MutualisationFlow) => f.confidentiality === 'PUBLIC';
    const [hidden] = findMutualisations(flows, taxonomy, { isVisible });
    expect(hidden.members).toHaveLength(4);
    expect(hidden.hiddenFlowIds).toEqual([flows[3].id]);
    expect(hidden.totalQuantity).toBeCloseTo(28);
    expect(hidden.reasons).toContain('Volume cumulé connu : 28 t/an (hors volumes confidentiels de 1 membre)');
    expect(hidden.reasons.join('\n')).not.toMatch(/777|805/);
    const [seen] = findMutualisations(flows, taxonomy);
    expect(seen.totalQuantity).toBeCloseTo(805);
  });

  it('honours minMembers, minScore, actorId and a distance override', () => {
    const flows = [...cardboardPark(), flow('S', 0, 4), flow('T', 0, 4.1), flow('U', 0, 6)];
    expect(findMutualisations(flows, taxonomy).map((g) => g.members.length)).toEqual([4]);
    expect(findMutualisations(flows, taxonomy, { minMembers: 5 })).toEqual([]);
    expect(findMutualisations(flows, taxonomy, { actorId: 'S' })).toEqual([]);
    const wide = findMutualisations(flows, taxonomy, { clusterDistanceKm: 4 });
    expect(wide.map((g) => g.members.length)).toEqual([7]);
    expect(wide[0].clusterDistanceKm).toBe(4);
    expect(findMutualisations(flows, taxonomy, { actorId: 'S', clusterDistanceKm: 4 })).toHaveLength(1);
    const score = findMutualisations(flows, taxonomy)[0].score;
    expect(findMutualisations(flows, taxonomy, { minScore: score + 0.001 })).toEqual([]);
    expect(() => findMutualisations(flows, taxonomy, { minMembers: 2 })).toThrow(RangeError);
  });

  it('ranks the bigger, tighter group first and names mixed actors generically', () => {
    // Three actors in a line 1.2 km apart, 30 km north: a looser group of three.
    const start = destination(ORIGIN, 0, 30);
    const loose = [0, 1.2, 2.4].map((km, i) => ({
      ...flow(`L${i}`, 0, 0), location: destination(start, 90, km), actorKind: i === 0 ? ('LOCAL_AUTHORITY' as const) : ('COMPANY' as const),
    }));
    const groups = findMutualisations([...cardboardPark(), ...loose], taxonomy);
    expect(groups.map((g) => g.members.length)).toEqual([4, 3]);
    expect(groups[1].score).toBeLessThan(groups[0].score);
    expect(groups[1].reasons[0]).toBe('3 acteurs à moins de 2,4 km les uns des autres ont besoin de « Collecte des papiers et cartons »');
  });
});
