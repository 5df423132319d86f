import { RESOURCE_FAMILIES } from '../../server/domain/model';
import { ResourceCategoryRecord, loadTaxonomy, validateTaxonomy } from '../../server/domain/taxonomy/taxonomy';

/** A minimal sound taxonomy: the seven roots and one child; each test breaks one rule of it. */
function soundFixture(): ResourceCategoryRecord[] {
  const roots = RESOURCE_FAMILIES.map((family) => ({
    code: family.toLowerCase(), family, parent: null, nameFr: family, nameEn: family,
    ewcCode: null, units: ['t/yr'], synonyms: [],
  }));
  return [
    ...roots,
    {
      code: 'material.wood', family: 'MATERIAL', parent: 'material', nameFr: 'Bois', nameEn: 'Wood',
      ewcCode: null, units: ['t/yr'], synonyms: ['bois'],
    },
    {
      code: 'material.wood.pallets', family: 'MATERIAL', parent: 'material.wood', nameFr: 'Palettes', nameEn: 'Pallets',
      ewcCode: '15 01 03', units: ['units/yr'], synonyms: ['palettes'],
    },
  ];
}

function withChange(change: (records: ResourceCategoryRecord[]) => void): ResourceCategoryRecord[] {
  const records = soundFixture();
  change(records);
  return records;
}

const byCode = (records: ResourceCategoryRecord[], code: string): ResourceCategoryRecord => {
  const found = records.find((r) => r.code === code);
  if (!found) throw new Error(`fixture has no ${code}`);
  return found;
};

describe('the shipped resource taxonomy', () => {
  const taxonomy = loadTaxonomy();

  it('passes every integrity rule', () => {
    expect(validateTaxonomy(taxonomy)).toEqual([]);
  });

  it('holds at least 150 categories with unique codes', () => {
    expect(taxonomy.length).toBeGreaterThanOrEqual(150);
    expect(new Set(taxonomy.map((r) => r.code)).size).toBe(taxonomy.length);
  });

  it('gives every family at least three children below its root', () => {
    for (const family of RESOURCE_FAMILIES) {
      const children = taxonomy.filter((r) => r.family === family && r.parent !== null);
      expect({ family, children: children.length >= 3 }).toEqual({ family, children: true });
    }
  });

  it('lists between 3 and 10 lowercase synonyms for every category', () => {
    const offenders = taxonomy
      .filter((r) => r.synonyms.length < 3 || r.synonyms.length > 10 || r.synonyms.some((s) => s !== s.toLowerCase()))
      .map((r) => r.code);
    expect(offenders).toEqual([]);
  });

  it('keeps the EWC codes the domain notes quote', () => {
    const ewc = (code: string) => taxonomy.find((r) => r.code === code)?.ewcCode;
    expect(ewc('material.biowaste.food')).toBe('20 01 08');
    expect(ewc('material.construction.rubble')).toBe('17 01 07');
    expect(ewc('material.gypsum')).toBe('10 01 05');
  });

  it('has heat-demand categories for the needs that waste heat serves', () => {
    for (const code of ['energy.heat.space-heating', 'energy.heat.pool', 'energy.heat.greenhouse', 'energy.heat.domestic-hot-water']) {
      expect(taxonomy.find((r) => r.code === code)).toMatchObject({ family: 'ENERGY', parent: 'energy.heat' });
    }
  });

  it('describes data-centre heat as a 30-60 °C low-temperature category', () => {
    const low = taxonomy.find((r) => r.code === 'energy.waste-heat.low-temperature');
    expect(low?.nameFr).toContain('30-60 °C');
    expect(low?.parent).toBe('energy.waste-heat');
  });
});

describe('validateTaxonomy', () => {
  it('finds nothing wrong in a sound taxonomy', () => {
    expect(validateTaxonomy(soundFixture())).toEqual([]);
  });

  it('reports a duplicate code', () => {
    const records = withChange((r) => r.push({ ...byCode(r, 'material.wood') }));
    expect(validateTaxonomy(records)).toContainEqual(expect.stringMatching(/material\.wood: duplicate code/));
  });

  it('reports a parent that does not exist', () => {
    const records = withChange((r) => { byCode(r, 'material.wood.pallets').parent = 'material.timber'; });
    expect(validateTaxonomy(records)).toContainEqual(expect.stringMatching(/unknown parent "material\.timber"/));
  });

  it('reports a parent of another family', () => {
    const records = withChange((r) => { byCode(r, 'material.wood').family = 'ENERGY'; });
    expect(validateTaxonomy(records)).toContainEqual(expect.stringMatching(/material\.wood\.pallets: parent "material\.wood" is of family ENERGY, not MATERIAL/));
  });

  it('reports an unknown family', () => {
    const records = withChange((r) => { (byCode(r, 'material.wood') as { family: string }).family = 'MINERAL'; });
    expect(validateTaxonomy(records)).toContainEqual(expect.stringMatching(/unknown family "MINERAL"/));
  });

  it('reports a missing family root', () => {
    const records = withChange((r) => r.splice(r.findIndex((x) => x.code === 'logistics'), 1));
    expect(validateTaxonomy(records)).toContainEqual(expect.stringMatching(/family root "logistics" missing/));
  });

  it('reports an EWC code not written "NN NN NN"', () => {
    const records = withChange((r) => { byCode(r, 'material.wood.pallets').ewcCode = '150103'; });
    expect(validateTaxonomy(records)).toContainEqual(expect.stringMatching(/EWC code "150103"/));
  });

  it('accepts the asterisk that marks a hazardous EWC entry', () => {
    const records = withChange((r) => { byCode(r, 'material.wood.pallets').ewcCode = '13 02 05*'; });
    expect(validateTaxonomy(records)).toEqual([]);
  });

  it('reports empty names and an empty unit list', () => {
    const records = withChange((r) => {
      const wood = byCode(r, 'material.wood');
      wood.nameFr = ' ';
      wood.nameEn = '';
      wood.units = [];
    });
    const problems = validateTaxonomy(records);
    expect(problems).toContainEqual(expect.stringMatching(/material\.wood: empty French name/));
    expect(problems).toContainEqual(expect.stringMatching(/material\.wood: empty English name/));
    expect(problems).toContainEqual(expect.stringMatching(/material\.wood: units must list at least one unit/));
  });

  it('reports a cycle between parents', () => {
    const records = withChange((r) => { byCode(r, 'material.wood').parent = 'material.wood.pallets'; });
    expect(validateTaxonomy(records)).toContainEqual('cycle in parents: material.wood → material.wood.pallets');
  });

  it('reports a code that does not extend its parent code', () => {
    const records = withChange((r) => { byCode(r, 'material.wood.pallets').code = 'material.pallets'; });
    expect(validateTaxonomy(records)).toContainEqual(expect.stringMatching(/material\.pallets: code must extend its parent's code/));
  });

  it('reports a category nested deeper than three levels below its root', () => {
    const records = withChange((r) => {
      r.push({ ...byCode(r, 'material.wood.pallets'), code: 'material.wood.pallets.euro', parent: 'material.wood.pallets' });
      r.push({ ...byCode(r, 'material.wood.pallets'), code: 'material.wood.pallets.euro.broken', parent: 'material.wood.pallets.euro' });
    });
    expect(validateTaxonomy(records)).toEqual(['material.wood.pallets.euro.broken: deeper than 3 levels below its family root']);
  });

  it('reports uppercase synonyms and badly shaped codes', () => {
    const records = withChange((r) => {
      byCode(r, 'material.wood').synonyms = ['Bois'];
      r.push({ ...byCode(r, 'material.wood.pallets'), code: 'material.wood.Euro_Pallets' });
    });
    const problems = validateTaxonomy(records);
    expect(problems).toContainEqual(expect.stringMatching(/synonyms must be lowercase, found "Bois"/));
    expect(problems).toContainEqual(expect.stringMatching(/material\.wood\.Euro_Pallets: code must be lowercase/));
  });
});
