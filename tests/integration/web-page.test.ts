import { startTestApi, TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

describe('the web page', () => {
  it('is served at / in French with its script and styles', async () => {
    const page = await fetch(`${api.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Acteurs à proximité');
    for (const asset of ['app.js', 'format.js', 'style.css']) {
      const response = await fetch(`${api.url}/${asset}`);
      expect(response.status).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(100);
    }
  });

  it('asks the API only for fields the schema has', async () => {
    const script = await (await fetch(`${api.url}/app.js`)).text();
    const query = /const NEARBY_QUERY = `([\s\S]*?)`;/.exec(script)![1];
    const res = await api.gql(query, { near: { lat: 48.7872, lon: 2.3925 }, radiusKm: 1, first: 5 });
    expect(res.errors).toBeUndefined();
    expect(Array.isArray(res.data!.nearbyActors)).toBe(true);
  });
});
