import { actorInput, CREATE_ACTOR, startTestApi, TestApi } from '../support/test-api';

let api: TestApi;

const TERRITORY = `query($code: String!, $level: TerritoryLevel) { territory(code: $code, level: $level) { code key name level } }`;
const TERRITORIES = `query($filter: TerritoryFilter, $first: Int, $after: String) {
  territories(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { code name level } }
}`;
const CREATE_TERRITORY = `mutation($input: CreateTerritoryInput!) { createTerritory(input: $input) { code key name level geometry } }`;
const ACTORS_IN = `query($code: String!) { actors(filter: { territoryCode: $code }, first: 100) { totalCount nodes { id } } }`;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  const p = api.unique('');
  await api.driver.executeQuery('MATCH (a:Actor) WHERE a.externalId STARTS WITH $p DETACH DELETE a', { p });
  await api.driver.executeQuery("MATCH (t:Territory {level: 'CUSTOM'}) WHERE t.code STARTS WITH $p DETACH DELETE t", { p });
  await api.stop();
});

describe('territory', () => {
  it('finds a commune by its INSEE code', async () => {
    const res = await api.gql(TERRITORY, { code: '94081' });
    expect(res.data!.territory).toEqual({ code: '94081', key: 'COMMUNE:94081', name: 'Vitry-sur-Seine', level: 'COMMUNE' });
  });

  it('reads a shared code as the département unless the région is asked for', async () => {
    expect((await api.gql(TERRITORY, { code: '11' })).data!.territory).toMatchObject({ name: 'Aude', level: 'DEPARTEMENT' });
    expect((await api.gql(TERRITORY, { code: '11', level: 'REGION' })).data!.territory).toMatchObject({ code: '11', name: 'Île-de-France', level: 'REGION' });
    expect((await api.gql(TERRITORY, { code: 'REGION:11' })).data!.territory).toMatchObject({ code: '11', name: 'Île-de-France', level: 'REGION' });
  });

  it('finds an EPT and an EPCI by SIREN', async () => {
    expect((await api.gql(TERRITORY, { code: '200058014' })).data!.territory).toMatchObject({ level: 'EPT', name: expect.stringMatching(/Grand-Orly/) });
    expect((await api.gql(TERRITORY, { code: '200054781' })).data!.territory).toMatchObject({ level: 'EPCI', name: expect.stringMatching(/Métropole du Grand Paris/) });
  });

  it('answers null for an unknown code or a level the code does not have', async () => {
    expect((await api.gql(TERRITORY, { code: '00000' })).data).toEqual({ territory: null });
    expect((await api.gql(TERRITORY, { code: '94081', level: 'REGION' })).data).toEqual({ territory: null });
  });
});

describe('territories', () => {
  it('lists the 24 communes of Grand-Orly Seine Bièvre page by page, with the total on every page', async () => {
    const filter = { parentCode: '200058014', level: 'COMMUNE' };
    const codes: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await api.gql(TERRITORIES, { filter, first: 10, after });
      expect(res.errors).toBeUndefined();
      expect(res.data.territories.totalCount).toBe(24);
      for (const t of res.data.territories.nodes) {
        expect(t.level).toBe('COMMUNE');
        codes.push(t.code);
      }
      after = res.data.territories.pageInfo.hasNextPage ? res.data.territories.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(codes).toHaveLength(24);
    expect(new Set(codes).size).toBe(24);
    expect(codes).toEqual(expect.arrayContaining(['94081', '94041', '94054', '94022', '91479']));
    expect(codes.every((c) => /^(94|91)\d{3}$/.test(c))).toBe(true);
  });

  it('finds territories by part of their name, ignoring accents and case', async () => {
    const ivry = await api.gql(TERRITORIES, { filter: { name: 'ivry', level: 'COMMUNE' }, first: 50 });
    expect(ivry.data!.territories.nodes).toEqual(expect.arrayContaining([{ code: '94041', name: 'Ivry-sur-Seine', level: 'COMMUNE' }]));
    const evry = await api.gql(TERRITORIES, { filter: { name: 'EVRY-COURC' }, first: 50 });
    expect(evry.data!.territories.nodes.map((t: { name: string }) => t.name)).toContain('Évry-Courcouronnes');
    const ile = await api.gql(TERRITORIES, { filter: { name: 'île-de', level: 'REGION' } });
    expect(ile.data!.territories.nodes).toEqual([{ code: '11', name: 'Île-de-France', level: 'REGION' }]);
  });

  it('combines the name with the parent', async () => {
    const res = await api.gql(TERRITORIES, { filter: { parentCode: '94', name: 'vitry', level: 'COMMUNE' } });
    expect(res.data!.territories.nodes).toEqual([{ code: '94081', name: 'Vitry-sur-Seine', level: 'COMMUNE' }]);
    expect(res.data!.territories.totalCount).toBe(1);
  });

  it('refuses an unknown parent with BAD_USER_INPUT naming the field', async () => {
    const res = await api.gql(TERRITORIES, { filter: { parentCode: 'nowhere' } });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('parentCode');
  });
});

describe('createTerritory', () => {
  // A triangle in the Indre, far from every other test's actors: [lon, lat] corners.
  const TRIANGLE = { type: 'Polygon', coordinates: [[[1.40, 46.40], [1.50, 46.40], [1.40, 46.50], [1.40, 46.40]]] };
  const INSIDE = { lat: 46.42, lon: 1.42 };
  const IN_BOX_OUTSIDE_TRIANGLE = { lat: 46.48, lon: 1.48 };
  const FAR_OUTSIDE = { lat: 46.60, lon: 1.45 };

  async function actorAt(label: string, location: { lat: number; lon: number }): Promise<string> {
    const res = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique(label), name: `${api.unique(label)} Indre`, location, communeCode: undefined }) });
    expect(res.errors).toBeUndefined();
    return res.data!.createActor.id;
  }

  it('places the actors inside the polygon in the new territory, and later ones too', async () => {
    const inside = await actorAt('ct-inside', INSIDE);
    const boxOnly = await actorAt('ct-box', IN_BOX_OUTSIDE_TRIANGLE);
    const outside = await actorAt('ct-outside', FAR_OUTSIDE);
    const code = api.unique('zone');
    const res = await api.gql(CREATE_TERRITORY, { input: { code, name: 'Zone test Indre', geometry: TRIANGLE } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createTerritory).toEqual({ code, key: `CUSTOM:${code}`, name: 'Zone test Indre', level: 'CUSTOM', geometry: TRIANGLE });

    const found = await api.gql(ACTORS_IN, { code });
    expect(found.data!.actors.nodes.map((n: { id: string }) => n.id)).toEqual([inside]);
    expect(found.data!.actors.totalCount).toBe(1);

    const later = await api.gql(CREATE_ACTOR, {
      input: actorInput({ externalId: api.unique('ct-later'), name: `${api.unique('ct-later')} Indre`, location: { lat: 46.43, lon: 1.41 }, communeCode: undefined }),
    });
    expect(later.data!.createActor.territories).toEqual([{ code, level: 'CUSTOM' }]);
    const after = await api.gql(ACTORS_IN, { code });
    expect(after.data!.actors.nodes.map((n: { id: string }) => n.id).sort()).toEqual([inside, later.data!.createActor.id].sort());
    expect(after.data!.actors.nodes.map((n: { id: string }) => n.id)).not.toContain(boxOnly);
    expect(after.data!.actors.nodes.map((n: { id: string }) => n.id)).not.toContain(outside);

    const read = await api.gql(TERRITORY, { code });
    expect(read.data!.territory).toMatchObject({ code, level: 'CUSTOM', name: 'Zone test Indre' });
  });

  it('moves an actor into and out of a custom territory when its location changes', async () => {
    const code = api.unique('zone-move');
    await api.gql(CREATE_TERRITORY, { input: { code, name: 'Zone mobile', geometry: { type: 'Polygon', coordinates: [[[1.60, 46.40], [1.70, 46.40], [1.70, 46.50], [1.60, 46.50], [1.60, 46.40]]] } } });
    const id = await actorAt('ct-move', { lat: 46.60, lon: 1.65 });
    const move = `mutation($id: ID!, $loc: GeoPointInput!) { updateActor(id: $id, input: { location: $loc }) { territories { code } } }`;
    expect((await api.gql(move, { id, loc: { lat: 46.45, lon: 1.65 } })).data!.updateActor.territories).toEqual([{ code }]);
    expect((await api.gql(move, { id, loc: { lat: 46.60, lon: 1.65 } })).data!.updateActor.territories).toEqual([]);
  });

  it.each([
    ['an unclosed ring', { type: 'Polygon', coordinates: [[[1.40, 46.40], [1.50, 46.40], [1.40, 46.50], [1.41, 46.41]]] }, /closed/],
    ['a point', { type: 'Point', coordinates: [1.4, 46.4] }, /Polygon/],
    ['latitude and longitude swapped beyond range', { type: 'Polygon', coordinates: [[[46.4, 100], [46.5, 100], [46.5, 101], [46.4, 100]]] }, /longitude, latitude/],
  ])('refuses %s with BAD_USER_INPUT, creating nothing', async (_label, geometry, problem) => {
    const code = api.unique(`bad-geom-${_label.length}`);
    const res = await api.gql(CREATE_TERRITORY, { input: { code, name: 'Mauvaise zone', geometry } });
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('geometry');
    expect(res.errors![0].message).toMatch(problem);
    const stored = await api.driver.executeQuery('MATCH (t:Territory {code: $code}) RETURN count(t) AS n', { code });
    expect(stored.records[0].get('n').toNumber()).toBe(0);
  });

  it('refuses a code already used by an official territory, leaving it untouched', async () => {
    const res = await api.gql(CREATE_TERRITORY, { input: { code: '94', name: 'Pas le Val-de-Marne', geometry: TRIANGLE } });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('code');
    // "94" is both the département Val-de-Marne and the région Corse; the message names one.
    expect(res.errors![0].message).toMatch(/Val-de-Marne|Corse/);
    expect((await api.gql(TERRITORY, { code: '94' })).data!.territory).toMatchObject({ name: 'Val-de-Marne', level: 'DEPARTEMENT' });
    const stored = await api.driver.executeQuery("MATCH (t:Territory {code: '94'}) RETURN t.level AS level ORDER BY level");
    expect(stored.records.map((r) => r.get('level'))).toEqual(['DEPARTEMENT', 'REGION']);
  });

  it('refuses a code already used by another custom territory', async () => {
    const code = api.unique('zone-dup');
    const first = await api.gql(CREATE_TERRITORY, { input: { code, name: 'Première', geometry: TRIANGLE } });
    expect(first.errors).toBeUndefined();
    const second = await api.gql(CREATE_TERRITORY, { input: { code, name: 'Seconde', geometry: TRIANGLE } });
    expect(second.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(TERRITORY, { code })).data!.territory.name).toBe('Première');
  });

  it('refuses a malformed code and needs a bearer token', async () => {
    const bad = await api.gql(CREATE_TERRITORY, { input: { code: 'zone avec espaces', name: 'X', geometry: TRIANGLE } });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toContain('code');
    const code = api.unique('zone-anon');
    const anon = await api.gql(CREATE_TERRITORY, { input: { code, name: 'Anonyme', geometry: TRIANGLE } }, null);
    expect(anon.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(TERRITORY, { code })).data).toEqual({ territory: null });
  });
});
