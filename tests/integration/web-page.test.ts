import { startTestApi, TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

describe('the web page', () => {
  it('serves the built client at / in French, with its script and styles', async () => {
    const page = await fetch(`${api.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="fr"');
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const response = await fetch(`${api.url}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
    // No third-party request: every script and stylesheet is ours.
    expect(html).not.toMatch(/(?:src|href)="https?:\/\//);
  });

  it('gives the client its settings: no tile server unless configured', async () => {
    const response = await fetch(`${api.url}/config.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tileUrl: process.env.TILE_URL ?? null, tileAttribution: process.env.TILE_ATTRIBUTION ?? null });
  });

  it('asks the API only for fields the schema has', async () => {
    const js = await (await fetch(`${api.url}${/src="(\/assets\/[^"]+\.js)"/.exec(await (await fetch(`${api.url}/`)).text())![1]}`)).text();
    expect(js).toContain('nearbyActors(near: $near');
    const { NEARBY_QUERY, SYNERGIES_QUERY, EXPLORER_QUERY, ACTOR_CARD_QUERY, TERRITORY_ACTORS_QUERY } = await import('../../web-client/src/queries');
    const near = { lat: 48.7872, lon: 2.3925 };
    const actorId = await api.addActor('Fiche', { lat: 47.1, lon: -1.2 });
    for (const [query, variables] of [
      [NEARBY_QUERY, { near, radiusKm: 1, first: 5 }],
      [SYNERGIES_QUERY, { filter: { near, radiusKm: 1 }, first: 5 }],
      [EXPLORER_QUERY, { s: { near, radiusKm: 1 }, m: { near, radiusKm: 1 }, c: { near, radiusKm: 1 } }],
      [ACTOR_CARD_QUERY, { id: actorId }],
      [TERRITORY_ACTORS_QUERY, { code: '94081', first: 5 }],
    ] as const) {
      const res = await api.gql(query, variables);
      expect(res.errors).toBeUndefined();
    }
    // The working groups screens: every operation validates against the schema (unknown ids are fine).
    const groups = await import('../../web-client/src/queries-groups');
    for (const [query, variables] of [
      [groups.PLAN_PROGRESS_QUERY, { code: 'praec-occitanie' }],
      [groups.GROUP_BOARD_QUERY, { id: 'none' }],
      [groups.GROUP_ACTIVITY_QUERY, { id: 'none', before: null }],
    ] as const) {
      const res = await api.gql(query, variables);
      expect(res.errors).toBeUndefined();
    }
    for (const [query, variables] of [
      [groups.CHANGE_STATUS_MUTATION, { id: 'none', status: 'DONE', reason: null }],
      [groups.RECORD_VALUE_MUTATION, { indicatorId: 'none', input: { on: '2026-01-01', value: 1 } }],
    ] as const) {
      // Unknown ids: a NOT_FOUND (or similar) from the resolver, never a validation error.
      const res = await api.gql(query, variables);
      expect(res.errors?.map((e) => e.extensions?.code)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('asks the API only for fields the schema has, on the sessions screens too', async () => {
    // Validated against schema.graphql (kept in step with the server by its own test), then the
    // queries run against the API.
    const { buildSchema, parse, validate } = await import('graphql');
    const fs = await import('node:fs');
    const schema = buildSchema(fs.readFileSync(`${__dirname}/../../schema.graphql`, 'utf8'));
    const queries = await import('../../web-client/src/queries-sessions');
    const operations = Object.entries(queries).filter(([name]) => /_(QUERY|MUTATION)$/.test(name));
    expect(operations.length).toBeGreaterThanOrEqual(5);
    for (const [name, text] of operations) expect([name, validate(schema, parse(text as string)).map((e) => e.message)]).toEqual([name, []]);
    for (const [query, variables] of [[queries.SESSIONS_QUERY, { first: 5 }], [queries.SESSION_QUERY, { id: 'none' }]] as const) {
      const res = await api.gql(query, variables);
      expect(res.errors).toBeUndefined();
    }
  });
});
