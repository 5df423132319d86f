import { startTestApi, TestApi } from '../support/test-api';

let api: TestApi;

const CATEGORIES = `query($family: ResourceFamily) { resourceCategories(family: $family) { code name nameFr nameEn family parentCode units synonyms ewcCode } }`;
const CATEGORIZE = `query($text: String!) { categorize(text: $text) { confidence category { code name family } } }`;
const FAMILIES = ['ENERGY', 'WATER', 'MATERIAL', 'EQUIPMENT', 'SERVICE', 'EXPERTISE', 'LOGISTICS'];

interface Category { code: string; name: string; nameFr: string; nameEn: string; family: string; parentCode: string | null; units: string[]; synonyms: string[]; ewcCode: string | null }

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.stop();
});

describe('resourceCategories', () => {
  let all: Category[];
  beforeAll(async () => {
    const res = await api.gql<{ resourceCategories: Category[] }>(CATEGORIES, {});
    expect(res.errors).toBeUndefined();
    all = res.data!.resourceCategories;
  });

  it('returns the whole taxonomy, covering the seven families, with French and English names', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map((c) => c.family))).toEqual(new Set(FAMILIES));
    for (const c of all) {
      expect(c.nameFr.trim()).not.toBe('');
      expect(c.nameEn.trim()).not.toBe('');
      expect(c.name).toBe(c.nameFr);
    }
    expect(all.find((c) => c.code === 'material.wood.pallets')).toMatchObject({ family: 'MATERIAL', parentCode: 'material.wood', nameFr: expect.stringMatching(/palette/i) });
  });

  it('lists each category once, by code, with a parent that exists and belongs to the same family', () => {
    const codes = all.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    const byCode = new Map(all.map((c) => [c.code, c]));
    for (const c of all) {
      if (c.parentCode === null) {
        expect(c.code).toBe(c.family.toLowerCase());
      } else {
        expect(byCode.get(c.parentCode)?.family).toBe(c.family);
        expect(c.code.startsWith(`${c.parentCode}.`)).toBe(true);
      }
    }
  });

  it.each(FAMILIES)('filters by the family %s', async (family) => {
    const res = await api.gql<{ resourceCategories: Category[] }>(CATEGORIES, { family });
    const codes = res.data!.resourceCategories.map((c) => c.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(res.data!.resourceCategories.every((c) => c.family === family)).toBe(true);
    expect(codes).toEqual(all.filter((c) => c.family === family).map((c) => c.code));
    expect(codes).toContain(family.toLowerCase());
  });

  it('refuses an unknown family', async () => {
    const res = await api.gql(CATEGORIES, { family: 'PLUTONIUM' });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('categorize', () => {
  interface Suggestion { confidence: number; category: { code: string; name: string; family: string } }
  async function categorize(text: string): Promise<Suggestion[]> {
    const res = await api.gql<{ categorize: Suggestion[] }>(CATEGORIZE, { text });
    expect(res.errors).toBeUndefined();
    return res.data!.categorize;
  }

  it('files broken wooden pallets under wood first, with a confidence in (0, 1]', async () => {
    const suggestions = await categorize('palettes bois cassées');
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions[0].category.code).toMatch(/^material\.wood/);
    expect(suggestions[0].category).toMatchObject({ family: 'MATERIAL', name: expect.any(String) });
    for (const s of suggestions) {
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('ranks suggestions best first, each category once', async () => {
    const suggestions = await categorize('Chaleur fatale de nos serveurs à 45°C');
    expect(suggestions[0].category.code).toBe('energy.waste-heat.low-temperature');
    const confidences = suggestions.map((s) => s.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(new Set(suggestions.map((s) => s.category.code)).size).toBe(suggestions.length);
  });

  it('understands English descriptions', async () => {
    expect((await categorize('used coffee grounds'))[0].category.code).toBe('material.biowaste.coffee-grounds');
  });

  it('suggests nothing for a text that means nothing', async () => {
    expect(await categorize('xyzzy')).toEqual([]);
    expect(await categorize('   ')).toEqual([]);
  });

  it('works without a token and refuses a text over 2000 characters', async () => {
    const anon = await api.gql(CATEGORIZE, { text: 'palettes' }, null);
    expect(anon.errors).toBeUndefined();
    const long = await api.gql(CATEGORIZE, { text: 'bois '.repeat(500) });
    expect(long.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(long.errors![0].message).toContain('text');
  });
});
