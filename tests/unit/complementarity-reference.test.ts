import { Public } from '../../server/domain/model';
import {
  ComplementarityRules, Trade, ValueChainLink, loadComplementarityRules, loadTrades, loadValueChain, nafMatches,
  rulesProblems, tradeProblems, valueChainProblems,
} from '../../server/domain/complementarity/reference';
import { loadTaxonomy } from '../../server/domain/taxonomy/taxonomy';

const taxonomy = loadTaxonomy();
const codes: ReadonlySet<string> = new Set(taxonomy.map((c) => c.code));
const familyOf = new Map(taxonomy.map((c) => [c.code, c.family] as const));

const trades = loadTrades();
const links = loadValueChain();

function trade(code: string): Trade {
  const found = trades.find((t) => t.code === code);
  if (!found) throw new Error(`no trade ${code}`);
  return found;
}

/** Codes of the trades a full NAF code (e.g. "45.20A") falls in. */
function tradesOfNaf(nafCode: string): string[] {
  return trades.filter((t) => t.nafPrefixes.some((p) => nafMatches(nafCode, p))).map((t) => t.code);
}

/** Codes of the trades that list a keyword. */
function tradesWithKeyword(keyword: string): string[] {
  return trades.filter((t) => t.keywords.includes(keyword)).map((t) => t.code);
}

/** The link between two NAF prefixes, written in either direction. */
function linkBetween(a: string, b: string): ValueChainLink | undefined {
  return links.find((l) => (l.from === a && l.to === b) || (l.from === b && l.to === a));
}

describe('the shipped trades', () => {
  it('pass every integrity rule against the taxonomy', () => {
    expect(tradeProblems(trades, codes)).toEqual([]);
  });

  it('cover at least 60 trades', () => {
    expect(trades.length).toBeGreaterThanOrEqual(60);
  });

  it('give each trade 4 to 12 distinct keywords', () => {
    const bad = trades
      .filter((t) => t.keywords.length < 4 || t.keywords.length > 12 || new Set(t.keywords).size !== t.keywords.length)
      .map((t) => `${t.code}: ${t.keywords.length}`);
    expect(bad).toEqual([]);
  });

  it('take only materials and provide only services, logistics, equipment or expertise', () => {
    const bad: string[] = [];
    for (const t of trades) {
      for (const c of t.takes) if (familyOf.get(c) !== 'MATERIAL') bad.push(`${t.code} takes ${c}`);
      for (const c of t.provides) {
        if (!['SERVICE', 'LOGISTICS', 'EQUIPMENT', 'EXPERTISE'].includes(familyOf.get(c) ?? '')) bad.push(`${t.code} provides ${c}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('never claim the generic NAF codes of associations and social action (94.99Z, 88.99B)', () => {
    expect(tradesOfNaf('94.99Z')).toEqual([]);
    expect(tradesOfNaf('88.99B')).toEqual([]);
  });

  it('write each exchange as two French sentences', () => {
    const bad = trades
      .filter((t) => t.exchange)
      .filter((t) => ![t.exchange!.essBrings, t.exchange!.classicBrings].every((s) => /^[A-ZÀ-Ý].*\.$/.test(s)))
      .map((t) => t.code);
    expect(bad).toEqual([]);
  });

  it('recognise a solidarity garage and a car dealer as one trade', () => {
    const carRepair = trade('car-repair');
    expect(carRepair.keywords).toEqual(expect.arrayContaining(['garage', 'garage solidaire', 'réparation automobile']));
    expect(carRepair.nafPrefixes).toEqual(expect.arrayContaining(['45.20', '45.11']));
    expect(tradesOfNaf('45.20A')).toContain('car-repair');
    expect(tradesOfNaf('45.11Z')).toContain('car-repair');
    expect(carRepair.exchange?.essBrings).toMatch(/garage solidaire/);
  });

  it('make reuse centres take furniture, clothing and unsold goods', () => {
    expect(tradesWithKeyword('ressourcerie')).toContain('reuse-centre');
    expect(tradesWithKeyword('recyclerie')).toContain('reuse-centre');
    expect(trade('reuse-centre').takes).toEqual(
      expect.arrayContaining(['material.furniture', 'material.textile.clothing', 'material.unsold-goods.non-food']),
    );
  });

  it('know the jargon of the social and solidarity economy', () => {
    for (const word of [
      'repair café', "atelier et chantier d'insertion", "entreprise d'insertion", 'esat', 'épicerie solidaire',
      'garage solidaire', 'vélo-cargo', 'jardin de cocagne', "entreprise de travail temporaire d'insertion", 'régie de quartier',
    ]) {
      expect({ word, trades: tradesWithKeyword(word).length > 0 }).toEqual({ word, trades: true });
    }
  });

  it('put supermarkets and solidarity groceries in one trade that takes unsold food', () => {
    expect(tradesOfNaf('47.11D')).toContain('food-retail');
    expect(tradesWithKeyword('épicerie solidaire')).toContain('food-retail');
    expect(trade('food-retail').takes).toContain('material.unsold-goods.food');
    expect(trade('food-aid').takes).toContain('material.unsold-goods.food');
  });

  it('recognise common NAF sub-classes', () => {
    expect(tradesOfNaf('53.20Z')).toContain('cycle-logistics');
    expect(tradesOfNaf('49.41A')).toContain('road-freight');
    expect(tradesOfNaf('95.11Z')).toContain('it-reconditioning');
    expect(tradesOfNaf('62.02A')).toContain('it-services');
    expect(tradesOfNaf('56.21Z')).toContain('catering-services');
    expect(tradesOfNaf('81.30Z')).toContain('green-spaces');
    expect(tradesOfNaf('81.21Z')).toContain('cleaning');
    expect(tradesOfNaf('96.01B')).toContain('laundry');
    expect(tradesOfNaf('78.20Z')).toContain('temp-work');
    expect(tradesOfNaf('38.32Z')).toContain('materials-recovery');
    expect(tradesOfNaf('43.11Z')).toContain('demolition');
    expect(tradesOfNaf('88.10C')).toContain('sheltered-work');
    expect(tradesOfNaf('84.11Z')).toContain('public-administration');
  });

  it('match trades to the flows they handle', () => {
    expect(trade('it-reconditioning').takes).toContain('material.weee.it-equipment');
    expect(trade('weee-dismantling').provides).toContain('service.waste-collection.weee');
    expect(trade('cycle-logistics').provides).toContain('logistics.cycle-logistics');
    expect(trade('construction-material-reuse').takes).toContain('material.construction.reusable-elements');
    expect(trade('sewing-upcycling').takes).toContain('material.textile.offcuts');
    expect(trade('digital-inclusion').provides).toContain('service.digital-inclusion');
  });
});

describe('the shipped NAF value chain', () => {
  it('passes every integrity rule', () => {
    expect(valueChainProblems(links)).toEqual([]);
  });

  it('holds at least 70 links, graded between 0.3 and 0.9', () => {
    expect(links.length).toBeGreaterThanOrEqual(70);
    expect(links.filter((l) => l.grade < 0.3 || l.grade > 0.9)).toEqual([]);
  });

  it('never links a code to itself nor states a relation twice', () => {
    expect(links.filter((l) => l.from === l.to)).toEqual([]);
    // A reverse entry is allowed only when it says something new: never PARTNER twice, and
    // never SUPPLIER one way with CLIENT the other (the same fact seen from both ends).
    const restated = links.filter((l) => {
      const back = links.find((m) => m.from === l.to && m.to === l.from);
      if (!back) return false;
      const pair = [l.relation, back.relation].sort().join('|');
      return pair === 'PARTNER|PARTNER' || pair === 'CLIENT|SUPPLIER';
    });
    expect(restated).toEqual([]);
  });

  it("contains the issue's examples", () => {
    // Road haulage and cycle logistics.
    expect(linkBetween('49.41', '53.20')).toMatchObject({ from: '49.41', relation: 'SUPPLIER' });
    // Building construction, reuse of materials and insertion site work.
    expect(linkBetween('41', '46.73')).toBeDefined();
    expect(linkBetween('43', '47.52')).toBeDefined();
    expect(linkBetween('43.11', '38.32')).toBeDefined();
    expect(linkBetween('41', '78.30')).toBeDefined();
    expect(linkBetween('41', '43.99')).toBeDefined();
    // Food industry, food aid and anti-waste groceries.
    expect(linkBetween('10', '88.99')).toBeDefined();
    expect(linkBetween('10', '47.29')).toBeDefined();
    expect(linkBetween('47.11', '88.99')).toBeDefined();
    // IT services, reconditioning and digital inclusion.
    expect(linkBetween('62', '95.11')).toBeDefined();
    expect(linkBetween('63.11', '95.11')).toBeDefined();
    expect(linkBetween('95.11', '85.59')).toBeDefined();
  });

  it('contains other everyday relations', () => {
    expect(linkBetween('56.29', '01.13')).toBeDefined();
    expect(linkBetween('68.32', '81.21')).toBeDefined();
    expect(linkBetween('18.1', '38.32')).toBeDefined();
    expect(linkBetween('13', '14')).toBeDefined();
    expect(linkBetween('55.10', '96.01')).toBeDefined();
    expect(linkBetween('84.11', '81.30')).toBeDefined();
    expect(linkBetween('84.11', '88.99')).toBeDefined();
  });

  it('explains the cycle-logistics link to facilitators in French', () => {
    expect(linkBetween('49.41', '53.20')?.reasonFr).toMatch(/cyclologistique/);
  });
});

describe('the shipped complementarity rules', () => {
  it('pass every integrity rule', () => {
    expect(rulesProblems(loadComplementarityRules())).toEqual([]);
  });
});

describe('tradeProblems', () => {
  const sound: Trade = {
    code: 'car-repair', nameFr: 'Garage', nameEn: 'Car repair', nafPrefixes: ['45.20', '45.2', '45', '45.20A'],
    keywords: ['garage solidaire'], takes: ['material.tyres'], provides: ['service.maintenance.repair'],
    exchange: { essBrings: 'Des clients.', classicBrings: 'Des pièces.' },
  };
  const check = (...list: Trade[]): string[] => tradeProblems(list, codes);

  it('accepts a sound trade', () => {
    expect(check(sound)).toEqual([]);
  });

  it('reports a duplicate code', () => {
    expect(check(sound, { ...sound })).toEqual(['trade car-repair: duplicate code']);
  });

  it('reports a code that is not kebab-case', () => {
    expect(check({ ...sound, code: 'Car_Repair' })).toEqual([expect.stringMatching(/kebab-case/)]);
  });

  it('reports a NAF prefix without its dot', () => {
    expect(check({ ...sound, nafPrefixes: ['4520'] })).toEqual([expect.stringMatching(/NAF prefix "4520"/)]);
  });

  it('reports an unknown resource category, taken or provided', () => {
    expect(check({ ...sound, takes: ['material.unobtainium'] })).toEqual([expect.stringMatching(/unknown resource category "material.unobtainium"/)]);
    expect(check({ ...sound, provides: ['logistics.transport.last-mile'] })).toEqual([expect.stringMatching(/logistics.transport.last-mile/)]);
  });

  it('reports an uppercase or blank keyword', () => {
    expect(check({ ...sound, keywords: ['Garage Solidaire'] })).toEqual([expect.stringMatching(/keyword "Garage Solidaire"/)]);
    expect(check({ ...sound, keywords: [' '] })).toHaveLength(1);
  });

  it('reports a trade that cannot be recognised', () => {
    expect(check({ ...sound, nafPrefixes: [], keywords: [] })).toEqual([expect.stringMatching(/NAF prefix or a keyword/)]);
  });

  it('reports missing names and a half-written exchange', () => {
    expect(check({ ...sound, nameEn: ' ' })).toEqual([expect.stringMatching(/nameFr and nameEn/)]);
    expect(check({ ...sound, exchange: { essBrings: 'Des clients.', classicBrings: '' } })).toEqual([expect.stringMatching(/both sentences/)]);
  });
});

describe('valueChainProblems', () => {
  const sound: ValueChainLink = {
    from: '49.41', fromLabel: 'Transports routiers de fret', to: '53.20', toLabel: 'Autres activités de poste et de courrier',
    relation: 'SUPPLIER', grade: 0.8, rationale: 'Hauliers subcontract the last mile.', reasonFr: 'Un transporteur confie ses derniers kilomètres.',
  };

  it('accepts a sound link', () => {
    expect(valueChainProblems([sound])).toEqual([]);
  });

  it('reports a grade above 1', () => {
    expect(valueChainProblems([{ ...sound, grade: 1.5 }])).toEqual([expect.stringMatching(/grade/)]);
  });

  it('reports a missing French reason', () => {
    expect(valueChainProblems([{ ...sound, reasonFr: '' }])).toEqual([expect.stringMatching(/reasonFr/)]);
  });

  it('reports a bad NAF prefix, an unknown relation, missing labels and a duplicate pair', () => {
    expect(valueChainProblems([{ ...sound, to: '5320' }])).toEqual([expect.stringMatching(/NAF prefixes/)]);
    expect(valueChainProblems([{ ...sound, relation: 'COMPETITOR' as ValueChainLink['relation'] }])).toEqual([expect.stringMatching(/unknown relation "COMPETITOR"/)]);
    expect(valueChainProblems([{ ...sound, toLabel: '' }])).toEqual([expect.stringMatching(/labels/)]);
    expect(valueChainProblems([sound, { ...sound, relation: 'PARTNER' }])).toEqual([expect.stringMatching(/duplicate/)]);
  });
});

describe('rulesProblems', () => {
  const sound = loadComplementarityRules();

  it('reports an unknown public', () => {
    const rules: ComplementarityRules = { ...sound, socialPublics: [...sound.socialPublics, 'UNICORNS' as Public] };
    expect(rulesProblems(rules)).toEqual(['unknown public "UNICORNS"']);
  });

  it('reports a distance that is not positive and a grade out of range', () => {
    expect(rulesProblems({ ...sound, maxKm: { ...sound.maxKm, MATERIAL: 0 } })).toEqual(['maxKm.MATERIAL must be positive']);
    expect(rulesProblems({ ...sound, competitionKm: -1 })).toEqual(['competitionKm must be positive']);
    expect(rulesProblems({ ...sound, grades: { ...sound.grades, flowMatch: 1.5 } })).toEqual(['grades.flowMatch must be in (0, 1]']);
  });
});
