import axe from 'axe-core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { startTestApi, TEST_ADMIN, TestApi } from '../support/test-api';

/**
 * The "Sessions de rencontres" screens in Debian's Chromium (see web-client.test.ts): a facilitator
 * signs in, generates the schedule of a session, marks a pitcher absent from round 2 and opens the
 * live view for the big screen, rehearsing it at the start of round 1. Then everything from the
 * page: creating a session (a deadline after the start refused first), changing its settings,
 * registering both sides with wishes (a wish for the same side refused next to it), unregistering,
 * generating its schedule and checking a participant in at the welcome desk, on a phone too.
 */
jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', '..', process.env.UPDATE_SCREENSHOTS ? 'docs' : '.data', 'screenshots');

let api: TestApi;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let sessionId: string;
let title: string;
let formSessionId: string | undefined;
let formTitle: string;
const form = { host: '', pitchers: [] as string[] };
const hosts: { id: string; name: string }[] = [];
const pitchers: { id: string; name: string }[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install chromium) — the browser tests never download a browser.`);
  }
  api = await startTestApi();
  const prefix = api.unique('');
  for (let i = 0; i < 2; i += 1) {
    const name = `${prefix} Commune ${i}`;
    hosts.push({ name, id: await api.addActor(`Commune ${i}`, { lat: 43.6, lon: 1.44 + i / 100 }, { name, kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' }) });
  }
  for (let i = 0; i < 3; i += 1) {
    const name = `${prefix} Jeune pousse ${i}`;
    pitchers.push({ name, id: await api.addActor(`Jeune pousse ${i}`, { lat: 43.61, lon: 1.44 + i / 100 }, { name }) });
  }
  form.host = `${prefix} Mairie de Vitry`;
  await api.addActor('Mairie de Vitry', { lat: 48.79, lon: 2.39 }, { name: form.host, kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' });
  for (const label of ['Atelier Bois', 'Béton Vert', 'Isolants Paille']) {
    form.pitchers.push(`${prefix} ${label}`);
    await api.addActor(label, { lat: 48.8, lon: 2.4 }, { name: `${prefix} ${label}` });
  }
  formTitle = `${prefix} Rencontres ecoCIRC — groupe scolaire`;
  title = `${prefix} Rencontres de test`;
  const startsAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
  const created = await api.gql(`mutation ($input: CreateSessionInput!) { createMatchmakingSession(input: $input) { id } }`, {
    input: { title, startsAt, rounds: 3, tables: 2, pitchMinutes: 5, exchangeMinutes: 10, changeoverMinutes: 5 },
  });
  expect(created.errors).toBeUndefined();
  sessionId = created.data!.createMatchmakingSession.id;
  for (const [id, side] of [...hosts.map((h) => [h.id, 'HOST']), ...pitchers.map((p) => [p.id, 'PITCHER'])]) {
    const res = await api.gql(`mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { side } }`, { input: { sessionId, actorId: id, side } });
    expect(res.errors).toBeUndefined();
  }

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 720 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  for (const id of [sessionId, formSessionId].filter(Boolean)) {
    await api.driver.executeQuery('MATCH (s:MatchmakingSession {id: $id}) OPTIONAL MATCH (s)<-[]-(x) DETACH DELETE s, x', { id });
  }
  await api?.stop();
});

async function expectAccessible(screen: string): Promise<void> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate<axe.AxeResults>('window.axe.run(document)');
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
}

const cell = (round: number, table: number) => page.getByTestId(`cell-${round}-${table}`);
const cellText = async (round: number, table: number) => (await cell(round, table).textContent()) ?? '';

describe('the speed-meeting sessions screens', () => {
  it('signs in and lists the session, upcoming', async () => {
    await page.goto(`${api.url}/#/connexion`);
    await page.getByLabel('Adresse e-mail').fill(TEST_ADMIN.email);
    await page.getByLabel('Mot de passe').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Mon compte' }).waitFor();
    await page.getByRole('navigation', { name: 'Écrans' }).getByRole('link', { name: 'Sessions de rencontres' }).click();
    const item = page.getByTestId('session-list').getByRole('listitem').filter({ hasText: title });
    await item.getByText('à venir', { exact: true }).waitFor();
    await expectAccessible('Sessions de rencontres');
    await item.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  });

  it('generates the schedule and shows it as a grid of rounds × tables with its statistics', async () => {
    const participants = page.getByTestId('participants');
    for (const p of [...hosts, ...pitchers]) await participants.getByRole('rowheader', { name: p.name }).waitFor();
    await page.getByLabel(/^Graine/).fill('7');
    await page.getByRole('button', { name: 'Générer le planning' }).click();
    await page.getByTestId('schedule-grid').waitFor();
    await page.getByTestId('schedule-stats').getByText(/Rencontres par participant : min \d+, moyenne [\d,]+, max \d+/).waitFor();
    const first = await cellText(1, 1);
    expect(hosts.some((h) => first.includes(h.name))).toBe(true);
    expect(pitchers.some((p) => first.includes(p.name))).toBe(true);
    await expect(cell(1, 1).getAttribute('title')).resolves.toMatch(/^Score /);
    await page.screenshot({ path: path.join(SHOTS, 'session-planning.png'), fullPage: true });
    await expectAccessible('Session : planning');
  });

  it('marks a pitcher absent from round 2: their later cells go, round 1 stays as it was', async () => {
    const round1 = [await cellText(1, 1), await cellText(1, 2)];
    const absent = pitchers.find((p) => round1.some((t) => t.includes(p.name)))!;
    const row = page.getByTestId('participants').getByRole('row').filter({ has: page.getByRole('rowheader', { name: absent.name }) });
    await row.getByLabel('À partir du tour').selectOption('2');
    await row.getByRole('button', { name: `Marquer absent : ${absent.name}` }).click();
    await page.getByRole('status').filter({ hasText: 'absent à partir du tour 2' }).waitFor();
    await row.getByText('absent dès le tour 2').waitFor();
    expect([await cellText(1, 1), await cellText(1, 2)]).toEqual(round1);
    for (const r of [2, 3]) for (const t of [1, 2]) expect(await cellText(r, t)).not.toContain(absent.name);
    expect(pageErrors).toEqual([]);
  });

  it('opens the live view and rehearses it during round 1, with a running countdown', async () => {
    await page.getByRole('link', { name: 'Vue en direct (grand écran)' }).click();
    await page.getByTestId('live-view').waitFor();
    const windows = await api.gql(`query ($id: ID!) { matchmakingSession(id: $id) { roundWindows { round startsAt } } }`, { id: sessionId });
    const start = Date.parse(windows.data!.matchmakingSession.roundWindows[0].startsAt) + 60_000;
    const local = new Date(start).toLocaleString('sv-SE', { timeZone: 'Europe/Paris' }).replace(' ', 'T').slice(0, 16);
    await page.getByLabel(/^Répétition/).fill(local);
    await page.getByText('Tour 1 / 3').waitFor();
    await page.locator('.live-phase').filter({ hasText: 'Présentation' }).waitFor();
    const timer = page.getByRole('timer');
    const before = await timer.textContent();
    expect(before).toMatch(/^0[345]:\d\d$/); // a minute into the round, to the minute: 4 to 5 minutes of the pitch left
    await page.waitForFunction(`document.querySelector('[role=timer]').textContent !== ${JSON.stringify(before)}`, undefined, { timeout: 5000 });
    await page.getByTestId('live-tables').getByRole('rowheader', { name: '1' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'session-direct.png') });
    await expectAccessible('Session : vue en direct');
    expect(pageErrors).toEqual([]);
  });
});

/** A day ahead, as the date field of a form in Paris wants it. */
const parisDay = (daysAhead: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + daysAhead * 86_400_000));
const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

/** Picks a structure in a search-then-choose picker, the way a user types its name. */
async function pickActor(label: string, name: string): Promise<void> {
  await page.getByLabel(`${label} (recherche par nom)`).fill(name);
  await page.getByLabel(label, { exact: true }).locator('option:checked', { hasText: name }).waitFor({ state: 'attached' });
}

describe('a session run entirely from the page', () => {
  it('creates a session with the ecoCIRC durations prefilled, after a deadline later than the start is refused next to its field', async () => {
    await page.goto(`${api.url}/#/sessions`);
    await page.getByRole('link', { name: 'Nouvelle session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle session de rencontres' }).waitFor();
    for (const [label, value] of [['Présentation (min)', '5'], ['Échange (min)', '15'], ['Changement de table (min)', '5'], ['Nombre de tours', '6']]) {
      expect([label, await page.getByLabel(label, { exact: true }).inputValue()]).toEqual([label, value]);
    }
    expect(await page.getByRole('radio', { name: 'Bipartite (format ecoCIRC)' }).isChecked()).toBe(true);
    await page.getByText(/Deux côtés : les structures qui accueillent/).waitFor();

    await page.getByLabel('Titre', { exact: true }).fill(formTitle);
    await page.getByLabel('Date', { exact: true }).fill(parisDay(20));
    await page.getByLabel('Heure de début', { exact: true }).fill('09:00');
    await page.getByLabel('Nombre de tours', { exact: true }).fill('3');
    await page.getByLabel('Nombre de tables', { exact: true }).fill('2');
    await page.getByText('3 tours : 1 h 10 min en tout : de 09:00 à 10:10.').waitFor();
    await page.getByLabel('Jour de clôture', { exact: true }).fill(parisDay(20));
    await page.getByLabel('Heure de clôture', { exact: true }).fill('10:00');
    await page.getByRole('button', { name: 'Créer la session' }).click();
    const deadlineError = page.getByText(/La clôture des inscriptions doit avoir lieu au plus tard au début de la session/);
    await deadlineError.waitFor();
    expect(await page.getByLabel('Jour de clôture', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Jour de clôture', { exact: true }).getAttribute('aria-describedby')).toBe(await deadlineError.getAttribute('id'));
    await page.getByRole('alert').getByText('Un champ est à corriger').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'session-creation.png'), fullPage: true });
    await expectAccessible('Nouvelle session (erreur)');

    await page.getByLabel('Heure de clôture', { exact: true }).fill('08:00');
    expect(await deadlineError.count()).toBe(0);
    await page.getByLabel('Nom du lieu', { exact: true }).fill('Salle du conseil');
    await page.getByLabel('Nom du projet', { exact: true }).fill('Groupe scolaire Jean-Jaurès');
    await page.getByLabel('Besoins du projet (un par ligne)').fill('isolation biosourcée\ngestion des biodéchets de la cantine');
    await page.getByRole('button', { name: 'Créer la session' }).click();
    await page.getByRole('heading', { level: 1, name: formTitle }).waitFor();
    await status('Session créée.').waitFor();
    formSessionId = new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('id') ?? undefined;
    expect(formSessionId).toBeTruthy();
    await page.getByText('Bipartite (présentations aux tables d’accueil) · 3 tours · 2 tables').waitFor();
    await page.getByText(/^jusqu’au .* 08:00$/).waitFor();
    await page.getByText('Groupe scolaire Jean-Jaurès — besoins : isolation biosourcée, gestion des biodéchets de la cantine').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('changes the settings through the same form, prefilled', async () => {
    await page.getByRole('link', { name: 'Modifier les réglages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifier les réglages de la session' }).waitFor();
    await page.waitForFunction(`document.getElementById('session-title')?.value === ${JSON.stringify(formTitle)}`);
    expect(await page.getByLabel('Heure de début', { exact: true }).inputValue()).toBe('09:00');
    await page.getByText(/Le format ne change plus après la création/).waitFor();
    await page.getByLabel('Échange (min)', { exact: true }).fill('10');
    await page.getByLabel('Nom du lieu', { exact: true }).fill('Salle des fêtes');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await status('Réglages enregistrés.').waitFor();
    await page.getByText('5 min de présentation, 10 min d’échange, 5 min pour changer de table').waitFor();
    await page.getByText('Salle des fêtes').waitFor();
  });

  it('registers both sides through the form; a wish for someone on the same side is refused next to that wish', async () => {
    const [wood, concrete, straw] = form.pitchers;
    await page.getByRole('link', { name: 'Inscrire un participant' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inscrire un participant' }).waitFor();

    // The collectivité: its side is guessed from its kind; nobody of the other side to wish for yet.
    await pickActor('Structure à inscrire', form.host);
    expect(await page.getByRole('radio', { name: /^Accueille à une table/ }).isChecked()).toBe(true);
    await page.getByLabel('Nom', { exact: true }).fill('Claire Martin');
    await page.getByLabel('Fonction', { exact: true }).fill('Chargée de mission économie circulaire');
    await page.getByText(/Personne n’est encore inscrit de l’autre côté/).waitFor();
    await expectAccessible('Inscription');
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await status(`${form.host} : inscription enregistrée (accueille).`).waitFor();

    // A company that misses round 3 and must meet the collectivité.
    await pickActor('Structure à inscrire', wood);
    expect(await page.getByRole('radio', { name: /^Présente/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /^Tour 3/ }).uncheck();
    await page.getByTestId('wishes').getByLabel(form.host).selectOption('3');
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await status(`${wood} : inscription enregistrée (présente).`).waitFor();

    // Another company: a wish made as a host stays when the side changes, and the API refuses it.
    await pickActor('Structure à inscrire', concrete);
    await page.getByRole('radio', { name: /^Accueille à une table/ }).check();
    await page.getByTestId('wishes').getByLabel(wood).selectOption('2');
    await page.getByRole('radio', { name: /^Présente/ }).check();
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    const sameSide = page.getByTestId('wishes').getByText(/Elle présente aussi : en session bipartite, on ne rencontre que l’autre côté/);
    await sameSide.waitFor();
    const woodWish = page.getByTestId('wishes').getByLabel(wood);
    expect(await woodWish.getAttribute('aria-invalid')).toBe('true');
    expect(await woodWish.getAttribute('aria-describedby')).toBe(await sameSide.getAttribute('id'));
    await page.screenshot({ path: path.join(SHOTS, 'session-inscription.png'), fullPage: true });
    await expectAccessible('Inscription (souhait refusé)');
    await woodWish.selectOption('0');
    await page.getByTestId('wishes').getByLabel(form.host).selectOption('1');
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await status(`${concrete} : inscription enregistrée (présente).`).waitFor();

    await pickActor('Structure à inscrire', straw);
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await status(`${straw} : inscription enregistrée (présente).`).waitFor();

    await page.getByRole('link', { name: '← Retour à la session' }).click();
    const participants = page.getByTestId('participants');
    await participants.getByRole('rowheader', { name: straw }).waitFor();
    const woodRow = participants.getByRole('row').filter({ has: page.getByRole('rowheader', { name: wood }) });
    await woodRow.getByText(`${form.host} (indispensable)`).waitFor();
    await woodRow.getByRole('cell', { name: '1, 2', exact: true }).waitFor();
    const hostRow = participants.getByRole('row').filter({ has: page.getByRole('rowheader', { name: form.host }) });
    await hostRow.getByText('Claire Martin (Chargée de mission économie circulaire)').waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await participants.getByRole('button', { name: `Désinscrire ${straw}` }).click();
    await status(`${straw} : inscription retirée.`).waitFor();
    expect(await participants.getByRole('rowheader', { name: straw }).count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: 'Participants (3)' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('generates the schedule of the new session and checks a participant in at the welcome desk, then undoes it', async () => {
    await page.getByRole('button', { name: 'Générer le planning' }).click();
    await page.getByTestId('schedule-grid').waitFor();
    await page.getByTestId('schedule-grid').getByText(form.host).first().waitFor();

    const count = page.getByTestId('checkin-count');
    expect(await count.textContent()).toBe('0 arrivé·e sur 3 inscrit·es');
    await page.getByText('Pointer les arrivées').click();
    const hostBox = page.getByTestId('checkin-list').getByRole('checkbox', { name: new RegExp(`^Présent·e ${form.host}`) });
    await hostBox.check();
    await status(new RegExp(`^${form.host} : arrivée notée à \\d\\d:\\d\\d\\.$`)).waitFor();
    expect(await count.textContent()).toBe('1 arrivé·e sur 3 inscrit·es');
    await expectAccessible('Session : accueil');

    // Stored, not only shown: a reload (a second device at the door) sees the arrival.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: formTitle }).waitFor();
    expect(await count.textContent()).toBe('1 arrivé·e sur 3 inscrit·es');

    // On a phone: the list fits the width and the box is a large target.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByText('Pointer les arrivées').click();
    expect(await hostBox.isChecked()).toBe(true);
    const box = await hostBox.locator('xpath=ancestor::label').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    // Nothing sticks out of the screen (wide tables scroll inside their own box).
    const overflowing = `[...document.querySelectorAll('main *')].filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ': ' + (e.textContent || '').slice(0, 40))`;
    expect(await page.evaluate<string[]>(overflowing)).toEqual([]);
    await page.getByTestId('checkin-list').screenshot({ path: path.join(SHOTS, 'session-accueil-mobile.png') });
    await hostBox.uncheck();
    await status(`${form.host} : arrivée annulée.`).waitFor();
    expect(await count.textContent()).toBe('0 arrivé·e sur 3 inscrit·es');
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(pageErrors).toEqual([]);
  });

  it('links to the follow-up of the session', async () => {
    await page.getByRole('link', { name: 'Suivi des rencontres' }).click();
    await page.waitForURL((url) => url.hash.includes('vue=suivi'));
    expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('id')).toBe(formSessionId);
  });
});
