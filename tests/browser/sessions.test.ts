import axe from 'axe-core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { startTestApi, TEST_ADMIN, TestApi } from '../support/test-api';

/**
 * The "Sessions de rencontres" screens in Debian's Chromium (see web-client.test.ts): a facilitator
 * signs in, generates the schedule of a session, marks a pitcher absent from round 2 and opens the
 * live view for the big screen, rehearsing it at the start of round 1.
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
  if (sessionId) await api.driver.executeQuery('MATCH (s:MatchmakingSession {id: $id}) OPTIONAL MATCH (s)<-[]-(x) DETACH DELETE s, x', { id: sessionId });
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
