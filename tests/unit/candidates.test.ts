import fc from 'fast-check';
import { bestSubstitutions } from '../../server/domain/synergy/candidates';
import { buildRelationTable } from '../../server/domain/synergy/category-relations';
import { CandidatePair, rankSubstitutions, SynergyFlow } from '../../server/domain/synergy/substitution';

const CATEGORIES = [
  { code: 'material', parent: null },
  { code: 'material.wood', parent: 'material' },
  { code: 'material.wood.pallets', parent: 'material.wood' },
  { code: 'material.biowaste', parent: 'material' },
  { code: 'material.biowaste.coffee-grounds', parent: 'material.biowaste' },
  { code: 'material.compost', parent: 'material' },
];
const EDGES = [{ from: 'material.biowaste', to: 'material.compost', grade: 0.6 }];
const RELATIONS = buildRelationTable(CATEGORIES, EDGES);
const MAX_KM = 8;

const flowArb = (direction: 'o' | 'n') =>
  fc.record({
    actor: fc.integer({ min: 0, max: 6 }),
    category: fc.constantFrom(...CATEGORIES.slice(1).map((c) => c.code)),
    lat: fc.double({ min: 48.7, max: 48.8, noNaN: true }),
    lon: fc.double({ min: 2.3, max: 2.45, noNaN: true }),
    quantity: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
    months: fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  }).map((r): SynergyFlow => ({
    id: '', actorId: `actor-${r.actor}`, location: { lat: r.lat, lon: r.lon }, categoryCode: r.category, categoryName: r.category,
    family: 'MATERIAL', ewcCode: null, quantity: r.quantity, unit: r.quantity === null ? null : 't/yr', temperatureC: null,
    availableMonths: r.months, confidentiality: 'PUBLIC',
  })).map((f) => ({ ...f, id: `${direction}-${Math.random().toString(36).slice(2)}` }));

/** Every pair the relation table allows, scored and ranked the slow way. */
function bruteForce(offers: SynergyFlow[], needs: SynergyFlow[], limit: number, minScore: number, involves: string | null) {
  const pairs: CandidatePair[] = [];
  for (const offer of offers) {
    for (const { code, relation } of RELATIONS.get(offer.categoryCode) ?? []) {
      for (const need of needs) {
        if (need.categoryCode !== code) continue;
        if (involves && offer.actorId !== involves && need.actorId !== involves) continue;
        pairs.push({ offer, need, relation, maxKm: MAX_KM });
      }
    }
  }
  return rankSubstitutions(pairs, minScore, limit);
}

describe('bestSubstitutions', () => {
  it('returns exactly the leads that scoring every pair would rank first', () => {
    fc.assert(
      fc.property(
        fc.array(flowArb('o'), { maxLength: 25 }),
        fc.array(flowArb('n'), { maxLength: 25 }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom(0, 0.5, 0.8),
        fc.constantFrom(null, 'actor-1'),
        (offers, needs, limit, minScore, involves) => {
          const fast = bestSubstitutions(offers, needs, RELATIONS, () => MAX_KM, { minScore, limit, involves });
          const slow = bruteForce(offers, needs, limit, minScore, involves);
          expect(fast.map((s) => [s.offer.id, s.need.id, s.score])).toEqual(slow.map((s) => [s.offer.id, s.need.id, s.score]));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('relates a broader need, a narrower need and a documented outlet to an offer', () => {
    const codes = (code: string) => (RELATIONS.get(code) ?? []).map((r) => `${r.relation.kind}:${r.code}`);
    expect(codes('material.wood.pallets')).toEqual(['SAME:material.wood.pallets', 'NEED_BROADER:material.wood']);
    expect(codes('material.wood')).toEqual(['SAME:material.wood', 'NEED_NARROWER:material.wood.pallets']);
    expect(codes('material.biowaste.coffee-grounds')).toContain('COMPATIBLE:material.compost');
  });
});
