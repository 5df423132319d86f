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

describe('tokenize', () => {
  it('strips accents, plurals, numbers and function words', () => {
    expect(tokenize('Les eaux pluviales de 3 toitures')).toEqual(['eau', 'pluviale', 'toiture']);
  });

  it('keeps R&D as one word', () => {
    expect(tokenize('R&D')).toEqual(['rd']);
  });
});
