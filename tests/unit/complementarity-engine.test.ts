import { ComplementarityKnowledge, findComplementarities, KnownRelation } from '../../server/domain/complementarity/engine';
import { loadComplementarityRules, Trade, ValueChainLink } from '../../server/domain/complementarity/reference';
import { ComplementarityActor, TradeRecogniser } from '../../server/domain/complementarity/trades';
import { Public } from '../../server/domain/model';
import { buildRelationTable } from '../../server/domain/synergy/category-relations';
import { loadCompatibilities, loadTaxonomy } from '../../server/domain/taxonomy/taxonomy';
import { destination } from '../support/haversine';

// A small, explicit knowledge base, so these tests check the rules, not the data files.
const TRADES: Trade[] = [
  {
    code: 'car-repair', nameFr: 'Réparation automobile', nameEn: 'Car repair', nafPrefixes: ['45.20'],
    keywords: ['garage', 'garage solidaire', 'mécanique automobile'], takes: [], provides: ['service.maintenance.repair'],
    exchange: { essBrings: 'Le garage solidaire oriente les clients redevenus solvables.', classicBrings: 'Le garage apporte son expertise.' },
  },
  {
    code: 'it-reconditioning', nameFr: 'Reconditionnement informatique', nameEn: 'IT reconditioning', nafPrefixes: ['95.11'],
    keywords: ['reconditionnement', 'ordinateurs reconditionnés'], takes: ['material.weee.it-equipment'], provides: ['service.digital-inclusion'],
  },
];
const VALUE_CHAIN: ValueChainLink[] = [{
  from: '49.41', fromLabel: 'Transports routiers de fret', to: '53.20', toLabel: 'Autres activités de poste et de courrier',
  relation: 'PARTNER', grade: 0.7, rationale: 'Carriers hand their last kilometres to cycle couriers.',
  reasonFr: 'Un transporteur peut confier ses derniers kilomètres à une coopérative de cyclologistique',
}];

const taxonomy = loadTaxonomy();
const knowledge: ComplementarityKnowledge = {
  rules: loadComplementarityRules(),
  recogniser: new TradeRecogniser(TRADES),
  valueChain: VALUE_CHAIN,
  relations: buildRelationTable(taxonomy, loadCompatibilities()),
  categories: new Map(taxonomy.map((c) => [c.code, { nameFr: c.nameFr, family: c.family, parent: c.parent }])),
};
const ORIGIN = { lat: 45, lon: 3 };
const options = { kinds: null, involves: null, minScore: 0, limit: 100 };

function actor(id: string, km: number, fields: Partial<ComplementarityActor>): ComplementarityActor {
  return {
    id, name: id, kind: 'COMPANY', economy: 'CLASSIC', nafCode: null, legalForm: null, activities: null, description: null,
    publics: [], employees: null, location: km === 0 ? ORIGIN : destination(ORIGIN, 90, km), flows: [], ...fields,
  };
}

const essGarage = (km = 0) => actor('ess-garage', km, { kind: 'ESS_STRUCTURE', economy: 'ESS', nafCode: '94.99Z', activities: 'Garages solidaires pour les personnes en précarité', publics: ['PEOPLE_IN_PRECARITY'] });
const dealer = (km = 2, publics: Public[] = ['GENERAL_PUBLIC']) => actor('dealer', km, { nafCode: '45.20A', publics });

describe('complementarity engine', () => {
  it('recognises a trade from plural, accented words when the NAF code says nothing', () => {
    const trades = knowledge.recogniser.recognise(essGarage());
    expect(trades.map((t) => [t.trade.code, t.by])).toEqual([['car-repair', 'WORDS']]);
  });

  it('pairs the same trade serving different publics as TARGET_PUBLIC, ESS first, with what each brings', () => {
    const found = findComplementarities([dealer(), essGarage()], [], knowledge, options);
    const pair = found.find((c) => c.kind === 'TARGET_PUBLIC')!;
    expect(pair).toMatchObject({ a: 'ess-garage', b: 'dealer', competition: false, existingRelations: [] });
    expect(pair.reasons).toContain('Le garage apporte son expertise.');
    expect(found.find((c) => c.kind === 'SKILLS')).toBeDefined();
  });

  it('flags the same trade and public nearby as competition, and only close by', () => {
    const garage = { ...essGarage(), publics: ['GENERAL_PUBLIC' as const] };
    const near = findComplementarities([garage, dealer(2)], [], knowledge, options);
    expect(near.map((c) => [c.kind, c.competition])).toEqual([['ACTIVITY', true]]);
    const far = findComplementarities([garage, dealer(15)], [], knowledge, options);
    expect(far.every((c) => !c.competition)).toBe(true);
  });

  it('never pairs two actors of the same side, nor beyond the distance of the kind', () => {
    const otherDealer = actor('other-dealer', 1, { nafCode: '45.20A', publics: ['PEOPLE_IN_PRECARITY'] });
    expect(findComplementarities([dealer(), otherDealer], [], knowledge, options)).toEqual([]);
    const tooFar = findComplementarities([essGarage(), dealer(knowledge.rules.maxKm.TARGET_PUBLIC + 1)], [], knowledge, options);
    expect(tooFar.some((c) => c.kind === 'TARGET_PUBLIC')).toBe(false);
  });

  it('takes a declared surplus in through a trade (MATERIAL) and a need through a value-chain partner (ACTIVITY)', () => {
    const bank = actor('bank', 0, { flows: [{ direction: 'OFFER', categoryCode: 'material.weee.it-equipment' }] });
    const reconditioner = actor('reconditioner', 3, { economy: 'ESS', nafCode: '95.11Z' });
    const [material] = findComplementarities([bank, reconditioner], [], knowledge, options);
    expect(material).toMatchObject({ kind: 'MATERIAL', a: 'reconditioner', b: 'bank' });
    const carrier = actor('carrier', 0, { nafCode: '49.41A' });
    const couriers = actor('couriers', 4, { economy: 'ESS', nafCode: '53.20Z' });
    const [activity] = findComplementarities([carrier, couriers], [], knowledge, options);
    expect(activity.kind).toBe('ACTIVITY');
    expect(activity.reasons[0]).toBe('Un transporteur peut confier ses derniers kilomètres à une coopérative de cyclologistique (Transports routiers de fret ↔ Autres activités de poste et de courrier).');
  });

  it('scores more evidence higher and nearer higher', () => {
    const bank = (km: number, flows: ComplementarityActor['flows']) => actor('bank', km, { flows });
    const reconditioner = actor('reconditioner', 0, { economy: 'ESS', nafCode: '95.11Z', flows: [{ direction: 'NEED', categoryCode: 'material.weee.it-equipment' }] });
    const offer = [{ direction: 'OFFER' as const, categoryCode: 'material.weee.it-equipment' }];
    const score = (km: number, withNeed: boolean) =>
      findComplementarities([bank(km, offer), withNeed ? reconditioner : { ...reconditioner, flows: [] }], [], knowledge, options)[0].score;
    expect(score(2, true)).toBeGreaterThan(score(2, false));
    expect(score(2, true)).toBeGreaterThan(score(10, true));
  });

  it('leaves out kinds a recorded relation covers and marks the others as leads to strengthen it', () => {
    const relation: KnownRelation = { fromActorId: 'dealer', toActorId: 'ess-garage', type: 'BOARD_MEMBER_OF' };
    const found = findComplementarities([essGarage(), dealer()], [relation], knowledge, options);
    expect(found.some((c) => c.kind === 'SKILLS')).toBe(false);
    const pair = found.find((c) => c.kind === 'TARGET_PUBLIC')!;
    expect(pair.existingRelations).toEqual(['BOARD_MEMBER_OF']);
    expect(pair.reasons.at(-1)).toBe("Déjà en relation (conseil d'administration) : une piste pour renforcer la coopération.");
  });

  it('honours kinds, involves, minScore and limit', () => {
    const actors = [essGarage(), dealer(), actor('third', 1, { nafCode: '45.20A' })];
    expect(findComplementarities(actors, [], knowledge, { ...options, kinds: ['SKILLS'] }).every((c) => c.kind === 'SKILLS')).toBe(true);
    expect(findComplementarities(actors, [], knowledge, { ...options, involves: 'third' }).every((c) => c.b === 'third')).toBe(true);
    const all = findComplementarities(actors, [], knowledge, options);
    expect(findComplementarities(actors, [], knowledge, { ...options, limit: 1 })).toEqual(all.slice(0, 1));
    expect(findComplementarities(actors, [], knowledge, { ...options, minScore: 0.99 })).toEqual([]);
  });
});
