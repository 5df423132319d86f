import axe from 'axe-core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { startTestApi, TEST_ADMIN, TestApi } from '../support/test-api';

/**
 * The "Groupes de travail" screens in Debian's Chromium (see web-client.test.ts): the plan's
 * progress, a group's board with its indicators, moving an action between columns, an error of
 * the API shown next to the control, meetings and activity. Screenshots go to .data/screenshots
 * unless UPDATE_SCREENSHOTS is set.
 */
jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', '..', process.env.UPDATE_SCREENSHOTS ? 'docs' : '.data', 'screenshots');

let api: TestApi;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let groupId: string;
let groupCode: string;
let actionTitle: string;
const created = { people: [] as string[], groups: [] as string[] };
const pageErrors: string[] = [];

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const daysFromToday = (days: number) => new Date(Date.parse(`${today()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await api.gql(query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install chromium) — the browser tests never download a browser.`);
  }
  api = await startTestApi();
  const { plan } = await ok(`{ plan(code: "praec-occitanie") { id } }`);
  const person = await ok(`mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, { input: { name: 'Claire Martin', email: TEST_ADMIN.email } });
  const personId = person.createPerson.id;
  created.people.push(personId);
  groupCode = `GT${Date.now() % 100000}`;
  const group = await ok(`mutation ($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`, {
    input: { planId: plan.id, code: groupCode, name: `${api.unique('')} Réemploi`, mode: 'RESOURCE_SPACE', planActionCodes: ['6.2'] },
  });
  groupId = group.createWorkingGroup.id;
  created.groups.push(groupId);
  await ok(`mutation ($input: SetGroupMemberInput!) { setGroupMember(input: $input) { id } }`, { input: { groupId, personId, role: 'LEAD', joinedOn: daysFromToday(-200) } });
  actionTitle = 'Ouvrir trois recycleries';
  const action = await ok(`mutation ($g: ID!, $input: GroupActionInput!) { createGroupAction(groupId: $g, input: $input) { id } }`, {
    g: groupId,
    input: { title: actionTitle, ownerPersonId: personId, planActionCode: '6.2', status: 'IN_PROGRESS', startOn: daysFromToday(-180), dueOn: daysFromToday(-10) },
  });
  const actionId = action.createGroupAction.id;
  const withIndicator = await ok(`mutation ($id: ID!, $input: IndicatorInput!) { addActionIndicator(actionId: $id, input: $input) { indicators { id } } }`, {
    id: actionId, input: { name: 'Tonnes réemployées', unit: 't', baseline: 0, target: 100 },
  });
  const indicatorId = withIndicator.addActionIndicator.indicators[0].id;
  for (const [on, value] of [[daysFromToday(-120), 20], [daysFromToday(-30), 45]] as const) {
    await ok(`mutation ($id: ID!, $input: IndicatorValueInput!) { recordIndicatorValue(indicatorId: $id, input: $input) { id } }`, { id: indicatorId, input: { on, value } });
  }
  await ok(`mutation ($g: ID!, $input: GroupMeetingInput!) { createGroupMeeting(groupId: $g, input: $input) { id } }`, {
    g: groupId,
    input: { startsAt: `${daysFromToday(-20)}T14:00:00+01:00`, place: 'Toulouse', decisions: ['Lancer l’appel à projets recycleries'], minutes: '# Réunion\n\nTour de table des ressourceries.', nextMeetingOn: daysFromToday(40) },
  });

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
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
      `MATCH (g:WorkingGroup) WHERE g.id IN $groups
       OPTIONAL MATCH (g)<-[]-(x) WHERE x:GroupMeeting OR x:GroupAction OR x:GroupChange
       OPTIONAL MATCH (x)<-[:MEASURES]-(i:Indicator) OPTIONAL MATCH (i)<-[:OF_INDICATOR]-(v)
       DETACH DELETE g, x, i, v`,
      { groups: created.groups },
    );
    await api.driver.executeQuery('MATCH (p:Person) WHERE p.id IN $ids DETACH DELETE p', { ids: created.people });
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

const column = (status: string) => page.getByTestId(`column-${status}`);
const card = (status: string) => column(status).getByTestId('board-action').filter({ hasText: actionTitle });

describe('the working groups screens in Chromium', () => {
  it('signs in as the administrator', async () => {
    await page.goto(`${api.url}/#/connexion`);
    await page.getByLabel('Adresse e-mail').fill(TEST_ADMIN.email);
    await page.getByLabel('Mot de passe').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Mon compte' }).waitFor();
  });

  it('shows the plan progress by axis, with the groups', async () => {
    await page.getByRole('navigation', { name: 'Écrans' }).getByRole('link', { name: 'Groupes de travail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Groupes de travail' }).waitFor();
    const table = page.getByTestId('plan-progress');
    await table.getByRole('rowheader', { name: /^6\.2 / }).waitFor();
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^6\.2 / }) });
    await row.getByRole('link', { name: groupCode }).waitFor();
    await row.getByRole('img', { name: /en cours/ }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'groupes-avancement.png'), fullPage: true });
    await expectAccessible('Avancement du plan');
    expect(pageErrors).toEqual([]);
  });

  it('opens the group board: overdue action with its delay in words, indicator chart, next meeting, decisions', async () => {
    await page.getByTestId('group-list').getByRole('link', { name: new RegExp(`^${groupCode} `) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(groupCode) }).waitFor();
    const item = card('IN_PROGRESS');
    await item.getByText(/En retard : \d+ jours de retard/).waitFor();
    await item.getByRole('img', { name: /Tonnes réemployées : 45 t .*cible 100 t \(2 mesure/ }).waitFor();
    expect(await item.locator('svg.sparkline circle').count()).toBe(2);
    await page.getByTestId('last-decisions').getByText('Lancer l’appel à projets recycleries').waitFor();
    await page.getByTestId('next-meeting').waitFor();
    await page.getByTestId('meetings').getByText('Tour de table des ressourceries.', { exact: false }).waitFor({ state: 'attached' });
    await page.getByTestId('activity').getByRole('listitem').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'groupe-tableau.png'), fullPage: true });
    await expectAccessible('Tableau du groupe');
  });

  it('refuses BLOCKED without a reason, showing the API message next to the control', async () => {
    const item = card('IN_PROGRESS');
    await item.getByRole('button', { name: 'Bloquée' }).click();
    await item.getByRole('alert').waitFor();
    expect((await item.getByRole('alert').textContent())!.length).toBeGreaterThan(5);
    expect(await column('BLOCKED').getByTestId('board-action').count()).toBe(0);
    await expectAccessible('Erreur de statut');
  });

  it('records an indicator value and moves the action to DONE', async () => {
    const item = card('IN_PROGRESS');
    await item.getByText('Saisir une valeur').click();
    await item.getByLabel('Valeur (t)').fill('60');
    await item.getByRole('button', { name: 'Enregistrer' }).click();
    await card('IN_PROGRESS').getByRole('img', { name: /Tonnes réemployées : 60 t .*\(3 mesure/ }).waitFor();
    await card('IN_PROGRESS').getByRole('button', { name: 'Terminée' }).click();
    await card('DONE').waitFor();
    expect(await card('IN_PROGRESS').count()).toBe(0);
    const { workingGroup } = await ok(`query ($id: ID!) { workingGroup(id: $id) { actions { status } } }`, { id: groupId });
    expect(workingGroup.actions).toEqual([{ status: 'DONE' }]);
    expect(pageErrors).toEqual([]);
  });

  it('pages the activity feed, newest first, with the "Plus" button', async () => {
    const feed = page.getByTestId('activity');
    await feed.getByRole('listitem').first().getByText(/En cours → Terminée|Terminée/).waitFor();
    expect(await feed.getByRole('listitem').count()).toBe(5);
    await page.getByRole('button', { name: 'Plus' }).click();
    await feed.getByText(/Groupe créé/).waitFor();
    expect(await feed.getByRole('listitem').count()).toBeGreaterThan(5);
  });

  it('opens the HTML minutes of a meeting with the token', async () => {
    const [minutes] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Ouvrir le compte rendu (HTML)' }).click()]);
    await minutes.waitForLoadState();
    expect(await minutes.textContent('body')).toContain('Tour de table des ressourceries');
    await minutes.close();
  });
});
