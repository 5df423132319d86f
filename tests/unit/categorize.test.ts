import { categorize, tokenize } from '../../server/domain/taxonomy/categorize';
import { ResourceCategoryRecord, loadTaxonomy } from '../../server/domain/taxonomy/taxonomy';

const taxonomy = loadTaxonomy();
const best = (text: string): string | undefined => categorize(text, taxonomy)[0]?.code;

describe('categorize', () => {
  it('files server heat at 45 °C under low-temperature waste heat', () => {
    expect(best('Chaleur fatale de nos serveurs à 45°C')).toBe('energy.waste-heat.low-temperature');
  });

  it('reads English descriptions too', () => {
    expect(best('Waste heat from our servers, about 40 °C')).toBe('energy.waste-heat.low-temperature');
  });

  it('uses the temperature to choose the heat band', () => {
    expect(best('Chaleur fatale des fours à 90 degrés')).toBe('energy.waste-heat.medium-temperature');
    expect(best('Chaleur fatale des fumées à 250 °C')).toBe('energy.waste-heat.high-temperature');
  });

  it('ignores a temperature when the text is not about heat', () => {
    expect(best('Chambre froide à 4 °C disponible')).toBe('equipment.storage.cold-room');
  });

  it('recognises broken wooden pallets', () => {
    expect(best('palettes bois cassées')).toBe('material.wood.pallets');
  });

  it('recognises coffee grounds as a phrase despite the "de"', () => {
    expect(best('marc de café')).toBe('material.biowaste.coffee-grounds');
  });

  it('prefers rubble to the generic construction-waste category for demolition rubble', () => {
    const suggestions = categorize('gravats de démolition', taxonomy).map((s) => s.code);
    expect(suggestions[0]).toBe('material.construction.rubble');
    expect(suggestions).toContain('material.construction');
  });

  it('ranks a category matched exactly above its children that merely share the word', () => {
    expect(best('eau')).toBe('water');
    expect(best('bois')).toBe('material.wood');
  });

  it('gives one exact synonym a usable confidence and stray words a low one', () => {
    expect(categorize('gravats', taxonomy)[0].confidence).toBeGreaterThanOrEqual(0.4);
    expect(categorize('atelier', taxonomy)[0]?.confidence ?? 0).toBeLessThan(0.35);
  });

  it('recognises old laptops as IT equipment', () => {
    expect(best('vieux ordinateurs portables')).toBe('material.weee.it-equipment');
  });

  it('folds case and accents', () => {
    expect(best('CHUTES DE TISSU')).toBe('material.textile.offcuts');
    expect(best('dechets verts')).toBe('material.biowaste.green');
  });

  it('returns nothing for text that matches no category', () => {
    expect(categorize('xyzzy', taxonomy)).toEqual([]);
    expect(categorize('', taxonomy)).toEqual([]);
    expect(categorize('de la et 45', taxonomy)).toEqual([]);
  });

  it('returns at most `limit` suggestions, best first, with confidences in 0..1', () => {
    const suggestions = categorize('collecte mutualisée des cartons et des biodéchets', taxonomy, 3);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    for (const s of suggestions) {
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    const confidences = suggestions.map((s) => s.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
  });

  it('prefers the deeper category when two categories score the same', () => {
    const tie: ResourceCategoryRecord[] = [
      { code: 'material', family: 'MATERIAL', parent: null, nameFr: 'Matières', nameEn: 'Materials', ewcCode: null, units: ['t/yr'], synonyms: [] },
      { code: 'material.aaa', family: 'MATERIAL', parent: 'material', nameFr: 'Verre', nameEn: 'Glass', ewcCode: null, units: ['t/yr'], synonyms: [] },
      { code: 'material.zzz', family: 'MATERIAL', parent: 'material', nameFr: 'Fibre', nameEn: 'Fibre', ewcCode: null, units: ['t/yr'], synonyms: [] },
      { code: 'material.zzz.glass-wool', family: 'MATERIAL', parent: 'material.zzz', nameFr: 'Laine', nameEn: 'Wool', ewcCode: null, units: ['t/yr'], synonyms: [] },
    ];
    // "verre" and "laine" each match one one-word name, with no parent score: a tie.
    expect(categorize('verre laine', tie).map((s) => s.code)).toEqual(['material.zzz.glass-wool', 'material.aaa']);
  });
});

describe('categorize, beyond the words of the taxonomy', () => {
  it('reads English descriptions whatever the word order', () => {
    expect(best('Broken wooden pallets')).toBe('material.wood.pallets');
    // "steel offcuts" and "chutes d'acier" name one thing in opposite orders.
    expect(best('Steel offcuts')).toBe('material.metal.ferrous');
    expect(best('Shared forklift for the business park')).toBe('equipment.machines.handling');
  });

  it('reads a misspelt word as the one known word one letter away', () => {
    expect(best('palete cassées')).toBe('material.wood.pallets');
  });

  it('files a description by the EWC code it carries, written with or without spaces', () => {
    expect(best('spent foundry sand 10 09 08')).toBe('material.mineral.foundry-sand');
    expect(best('100105 disponible, 20 000 t/an')).toBe('material.gypsum');
    expect(categorize('100105', taxonomy)[0].confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('lets the words choose between categories sharing an EWC code', () => {
    expect(best('20 01 08 marc de café')).toBe('material.biowaste.coffee-grounds');
    expect(best('20 01 08 restes de repas de la cantine')).toBe('material.biowaste.food');
  });

  it('files a code the taxonomy does not carry under the category covering its sub-chapter', () => {
    // 17 04 07 (mixed metals) is not in the taxonomy; every 17 04 code it has is a metal.
    expect(best('déchets 17 04 07')).toBe('material.metal');
  });

  it('ignores numbers that are not EWC codes of the taxonomy', () => {
    expect(categorize('Lot 123456, tel 01 23 45 67 89', taxonomy)).toEqual([]);
  });

  it('files a heat need under heat needs, not under a band of waste heat', () => {
    expect(best('Besoin de chaleur pour un process à 85 °C')).toBe('energy.heat.process');
    expect(best('Chaleur fatale des fours à 90 degrés')).toBe('energy.waste-heat.medium-temperature');
  });

  it('uses units as a mild prior that breaks ties, never as evidence on its own', () => {
    const shavings: ResourceCategoryRecord[] = [
      { code: 'material', family: 'MATERIAL', parent: null, nameFr: 'Matières', nameEn: 'Materials', ewcCode: null, units: ['t/yr'], synonyms: [] },
      { code: 'material.metal', family: 'MATERIAL', parent: 'material', nameFr: 'Copeaux de métal', nameEn: 'Metal swarf', ewcCode: null, units: ['t/yr'], synonyms: ['copeaux'] },
      { code: 'material.wood', family: 'MATERIAL', parent: 'material', nameFr: 'Copeaux de bois', nameEn: 'Wood shavings', ewcCode: null, units: ['m3/yr'], synonyms: ['copeaux'] },
    ];
    expect(categorize('copeaux, 500 m3/an', shavings)[0].code).toBe('material.wood');
    expect(categorize('copeaux, 5 t/an', shavings)[0].code).toBe('material.metal');
    expect(categorize('500 m3/an', shavings)).toEqual([]);
  });

  it('does not merge unrelated words that share a short stem', () => {
    // "élévateur" and "élevage", "partagé" and "pièces" (parts) once met on four-letter stems.
    const suggestions = categorize('Chariot élévateur partagé', taxonomy, 3).map((s) => s.code);
    expect(suggestions[0]).toBe('equipment.machines.handling');
    expect(suggestions).not.toContain('material.animal-feed');
    expect(suggestions).not.toContain('material.weee.spare-parts');
  });
});

describe('tokenize', () => {
  it('strips accents, plurals, numbers and function words, and reads trade phrases as one name', () => {
    // "eaux pluviales" is read as "eau de pluie", "toitures" as "toit".
    expect(tokenize('Les eaux pluviales de 3 toitures')).toEqual(tokenize('eau de pluie du toit'));
    expect(tokenize('Les eaux pluviales de 3 toitures')).toEqual(['eau', 'pluie', 'toit']);
  });

  it('gives a French and an English description of one resource the same words', () => {
    expect([...tokenize('Palettes bois cassées')].sort()).toEqual([...tokenize('broken wooden pallets')].sort());
    expect([...tokenize('chaleur fatale')].sort()).toEqual([...tokenize('excess heat')].sort());
  });

  it('merges a noun, its verb and its participles', () => {
    const recycl = tokenize('recyclage');
    for (const form of ['recyclés', 'recycling', 'recycled', 'recycler']) expect(tokenize(form)).toEqual(recycl);
  });

  it('keeps R&D as one word', () => {
    expect(tokenize('R&D')).toEqual(['rd']);
  });
});
