import axe from 'axe-core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { destination } from '../support/haversine';
import { startTestApi, TEST_ADMIN, TestApi } from '../support/test-api';

/**
 * The web client in a real browser: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), against the real server and Neo4j. Every run saves its screenshots under
 * .data/screenshots (ignored by git); `UPDATE_SCREENSHOTS=1 npm test` writes them to
 * docs/screenshots instead, the ones the README shows, so that a plain test run leaves the
 * working tree clean.
 */
jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', '..', process.env.UPDATE_SCREENSHOTS ? 'docs' : '.data', 'screenshots');
// A quiet corner of the Morbihan, far from the other test files' actors.
const ORIGIN = { lat: 47.62, lon: -2.76 };
const HEAT = 'energy.waste-heat.low-temperature';

let api: TestApi;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let dataCentre: string;
let names: { dataCentre: string; pool: string; ressourcerie: string };

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install chromium) — the browser tests never download a browser.`);
  }
  api = await startTestApi();
  const prefix = api.unique('');
  names = { dataCentre: `${prefix} Centre de données`, pool: `${prefix} Piscine`, ressourcerie: `${prefix} Ressourcerie` };
  dataCentre = await api.addActor('Centre de données', ORIGIN, { name: names.dataCentre });
  await api.addFlow(dataCentre, { direction: 'OFFER', description: 'Chaleur fatale des serveurs', categoryCode: HEAT, quantity: 500, unit: 'MWh/yr', temperatureC: 45 });
  const pool = await api.addActor('Piscine', destination(ORIGIN, 90, 1), { name: names.pool, kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' });
  await api.addFlow(pool, { direction: 'NEED', description: 'Chauffage du bassin', categoryCode: HEAT, quantity: 400, unit: 'MWh/yr', temperatureC: 30 });
  const ressourcerie = await api.addActor('Ressourcerie', destination(ORIGIN, 200, 1.2), { name: names.ressourcerie, kind: 'ESS_STRUCTURE', economy: 'ESS', legalForm: 'Association' });
  await api.addFlow(ressourcerie, { direction: 'NEED', description: 'Palettes en bois pour l’atelier', categoryCode: 'material.wood.pallets', quantity: 5, unit: 't/yr' });

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 720 },
    locale: 'fr-FR',
  });
  page = context.pages()[0] ?? (await context.newPage());
  // No third-party request: anything not to our server fails the test.
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(api.url) && !url.startsWith('data:')) thirdParty.push(url);
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  fs.mkdirSync(SHOTS, { recursive: true });
});

const thirdParty: string[] = [];
const pageErrors: string[] = [];

afterAll(async () => {
  await context?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  await api?.stop();
});

async function expectAccessible(screen: string): Promise<void> {
  // Strings run in the page (this file is compiled without the DOM's types).
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate<axe.AxeResults>('window.axe.run(document)');
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
}

const mapUrl = () => `${api.url}/#/carte?lat=${ORIGIN.lat}&lon=${ORIGIN.lon}&r=3`;
const actorTable = () => page.getByTestId('actor-table');

describe('the web client in Chromium', () => {
  it('shows the seeded actors as markers and their synergy as a line on the map', async () => {
    await page.goto(mapUrl());
    await page.getByRole('status').filter({ hasText: /acteur/ }).waitFor().catch(() => undefined);
    expect(pageErrors).toEqual([]);
    await actorTable().getByRole('button', { name: names.dataCentre }).waitFor();
    await actorTable().getByRole('button', { name: names.pool }).waitFor();
    await page.locator(`.actor-marker[title^="${names.dataCentre}"]`).waitFor();
    await page.locator(`.actor-marker[title^="${names.pool}"]`).waitFor();
    expect(await page.locator('.actor-marker').count()).toBeGreaterThanOrEqual(3);
    await page.locator('path.synergy-line').first().waitFor({ state: 'attached' }); // a flat line has no height: "hidden" to Playwright
    expect(await page.locator('path.synergy-line').count()).toBe(1);
    await expect(page.getByTestId('synergy-table').textContent()).resolves.toContain(names.pool);
    await page.screenshot({ path: path.join(SHOTS, 'carte.png') });
    await expectAccessible('Carte du territoire');
  });

  it('can be used from the keyboard: skip link, then a marker opens its card with Enter', async () => {
    await page.goto(mapUrl());
    await actorTable().getByRole('button', { name: names.pool }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>('document.activeElement && document.activeElement.textContent')).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string | null>('document.activeElement && document.activeElement.id')).toBe('contenu');
    await page.locator(`.actor-marker[title^="${names.pool}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction("location.hash.includes('a=')", undefined, { timeout: 5000 }).catch(() => undefined);
    expect([pageErrors, await page.evaluate<string>('location.hash')]).toEqual([[], expect.stringContaining('a=')]);
    await page.getByTestId('actor-card').getByRole('heading', { name: names.pool }).waitFor();
    await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  });

  it('filters by resource family', async () => {
    await page.getByRole('checkbox', { name: 'Matières' }).check();
    await page.waitForFunction("location.hash.includes('f=MATERIAL')");
    await actorTable().getByRole('button', { name: names.ressourcerie }).waitFor();
    await actorTable().getByRole('button', { name: names.dataCentre }).waitFor({ state: 'detached' });
    await page.waitForFunction("document.querySelectorAll('path.synergy-line').length === 0");
    await page.getByRole('checkbox', { name: 'Matières' }).uncheck();
    await page.getByRole('checkbox', { name: 'Énergie' }).check();
    await actorTable().getByRole('button', { name: names.dataCentre }).waitFor();
    await actorTable().getByRole('button', { name: names.ressourcerie }).waitFor({ state: 'detached' });
    await page.locator('path.synergy-line').first().waitFor({ state: 'attached' }); // a flat line has no height: "hidden" to Playwright
  });

  it('opens an actor card from its marker, with its flows, synergies and complementarities', async () => {
    await page.locator(`.actor-marker[title^="${names.dataCentre}"]`).click();
    const card = page.getByTestId('actor-card');
    await card.getByRole('heading', { name: names.dataCentre }).waitFor();
    await card.getByText('Chaleur fatale des serveurs').waitFor();
    await card.getByText('Chaleur à 45 °C pour un besoin à 30 °C').waitFor();
    await expect(card.getByRole('heading', { name: /^Complémentarités/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'fiche-acteur.png') });
    await expectAccessible('Fiche acteur');
    await card.getByRole('button', { name: 'Fermer la fiche' }).click();
    await card.waitFor({ state: 'detached' });
  });

  it('ranks the synergy in the explorer with its reasons', async () => {
    await page.getByRole('navigation', { name: 'Écrans' }).getByRole('link', { name: 'Explorateur' }).click();
    const list = page.getByTestId('synergy-list');
    await list.waitFor();
    const item = list.getByRole('listitem').filter({ hasText: names.pool }).first();
    await item.getByText('Chaleur à 45 °C pour un besoin à 30 °C').waitFor();
    await item.getByText(/^À 1 km/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'explorateur.png'), fullPage: true });
    await expectAccessible('Explorateur');
  });

  it('signs in with the login form and keeps the token for the tab', async () => {
    await page.getByRole('navigation', { name: 'Écrans' }).getByRole('link', { name: 'Connexion' }).click();
    await expectAccessible('Connexion');
    await page.getByLabel('Adresse e-mail').fill(TEST_ADMIN.email);
    await page.getByLabel('Mot de passe').fill('wrong-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Mot de passe').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Mon compte' }).waitFor();
    expect(await page.evaluate<string | null>("sessionStorage.getItem('maillage.token')")).toMatch(/\S{20,}/);
  });

  it('posts a flow with a live category suggestion and shows the synergy it opens', async () => {
    await page.getByRole('navigation', { name: 'Écrans' }).getByRole('link', { name: 'Déposer un flux' }).click();
    await page.getByRole('heading', { level: 1, name: 'Déposer un flux' }).waitFor();
    await page.getByLabel('Votre structure (recherche par nom)').fill(names.dataCentre);
    await page.getByLabel('Structure', { exact: true }).locator('option', { hasText: names.dataCentre }).waitFor({ state: 'attached' });
    await page.getByLabel('Structure', { exact: true }).selectOption({ label: names.dataCentre });
    await page.getByLabel('Quantité (facultatif)').fill('abc');
    await page.getByRole('button', { name: 'Déposer' }).click();
    await page.getByText('Décrivez la ressource en quelques mots.').waitFor();
    await page.getByText('La quantité doit être un nombre positif.').waitFor();
    await page.getByLabel('Description').fill('Palettes en bois cassées, environ une tonne par mois');
    const suggestions = page.getByTestId('category-suggestions');
    await suggestions.getByText(/palette/i).first().waitFor();
    await page.getByLabel('Quantité (facultatif)').fill('12');
    await page.getByLabel('Unité').selectOption('t/yr');
    await expect(page.locator('.field-error').count()).resolves.toBe(0);
    await expectAccessible('Déposer un flux');
    await page.screenshot({ path: path.join(SHOTS, 'deposer-un-flux.png'), fullPage: true });
    await page.getByRole('button', { name: 'Déposer' }).click();
    const opened = page.getByTestId('posted-synergies');
    await opened.getByRole('heading', { name: new RegExp(names.ressourcerie) }).waitFor();
    await expectAccessible('Flux déposé');
  });

  it('works on a phone, and never calls a third party', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(mapUrl());
    await actorTable().getByRole('button', { name: names.pool }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'carte-telephone.png') });
    await expectAccessible('Carte (téléphone)');
    expect(thirdParty).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
