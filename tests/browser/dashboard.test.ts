import axe from 'axe-core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { loadEmissionFactors } from '../../server/domain/synergy/impacts';
import { amount } from '../../web-client/src/screens/dashboard/labels';
import { destination, haversineKm } from '../support/haversine';
import { startTestApi, TestApi } from '../support/test-api';

/**
 * The "Tableau de bord" screen in Debian's Chromium (see web-client.test.ts), as a visitor: a
 * territory chosen by typing its name, key figures and the data tables of the charts checked
 * against what was created through the API, the CSV download, empty and error states, the phone
 * layout and the print layout. Screenshots go to .data/screenshots unless UPDATE_SCREENSHOTS is set.
 */
jest.setTimeout(180_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', '..', process.env.UPDATE_SCREENSHOTS ? 'docs' : '.data', 'screenshots');
// Saint-Flour (Cantal): no other test file places actors in this commune, so its counts are ours.
const SAINT_FLOUR = { code: '15187', centre: { lat: 45.0337, lon: 3.093 } };
// Mauriac (Cantal): a commune left empty, for the empty states.
const MAURIAC = '15120';
const TRACK = 'mutation($input: TrackSynergyInput!) { trackSynergy(input: $input) { id } }';
const MOVE = 'mutation($id: ID!, $input: MoveSynergyInput!) { moveSynergy(id: $id, input: $input) { id status } }';

let api: TestApi;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const actorIds: string[] = [];
const pageErrors: string[] = [];
let palletKm: number;

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await api.gql(query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

async function actor(label: string, location: { lat: number; lon: number }, fields: Record<string, unknown> = {}): Promise<string> {
  const id = await api.addActor(label, location, { communeCode: SAINT_FLOUR.code, ...fields });
  actorIds.push(id);
  return id;
}

async function track(flowIds: string[], moves: Record<string, unknown>[]): Promise<void> {
  const { trackSynergy } = await ok(TRACK, { input: { kind: 'SUBSTITUTION', flowIds } });
  for (const input of moves) await ok(MOVE, { id: trackSynergy.id, input });
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install chromium) — the browser tests never download a browser.`);
  }
  api = await startTestApi();
  const at = SAINT_FLOUR.centre;
  const sawmill = await actor('Scierie', at);
  const panelPlace = destination(at, 90, 3);
  const panels = await actor('Panneaux de la Planèze', panelPlace);
  const laundry = await actor('Blanchisserie solidaire', destination(at, 180, 1), { kind: 'ESS_STRUCTURE', economy: 'ESS', legalForm: 'SCIC' });
  const school = await actor('Lycée', destination(at, 270, 1), { kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC', legalForm: 'EPLE' });
  palletKm = haversineKm(at, panelPlace);

  const pallets = await api.addFlow(sawmill, { direction: 'OFFER', description: 'Palettes usagées', categoryCode: 'material.wood.pallets', quantity: 100, unit: 't/yr' });
  const palletNeed = await api.addFlow(panels, { direction: 'NEED', description: 'Palettes à broyer', categoryCode: 'material.wood.pallets', quantity: 120, unit: 't/yr' });
  const heat = await api.addFlow(laundry, { direction: 'OFFER', description: 'Chaleur des séchoirs', categoryCode: 'energy.waste-heat.low-temperature', quantity: 500, unit: 'MWh/yr', temperatureC: 50 });
  const heatNeed = await api.addFlow(school, { direction: 'NEED', description: 'Chauffage du lycée', categoryCode: 'energy.heat.space-heating', quantity: 500, unit: 'MWh/yr', temperatureC: 45 });
  const water = await api.addFlow(sawmill, { direction: 'OFFER', description: 'Eau de process', categoryCode: 'water.process', quantity: 2000, unit: 'm3/yr' });
  const waterNeed = await api.addFlow(school, { direction: 'NEED', description: 'Arrosage des espaces verts', categoryCode: 'water.process', quantity: 800, unit: 'm3/yr' });
  await api.addFlow(panels, { direction: 'NEED', description: 'Collecte des cartons', categoryCode: 'service.waste-collection.cardboard', quantity: 3, unit: 't/yr' });

  await track([heat, heatNeed], [{ status: 'IMPLEMENTED' }]);
  await track([pallets, palletNeed], [{ status: 'CONTACTED' }, { status: 'IN_STUDY' }]);
  await track([water, waterNeed], [{ status: 'ABANDONED', reason: 'TECHNICAL' }]);

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 720 },
    locale: 'fr-FR',
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  if (api) {
    await api.driver.executeQuery(
      `MATCH (s:Synergy)-[:INVOLVES]->(a:Actor) WHERE a.id IN $ids
       WITH DISTINCT s OPTIONAL MATCH (s)-[:HAS_EVENT]->(e:SynergyEvent)
       DETACH DELETE s, e`,
      { ids: actorIds },
    );
    await api.stop();
  }
});

async function expectAccessible(screen: string): Promise<void> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate<axe.AxeResults>('window.axe.run(document)');
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
}

/** Opens a chart's "Voir les données" and reads its table: row header → cells. */
async function chartData(id: string): Promise<Record<string, string[]>> {
  const chart = page.getByTestId(`chart-${id}`);
  const details = chart.locator('details');
  if (!(await details.evaluate((d: any) => d.open as boolean))) await chart.getByText('Voir les données').click();
  const table = chart.getByRole('table');
  await table.waitFor();
  return rowsOf(table);
}

async function rowsOf(table: Locator): Promise<Record<string, string[]>> {
  return table.evaluate((t: any) => Object.fromEntries([...t.tBodies[0].rows].map((r: any) =>
    [r.cells[0].textContent.trim(), [...r.cells].slice(1).map((c: any) => c.textContent.replace(/\s/g, ' ').trim())])));
}

const figure = (id: string) => page.getByTestId(`figure-${id}`);
const nbsp = (s: string) => s.replace(/\s/g, ' ');

describe('the dashboard screen in Chromium', () => {
  it('asks the API only for what its schema has', async () => {
    const { buildSchema, parse, validate } = await import('graphql');
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
    const queries = await import('../../web-client/src/queries-dashboard');
    for (const [name, text] of Object.entries(queries).filter(([n]) => n.endsWith('_QUERY'))) {
      expect([name, validate(schema, parse(text as string)).map((e) => e.message)]).toEqual([name, []]);
    }
  });

  it('shows the demo territory to a visitor when none is chosen', async () => {
    await page.goto(`${api.url}/#/tableau`);
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord — Grand-Orly Seine Bièvre' }).waitFor();
    await page.getByText(/Établissement public territorial · code 200058014 · chiffres au .* · territoire de démonstration/).waitFor();
    expect(await page.getByRole('link', { name: 'Mon compte' }).count()).toBe(0);
  });

  it('chooses a territory by typing its name and picking it with the keyboard; the choice goes into the address', async () => {
    const search = page.getByRole('combobox', { name: 'Changer de territoire' });
    await search.fill('saint-flour');
    const options = page.getByRole('listbox', { name: 'Territoires proposés' }).getByRole('option');
    await options.first().waitFor();
    // The commune named exactly so comes first, told apart from its namesakes by level and code.
    await expect(options.first().textContent()).resolves.toBe('Saint-Flour Commune · 15187');
    expect(await options.filter({ hasText: 'Saint-Flour-de-Mercoire' }).count()).toBe(1);
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await search.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord — Saint-Flour' }).waitFor();
    expect(page.url()).toMatch(/#\/tableau\?code=15187&level=COMMUNE$/);
    expect(await search.inputValue()).toBe('');
    await page.getByText(/^Commune · code 15187 · chiffres au /).waitFor();
  });

  it('shows the key figures as large numbers', async () => {
    const factors = loadEmissionFactors().factors;
    await figure('actors').getByText('dont 1 de l’économie sociale et solidaire').waitFor();
    expect(await figure('actors').locator('.figure-value').textContent()).toBe('4');
    expect(await figure('flows').locator('.figure-value').textContent()).toBe('7');
    await figure('flows').getByText('3 offres, 4 besoins').waitFor();
    expect(await figure('synergies').locator('.figure-value').textContent()).toBe('3');
    await figure('synergies').getByText('dont 1 mise en œuvre').waitFor();
    expect(await figure('tonnes').locator('.figure-value').textContent()).toBe('0 t/an');
    expect(nbsp((await figure('tonnes').locator('.figure-detail').textContent())!)).toBe('+ 100 t/an à l’étude');
    expect(await figure('mwh').locator('.figure-value').textContent()).toBe('500 MWh/an');
    expect(await figure('co2').locator('.figure-value').textContent()).toBe(`${amount(500 * factors['natural-gas-heat'].value)} t CO₂e/an`);
  });

  it('gives each chart an accessible name with its figures, and its data as a table', async () => {
    const kinds = page.getByTestId('chart-kinds');
    await kinds.getByRole('img', { name: /^Acteurs par type : Entreprise 2, Structure de l’ESS 1, Collectivité 1, Recherche, formation 0/ }).waitFor();
    expect(await chartData('kinds')).toMatchObject({ 'Entreprise': ['2'], 'Structure de l’ESS': ['1'], 'Collectivité': ['1'], 'Collectif citoyen': ['0'] });
    expect(await chartData('economies')).toEqual({ 'Classique': ['2'], 'ESS': ['1'], 'Public': ['1'] });
    // Offers, needs, total.
    expect(await chartData('families')).toMatchObject({ 'Énergie': ['1', '1', '2'], 'Eau': ['1', '1', '2'], 'Matières': ['1', '1', '2'], 'Services': ['0', '1', '1'], 'Logistique': ['0', '0', '0'] });
    await page.getByTestId('chart-families').getByRole('img', { name: /Énergie 1 offres et 1 besoins/ }).waitFor();
    // Reached, there now, then two median durations (everything happened today).
    expect(await chartData('funnel')).toEqual({
      'Identifiées': ['3', '0', 'moins d’un jour', '—'],
      'Contactées': ['2', '0', 'moins d’un jour', '—'],
      'À l’étude': ['2', '1', '—', 'moins d’un jour'],
      'Mises en œuvre': ['1', '1', '—', 'moins d’un jour'],
      'Abandonnées': ['1', '1', '—', 'moins d’un jour'],
    });
    expect(await chartData('statuses')).toEqual({ 'Identifiées': ['0'], 'Contactées': ['0'], 'À l’étude': ['1'], 'Mises en œuvre': ['1'], 'Abandonnées': ['1'] });
    const factors = loadEmissionFactors().factors;
    const studyCo2 = 100 * factors['landfill-household-type-waste'].value - 100 * palletKm * factors['road-freight'].value;
    expect(await chartData('impacts')).toEqual({
      'Déchets détournés (t/an)': ['0 t/an', '100 t/an'],
      'Énergie récupérée (MWh/an)': ['500 MWh/an', '0 MWh/an'],
      'Émissions évitées (t CO₂e/an)': [`${amount(500 * factors['natural-gas-heat'].value)} t CO₂e/an`, `${nbsp(amount(studyCo2))} t CO₂e/an`],
      'Transport par camion (km/an)': ['0 km/an', `${nbsp(amount(palletKm * 10))} km/an`],
      'Synergies comptées': ['1', '1'],
    });
    await page.getByTestId('chart-impacts').getByRole('img', { name: /^Impacts annuels estimés.*énergie récupérée 500 MWh\/an et 0 MWh\/an/ }).waitFor();
    await expectAccessible('Tableau de bord');
    await page.screenshot({ path: path.join(SHOTS, 'tableau-de-bord.png'), fullPage: true });
  });

  it('downloads the figures as a CSV file for French Excel', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger les chiffres (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tableau-de-bord-saint-flour-15187-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Rubrique;Élément;Valeur;Unité');
    expect(lines).toEqual(expect.arrayContaining([
      'Territoire;Saint-Flour (commune 15187);;',
      'Acteurs;Total;4;acteurs',
      'Acteurs par type;Entreprise;2;acteurs',
      'Acteurs par économie;ESS;1;acteurs',
      'Offres par famille;Énergie;1;flux',
      'Besoins par famille;Services;1;flux',
      'Synergies par statut actuel;Abandonnées;1;synergies',
      'Synergies ayant atteint l’étape;Identifiées;3;synergies',
      'Impacts des synergies mises en œuvre;Énergie récupérée;500;MWh/an',
      'Impacts des synergies mises en œuvre;Émissions évitées;113,5;t CO₂e/an',
      'Impacts des synergies à l’étude;Déchets détournés;100;t/an',
    ]));
  });

  it('lays the page out for print: no navigation nor controls', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Écrans' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer / enregistrer en PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('combobox', { name: 'Changer de territoire' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1, name: 'Tableau de bord — Saint-Flour' }).isVisible()).toBe(true);
    expect(await page.getByTestId('chart-funnel').getByRole('img').isVisible()).toBe(true);
    // The browser names the PDF after the title.
    expect(await page.title()).toBe('Tableau de bord — Saint-Flour — Maillage');
    // About the width of an A4 page at 96 dpi, less the margins.
    await page.setViewportSize({ width: 720, height: 1000 });
    await page.screenshot({ path: path.join(SHOTS, 'tableau-de-bord-impression.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ media: 'screen' });
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord — Saint-Flour' }).waitFor();
    // Charts redraw for the narrow width: nothing sticks out sideways.
    await page.waitForFunction('document.documentElement.scrollWidth <= window.innerWidth');
    const svgWidth = await page.getByTestId('chart-kinds').locator('svg').evaluate((s: any) => s.getBoundingClientRect().width as number);
    expect(svgWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'tableau-de-bord-telephone.png'), fullPage: true });
    await expectAccessible('Tableau de bord (téléphone)');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('says so when a territory has no actors nor synergies', async () => {
    await page.goto(`${api.url}/#/tableau?code=${MAURIAC}&level=COMMUNE`);
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord — Mauriac' }).waitFor();
    await page.getByText('Aucun acteur n’est encore localisé dans ce territoire.').waitFor();
    await page.getByText('Aucune synergie suivie dans ce territoire.').waitFor();
    await page.getByText('Aucune synergie à l’étude ni mise en œuvre : pas encore d’impact à estimer.').waitFor();
    expect(await figure('actors').locator('.figure-value').textContent()).toBe('0');
    await expectAccessible('Tableau de bord vide');
  });

  it('explains an unknown territory code in French', async () => {
    await page.goto(`${api.url}/#/tableau?code=nulle-part`);
    await page.getByRole('alert').getByText('Aucun territoire ne porte le code « nulle-part ». Choisissez-en un avec le champ de recherche ci-dessus.').waitFor();
    await page.getByRole('combobox', { name: 'Changer de territoire' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
