import axe from 'axe-core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { destination } from '../support/haversine';
import { startTestApi, TEST_ADMIN, TestApi } from '../support/test-api';

/**
 * Tracking synergies in Debian's Chromium (see web-client.test.ts): a visitor sees no tracking
 * button; a signed-in facilitator tracks a lead from the explorer, is told when flows are tracked
 * already, then moves the synergy on the "Suivi des synergies" board with its buttons (keyboard
 * too) and by drag-and-drop, abandons it with a reason and reads the whole history.
 * Screenshots go to .data/screenshots unless UPDATE_SCREENSHOTS is set.
 */
jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', '..', process.env.UPDATE_SCREENSHOTS ? 'docs' : '.data', 'screenshots');
// Guéret (Creuse): no other test file puts actors there, and its code isolates the board.
const GUERET = { code: '23096', centre: { lat: 46.1714, lon: 1.8713 } };
const PALLETS = 'material.wood.pallets';
const HEAT = 'energy.waste-heat.low-temperature';
const COMMENT = 'L’atelier a trouvé des palettes neuves moins chères.';

let api: TestApi;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let names: { sawmill: string; workshop: string };
let palletTitle: string;
let heatId: string;
let sawmill: string;
let workshop: string;
let palletNeed: string;
const actorIds: string[] = [];
const pageErrors: string[] = [];

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await api.gql(query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const TRACK = 'mutation ($input: TrackSynergyInput!) { trackSynergy(input: $input) { id title } }';
const MOVE = 'mutation ($id: ID!, $input: MoveSynergyInput!) { moveSynergy(id: $id, input: $input) { status } }';

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install chromium) — the browser tests never download a browser.`);
  }
  api = await startTestApi();
  const prefix = api.unique('');
  names = { sawmill: `${prefix} Scierie du Maupuy (fictive)`, workshop: `${prefix} Atelier d’insertion (fictif)` };
  sawmill = await api.addActor('Scierie', GUERET.centre, { name: names.sawmill, communeCode: GUERET.code });
  workshop = await api.addActor('Atelier', destination(GUERET.centre, 90, 1), {
    name: names.workshop, communeCode: GUERET.code, kind: 'ESS_STRUCTURE', economy: 'ESS', legalForm: 'Association',
  });
  actorIds.push(sawmill, workshop);
  await api.addFlow(sawmill, { direction: 'OFFER', description: 'Palettes en bois réformées', categoryCode: PALLETS, quantity: 100, unit: 't/yr' });
  palletNeed = await api.addFlow(workshop, { direction: 'NEED', description: 'Palettes pour fabriquer du mobilier', categoryCode: PALLETS, quantity: 80, unit: 't/yr' });
  // A second lead, tracked and implemented through the API: the explorer must say it is tracked already.
  const heatOffer = await api.addFlow(sawmill, { direction: 'OFFER', description: 'Chaleur des séchoirs à bois', categoryCode: HEAT, quantity: 500, unit: 'MWh/yr', temperatureC: 45 });
  const heatNeed = await api.addFlow(workshop, { direction: 'NEED', description: 'Chauffage de l’atelier', categoryCode: HEAT, quantity: 300, unit: 'MWh/yr', temperatureC: 30 });
  heatId = (await ok(TRACK, { input: { kind: 'SUBSTITUTION', flowIds: [heatOffer, heatNeed] } })).trackSynergy.id;
  await ok(MOVE, { id: heatId, input: { status: 'CONTACTED' } });
  await ok(MOVE, { id: heatId, input: { status: 'IMPLEMENTED', comment: 'Réseau de chaleur posé' } });
  palletTitle = `Substitution : ${names.sawmill} → ${names.workshop}`;

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 720 },
    locale: 'fr-FR',
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

const explorerUrl = () => `${api.url}/#/explorer?lat=${GUERET.centre.lat}&lon=${GUERET.centre.lon}&r=3`;
/** A ranked synergy of the explorer, by the words of its flows (not its nested list of reasons). */
const lead = (text: string): Locator => page.getByTestId('synergy-list').locator(':scope > li').filter({ hasText: text });
const column = (status: string) => page.getByTestId(`column-${status}`);
const card = (status: string) => column(status).getByTestId('synergy-card').filter({ hasText: palletTitle });
const activeText = () => page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""');

/** HTML5 drag-and-drop with the mouse, from the card's padding (not one of its buttons). */
async function drag(from: Locator, to: Locator): Promise<void> {
  await from.dragTo(to, { sourcePosition: { x: 4, y: 4 } });
}

describe('tracking synergies in Chromium', () => {
  it('asks the API only for fields the schema has', async () => {
    const { buildSchema, parse, validate } = await import('graphql');
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
    const queries = await import('../../web-client/src/queries-pipeline');
    const operations = Object.entries(queries).filter(([name]) => /_(QUERY|MUTATION)$/.test(name));
    expect(operations.map(([name]) => name).sort()).toEqual(['BOARD_QUERY', 'COLUMN_QUERY', 'MOVE_SYNERGY_MUTATION', 'SYNERGY_DETAIL_QUERY', 'TRACK_SYNERGY_MUTATION']);
    for (const [name, text] of operations) expect([name, validate(schema, parse(text as string)).map((e) => e.message)]).toEqual([name, []]);
  });

  it('shows a visitor the leads without any tracking button, and one invitation to sign in', async () => {
    await page.goto(explorerUrl());
    await lead('Palettes en bois réformées').waitFor();
    await lead('Chaleur des séchoirs').waitFor();
    expect(await page.getByRole('button', { name: 'Suivre cette synergie' }).count()).toBe(0);
    expect(await page.locator('.sign-in-required').count()).toBe(1);
    await page.locator('.sign-in-required').getByRole('link', { name: 'Se connecter' }).waitFor();
    await page.goto(`${api.url}/#/suivi`);
    await page.locator('.sign-in-required').getByText(/réservé aux personnes connectées/).waitFor();
    expect(await page.getByTestId('pipeline-board').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('signs in as the administrator', async () => {
    await page.goto(`${api.url}/#/connexion`);
    await page.getByLabel('Adresse e-mail').fill(TEST_ADMIN.email);
    await page.getByLabel('Mot de passe').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Mon compte' }).waitFor();
  });

  it('tracks a lead from the explorer, confirming it with a link to the board', async () => {
    await page.goto(explorerUrl());
    const pallets = lead('Palettes en bois réformées');
    await pallets.getByRole('button', { name: 'Suivre cette synergie' }).click();
    await pallets.getByText('Synergie suivie, au statut « Identifiée ».').waitFor();
    const link = pallets.getByRole('link', { name: 'Voir dans le suivi des synergies' });
    expect(await link.getAttribute('href')).toMatch(/^#\/suivi\?id=/);
    // The button went away: focus moved to the link, where the user goes next.
    expect(await activeText()).toBe('Voir dans le suivi des synergies');
    expect(await page.locator('.sign-in-required').count()).toBe(0);
  });

  it('says in French when the flows are tracked already, with a link to that synergy', async () => {
    const heat = lead('Chaleur des séchoirs');
    await heat.getByRole('button', { name: 'Suivre cette synergie' }).click();
    await heat.getByText('Ces flux sont déjà suivis (statut « Mise en œuvre »).').waitFor();
    expect(await heat.getByRole('link', { name: 'Voir la synergie suivie' }).getAttribute('href')).toBe(`#/suivi?id=${heatId}`);
    await page.screenshot({ path: path.join(SHOTS, 'explorateur-suivi.png'), fullPage: true });
    await expectAccessible('Explorateur (suivi)');
    expect(pageErrors).toEqual([]);
  });

  it('opens the tracked synergy, then the board filtered by territory (kept in the address)', async () => {
    await lead('Palettes en bois réformées').getByRole('link', { name: 'Voir dans le suivi des synergies' }).click();
    await page.getByRole('heading', { level: 1, name: palletTitle }).waitFor();
    await page.getByTestId('detail-status').getByText('Identifiée').waitFor();
    await page.getByRole('link', { name: '← Tableau de suivi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suivi des synergies' }).waitFor();
    await page.getByLabel('Code du territoire').fill(GUERET.code);
    await page.getByLabel('Type de synergie').selectOption('SUBSTITUTION');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForFunction(`location.hash.includes('t=${GUERET.code}') && location.hash.includes('kind=SUBSTITUTION')`);
    await column('IDENTIFIED').getByRole('heading', { name: 'Identifiée (1)' }).waitFor();
    await column('IMPLEMENTED').getByRole('heading', { name: 'Mise en œuvre (1)' }).waitFor();
    for (const [status, label] of [['CONTACTED', 'Contactée'], ['IN_STUDY', 'En étude'], ['ABANDONED', 'Abandonnée']]) {
      await column(status).getByRole('heading', { name: `${label} (0)` }).waitFor();
    }
    const item = card('IDENTIFIED');
    await item.getByText(`${names.sawmill}, ${names.workshop}`).waitFor();
    await item.getByText('Substitution', { exact: true }).waitFor();
    await item.getByText('depuis aujourd’hui').waitFor();
    await item.getByText(/t détournées des déchets par an/).waitFor();
    // The implemented one shows its impacts and no move: it is final.
    await column('IMPLEMENTED').getByText(/MWh récupérés par an/).waitFor();
    await column('IMPLEMENTED').getByText('Étape finale : la synergie est mise en œuvre.').waitFor();
  });

  it('moves the synergy to CONTACTED from the keyboard, then to IN_STUDY with a button', async () => {
    await card('IDENTIFIED').getByRole('button', { name: 'Contactée' }).focus();
    await page.keyboard.press('Enter');
    await card('CONTACTED').waitFor();
    expect(await card('IDENTIFIED').count()).toBe(0);
    await page.getByText(`« ${palletTitle} » est passée de « Identifiée » à « Contactée ».`).waitFor({ state: 'attached' });
    // Focus follows the card to its new column.
    expect(await page.evaluate<string>('document.activeElement ? document.activeElement.getAttribute("data-testid") : ""')).toBe('synergy-card');
    await column('CONTACTED').getByRole('heading', { name: 'Contactée (1)' }).waitFor();
    await column('IDENTIFIED').getByRole('heading', { name: 'Identifiée (0)' }).waitFor();

    await card('CONTACTED').getByRole('button', { name: 'En étude' }).click();
    await card('IN_STUDY').waitFor();
    await column('IN_STUDY').getByRole('heading', { name: 'En étude (1)' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'suivi.png'), fullPage: true });
    await expectAccessible('Suivi des synergies');
  });

  it('fits a phone: the columns stack and nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await card('IN_STUDY').getByRole('button', { name: 'Mise en œuvre' }).waitFor();
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      const [first, second] = await Promise.all([column('IDENTIFIED').boundingBox(), column('CONTACTED').boundingBox()]);
      expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
      await page.screenshot({ path: path.join(SHOTS, 'suivi-telephone.png'), fullPage: true });
      await expectAccessible('Suivi des synergies (téléphone)');
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('refuses a drop on a column the synergy may not move to (no move backwards)', async () => {
    await drag(card('IN_STUDY'), column('CONTACTED'));
    await page.waitForTimeout(500);
    expect(await card('CONTACTED').count()).toBe(0);
    expect(await card('IN_STUDY').count()).toBe(1);
  });

  it('asks why when abandoning, with the errors next to the fields', async () => {
    await card('IN_STUDY').getByRole('button', { name: 'Abandonner…' }).click();
    const dialog = page.getByRole('dialog', { name: `Abandonner « ${palletTitle} »` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Abandonner la synergie' }).click();
    await dialog.getByText('Choisissez la raison de l’abandon.').waitFor();
    expect(await dialog.getByLabel('Raison de l’abandon').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Raison de l’abandon').getAttribute('aria-describedby')).toBe('abandon-reason-error');

    await dialog.getByLabel('Raison de l’abandon').selectOption({ label: 'Autre raison (à préciser)' });
    await dialog.getByRole('button', { name: 'Abandonner la synergie' }).click();
    const missing = 'Avec la raison « Autre », dites en quelques mots pourquoi la synergie est abandonnée.';
    await dialog.getByText(missing).waitFor();
    const comment = dialog.getByLabel('Commentaire (obligatoire)');
    expect(await comment.getAttribute('aria-invalid')).toBe('true');
    expect(await comment.getAttribute('aria-describedby')).toBe('abandon-comment-error');
    expect(await card('ABANDONED').count()).toBe(0);
    await expectAccessible('Abandon d’une synergie');

    await comment.fill(COMMENT);
    await dialog.getByRole('button', { name: 'Abandonner la synergie' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card('ABANDONED').getByText(/Autre raison \(à préciser\)/).waitFor();
    await column('ABANDONED').getByRole('heading', { name: 'Abandonnée (1)' }).waitFor();
    await column('IN_STUDY').getByRole('heading', { name: 'En étude (0)' }).waitFor();
  });

  it('reopens the abandoned synergy by drag-and-drop onto « Identifiée »', async () => {
    await drag(card('ABANDONED'), column('IDENTIFIED'));
    await card('IDENTIFIED').waitFor();
    expect(await card('ABANDONED').count()).toBe(0);
    await column('IDENTIFIED').getByRole('heading', { name: 'Identifiée (1)' }).waitFor();
    const { synergy } = await ok('query ($id: ID!) { synergy(id: $id) { status } }', {
      id: (await card('IDENTIFIED').getByRole('link', { name: palletTitle }).getAttribute('href'))!.replace(/.*[?&]id=([^&]+).*/, '$1'),
    });
    expect(synergy.status).toBe('IDENTIFIED');
  });

  it('lists every change in the history: who, when, from → to, reason and comment', async () => {
    await card('IDENTIFIED').getByRole('link', { name: palletTitle }).click();
    await page.getByRole('heading', { level: 1, name: palletTitle }).waitFor();
    const history = page.getByTestId('history');
    await history.getByRole('listitem').nth(4).waitFor();
    const changes = await history.locator(':scope > li .change').allTextContents();
    expect(changes).toEqual([
      'Suivi créé : Identifiée',
      'Identifiée → Contactée',
      'Contactée → En étude',
      'En étude → Abandonnée',
      'Abandonnée → Identifiée (réouverture)',
    ]);
    expect(await history.getByText(`par ${TEST_ADMIN.email}`).count()).toBe(5);
    expect(await history.locator('time').count()).toBe(5);
    const abandon = history.locator(':scope > li').nth(3);
    await abandon.getByText('Raison : Autre raison (à préciser)').waitFor();
    await abandon.getByText(`« ${COMMENT} »`).waitFor();
    // Flows, actors and impacts of the synergy.
    await page.getByText('« Palettes en bois réformées »').waitFor();
    await page.getByText('« Palettes pour fabriquer du mobilier »').waitFor();
    await page.getByRole('region', { name: /Acteurs/ }).getByRole('link', { name: names.workshop }).waitFor();
    await page.getByTestId('detail-impacts').getByText(/t détournées des déchets par an/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'suivi-historique.png'), fullPage: true });
    await expectAccessible('Historique d’une synergie');
    expect(pageErrors).toEqual([]);
  });

  it('moves from the detail view with a comment, which joins the history', async () => {
    await page.getByLabel('Commentaire joint au changement (facultatif)').fill('Premier appel au directeur');
    await page.getByRole('group', { name: `Déplacer « ${palletTitle} »` }).getByRole('button', { name: 'Contactée' }).click();
    await page.getByTestId('history').getByText('« Premier appel au directeur »').waitFor();
    await page.getByTestId('detail-status').getByText('Contactée').waitFor();
  });

  it('says which territory code is unknown, next to the field, and shows an empty board for another kind', async () => {
    await page.getByRole('link', { name: '← Tableau de suivi' }).click();
    await card('CONTACTED').waitFor();
    await page.getByLabel('Type de synergie').selectOption('MUTUALISATION');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('Aucune synergie suivie pour ces filtres.', { exact: false }).waitFor();
    await page.getByLabel('Code du territoire').fill('ZZ999');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('Aucun territoire n’a le code « ZZ999 ».').waitFor();
    expect(await page.getByLabel('Code du territoire').getAttribute('aria-invalid')).toBe('true');
    expect(pageErrors).toEqual([]);
  });

  it('pages a long column with « Afficher plus »', async () => {
    // 21 more leads on the same need: one more than a page of the column.
    for (let i = 0; i < 21; i++) {
      const offer = await api.addFlow(sawmill, { direction: 'OFFER', description: `Lot de palettes n° ${i + 1}`, categoryCode: PALLETS, quantity: 10, unit: 't/yr' });
      await ok(TRACK, { input: { kind: 'SUBSTITUTION', flowIds: [offer, palletNeed], title: `Lot de palettes n° ${i + 1}` } });
    }
    await page.goto(`${api.url}/#/suivi?kind=SUBSTITUTION&t=${GUERET.code}`);
    await column('IDENTIFIED').getByRole('heading', { name: 'Identifiée (21)' }).waitFor();
    expect(await column('IDENTIFIED').getByTestId('synergy-card').count()).toBe(20);
    await column('IDENTIFIED').getByRole('button', { name: 'Afficher plus (1 de plus)' }).click();
    // Newest first: the oldest of them comes last.
    await column('IDENTIFIED').getByTestId('synergy-card').nth(20).getByText('Lot de palettes n° 1', { exact: true }).waitFor();
    expect(await column('IDENTIFIED').getByRole('button', { name: /Afficher plus/ }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
