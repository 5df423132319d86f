import axe from 'axe-core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { startTestApi, TEST_ADMIN, TestApi } from '../support/test-api';

/**
 * The follow-up view of a speed-meeting session in Debian's Chromium (see sessions.test.ts): a
 * facilitator records a participant's feedback with a wanted follow-up, sees the cooperation it
 * opens, moves it to the next stage, marks an overdue reminder done, watches the report's figures
 * follow, and downloads the report as CSV.
 *
 * The session is set up through the API: planned a few seconds ahead (a schedule can only be
 * generated before the start), then moved 80 days into the past, so that every meeting has been
 * held and the reminders of a cooperation opened on the day have come due (1 month: overdue;
 * 3 months: due within two weeks).
 */
jest.setTimeout(150_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', '..', process.env.UPDATE_SCREENSHOTS ? 'docs' : '.data', 'screenshots');
const DAY = 86_400_000;

type Side = { id: string; name: string };
type PlannedMeeting = { id: string; round: number; table: number; a: Side; b: Side };

let api: TestApi;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let sessionId: string;
let title: string;
let first: PlannedMeeting; // feedback recorded through the API on the day
let second: PlannedMeeting; // feedback recorded in the browser
let planned: number;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install chromium) — the browser tests never download a browser.`);
  }
  api = await startTestApi();
  const prefix = api.unique('');
  const ids: [string, string][] = [];
  for (const [i, label] of ['Commune des Tilleuls', 'Commune du Lac'].entries()) {
    ids.push([await api.addActor(label, { lat: 45.76, lon: 4.83 + i / 100 }, { name: `${prefix} ${label}`, kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' }), 'HOST']);
  }
  for (const [i, label] of ['Isolants Bio', 'Chaleur Fatale', 'Réemploi Pro'].entries()) {
    ids.push([await api.addActor(label, { lat: 45.77, lon: 4.83 + i / 100 }, { name: `${prefix} ${label}` }), 'PITCHER']);
  }
  title = `${prefix} Rencontres écoles`;
  const created = await api.gql(`mutation ($input: CreateSessionInput!) { createMatchmakingSession(input: $input) { id } }`, {
    input: { title, startsAt: new Date(Date.now() + 60_000).toISOString(), rounds: 3, tables: 2, pitchMinutes: 5, exchangeMinutes: 10, changeoverMinutes: 5 },
  });
  expect(created.errors).toBeUndefined();
  sessionId = created.data!.createMatchmakingSession.id;
  for (const [actorId, side] of ids) {
    const res = await api.gql(`mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { side } }`, { input: { sessionId, actorId, side } });
    expect(res.errors).toBeUndefined();
  }
  const plan = await api.gql(`mutation ($id: ID!) { generateSchedule(sessionId: $id, seed: 5) { meetings { id round table a { id name } b { id name } } } }`, { id: sessionId });
  expect(plan.errors).toBeUndefined();
  const meetings: PlannedMeeting[] = plan.data!.generateSchedule.meetings;
  planned = meetings.length;
  first = meetings.find((m) => m.round === 1 && m.table === 1)!;
  second = meetings.find((m) => m.round === 1 && m.table === 2)!;
  expect(first && second).toBeTruthy();

  const moved = await api.gql(`mutation ($id: ID!, $input: UpdateSessionInput!) { updateMatchmakingSession(id: $id, input: $input) { id } }`, {
    id: sessionId, input: { startsAt: new Date(Date.now() - 80 * DAY).toISOString() },
  });
  expect(moved.errors).toBeUndefined();
  const feedback = await api.gql(`mutation ($input: RecordMeetingFeedbackInput!) { recordMeetingFeedback(input: $input) { cooperation { id } } }`, {
    input: { meetingId: first.id, actorId: first.b.id, interest: 3, followUpWanted: true, note: 'Démonstrateur possible dans la cantine' },
  });
  expect(feedback.errors).toBeUndefined();
  // As if the feedback had been typed on the evening of the session: the cooperation opened that
  // day, so its 1-month reminder is overdue now.
  await api.driver.executeQuery(
    `MATCH (c:Cooperation {meetingId: $meetingId})-[:HAD_STAGE]->(h:CooperationStageChange {seq: 0}) SET c.createdOn = c.meetingDate, h.on = c.meetingDate`,
    { meetingId: first.id },
  );

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 720 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  if (sessionId) {
    await api.driver.executeQuery(
      `MATCH (s:MatchmakingSession {id: $id}) OPTIONAL MATCH (s)<-[]-(x) OPTIONAL MATCH (c:Cooperation {sessionId: $id}) OPTIONAL MATCH (c)-->(h)
       WHERE h:CooperationStageChange OR h:CooperationReminderDone DETACH DELETE s, x, c, h`,
      { id: sessionId },
    );
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

const tab = (name: RegExp) => page.getByRole('navigation', { name: 'Parties du suivi' }).getByRole('link', { name });
const figure = (label: string) => page.getByTestId('report-figures').locator('div').filter({ has: page.getByText(label, { exact: true }) }).locator('.fu-big');
const todayCell = (stage: string) => page.getByTestId('report-outcomes').getByRole('row').filter({ has: page.getByRole('rowheader', { name: stage, exact: true }) }).locator('td').last();

describe('the follow-up view of a session', () => {
  it('asks the API only for fields the schema has', async () => {
    const { buildSchema, parse, validate } = await import('graphql');
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
    const queries = await import('../../web-client/src/queries-follow-up');
    const operations = Object.entries(queries).filter(([name]) => /_(QUERY|MUTATION)$/.test(name));
    expect(operations.length).toBe(4);
    for (const [name, text] of operations) expect([name, validate(schema, parse(text as string)).map((e) => e.message)]).toEqual([name, []]);
  });

  it('signs in and shows the report as it stands: one feedback, one follow-up', async () => {
    await page.goto(`${api.url}/#/connexion`);
    await page.getByLabel('Adresse e-mail').fill(TEST_ADMIN.email);
    await page.getByLabel('Mot de passe').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Mon compte' }).waitFor();
    await page.goto(`${api.url}/#/sessions?id=${sessionId}&vue=suivi&partie=bilan`);
    await page.getByRole('heading', { level: 1, name: `Suivi : ${title}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bilan de la session' }).waitFor();
    await expect(figure('Rencontres tenues').textContent()).resolves.toBe(String(planned));
    await expect(figure('Avis recueillis').textContent()).resolves.toBe('1');
    await expect(figure('Suites demandées').textContent()).resolves.toBe('1');
    await expect(figure('Coopérations suivies').textContent()).resolves.toBe('1');
    await expect(todayCell('Contact utile pour de futurs projets').textContent()).resolves.toBe('1');
    await expect(todayCell('Négociation engagée').textContent()).resolves.toBe('0');
    await expectAccessible('Suivi : bilan');
  });

  it('records feedback with a wanted follow-up, says a cooperation opens, and keeps a missing interest from being sent', async () => {
    await tab(/^Avis des rencontres/).click();
    const done = page.getByTestId('meeting-1-1');
    await done.getByText('Intérêt fort').waitFor();
    await done.getByText('Coopération ouverte : Contact utile pour de futurs projets.').waitFor();
    await expect(tab(/^Avis des rencontres/).textContent()).resolves.toBe(`Avis des rencontres (1/${2 * planned})`);

    const meeting = page.getByTestId('meeting-1-2');
    await meeting.getByRole('button', { name: `Saisir l’avis de ${second.b.name}` }).click();
    const form = page.getByRole('form', { name: `Avis de ${second.b.name}` });
    await form.getByRole('button', { name: 'Enregistrer l’avis' }).click();
    await form.getByText('Choisissez un niveau d’intérêt.').waitFor();
    await page.waitForFunction("document.activeElement?.type === 'radio'");
    await form.getByLabel('Intérêt réel').check();
    await form.getByLabel('Souhaite une suite').check();
    await form.getByText(`Enregistrer ouvrira une coopération suivie entre ${second.a.name} et ${second.b.name}.`).waitFor();
    await form.getByLabel('Note (facultatif)').fill('Visite du site prévue en mars');
    await expectAccessible('Suivi : saisie d’un avis');
    await form.getByRole('button', { name: 'Enregistrer l’avis' }).click();

    await page.getByRole('status').getByText(`Une coopération est ouverte entre ${second.a.name} et ${second.b.name}`).waitFor();
    await meeting.getByText('Intérêt réel').waitFor();
    await meeting.getByText('« Visite du site prévue en mars »').waitFor();
    await meeting.getByText('Coopération ouverte : Contact utile pour de futurs projets.').waitFor();
    await expect(page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label')")).resolves.toBe(`Corriger l’avis de ${second.b.name}`);
    await expect(tab(/^Avis des rencontres/).textContent()).resolves.toBe(`Avis des rencontres (2/${2 * planned})`);
    await expectAccessible('Suivi : avis');
    expect(pageErrors).toEqual([]);
  });

  it('shows the new cooperation on the board and moves it to the next stage, with its history', async () => {
    await tab(/^Coopérations \(2\)$/).waitFor();
    await page.getByRole('status').getByRole('link', { name: 'voir les coopérations' }).click();
    const opened = page.getByTestId('stage-VALUABLE_CONTACT');
    await opened.getByRole('heading', { name: 'Contact utile pour de futurs projets (2)' }).waitFor();
    const card = opened.getByTestId('cooperation').filter({ hasText: `${second.a.name} et ${second.b.name}` });
    await card.getByText(`Suite demandée par ${second.b.name}`).waitFor();
    await card.getByRole('button', { name: `Changer l’étape : ${second.a.name} et ${second.b.name}` }).click();
    const form = page.getByRole('form', { name: `Nouvelle étape : ${second.a.name} et ${second.b.name}` });
    await expect(form.getByLabel('Nouvelle étape').inputValue()).resolves.toBe('NEGOTIATION_STARTED');
    await expect(form.getByLabel('L’accord est un marché public').count()).resolves.toBe(0);
    await form.getByLabel('Note (facultatif)').fill('Devis demandé par la commune');
    await form.getByRole('button', { name: 'Enregistrer l’étape' }).click();

    await page.getByRole('status').getByText(`${second.a.name} et ${second.b.name} : Négociation engagée`).waitFor();
    const negotiating = page.getByTestId('stage-NEGOTIATION_STARTED');
    await negotiating.getByRole('heading', { name: 'Négociation engagée (1)' }).waitFor();
    await opened.getByRole('heading', { name: 'Contact utile pour de futurs projets (1)' }).waitFor();
    const moved = negotiating.getByTestId('cooperation');
    await moved.getByText('Historique (2)').click();
    await moved.getByText(/Négociation engagée — « Devis demandé par la commune »/).waitFor();
    await moved.getByText(/Contact utile pour de futurs projets$/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'session-suivi.png'), fullPage: true });
    await expectAccessible('Suivi : coopérations');
  });

  it('lists the reminders, the overdue one in red, and marks it done with a note', async () => {
    await tab(/^Relances à faire \(3, dont 1 en retard\)/).click();
    const reminders = page.getByTestId('reminders').getByTestId('reminder');
    await expect(reminders.count()).resolves.toBe(3);
    const late = reminders.filter({ hasText: 'Relance à 1 mois' });
    await late.getByText(/en retard de \d+ jours/).waitFor();
    await expect(late.getAttribute('class')).resolves.toBe('overdue');
    await expect(late.locator('.late-text').evaluate((el: any) => el.ownerDocument.defaultView.getComputedStyle(el).color)).resolves.toBe('rgb(164, 22, 26)');
    await expect(reminders.filter({ hasText: 'Relance à 3 mois' }).first().getByText(/dans \d+ jours/).count()).resolves.toBe(1);
    await expectAccessible('Suivi : relances');

    await late.getByRole('button', { name: `Fait : relance à 1 mois de ${first.a.name} et ${first.b.name}` }).click();
    const form = page.getByRole('form', { name: `Marquer faite : relance à 1 mois de ${first.a.name} et ${first.b.name}` });
    await form.getByLabel('Ce que vous avez appris (facultatif)').fill('La commune prépare un appel d’offres');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').getByText(`Relance à 1 mois de ${first.a.name} et ${first.b.name} : faite.`).waitFor();
    await tab(/^Relances à faire \(2\)$/).waitFor();
    await expect(reminders.count()).resolves.toBe(2);
    await expect(page.getByTestId('reminders').locator('li.overdue').count()).resolves.toBe(0);

    // The cooperation keeps the note with its reminders.
    await tab(/^Coopérations/).click();
    const card = page.getByTestId('stage-VALUABLE_CONTACT').getByTestId('cooperation');
    await card.getByText('Relances', { exact: true }).click();
    await card.getByText(/1 mois, le .* : Fait le .* « La commune prépare un appel d’offres »/).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('shows the report figures after the changes and downloads the report as CSV', async () => {
    await tab(/^Bilan/).click();
    await expect(figure('Avis recueillis').textContent()).resolves.toBe('2');
    await expect(figure('Suites demandées').textContent()).resolves.toBe('2');
    await expect(figure('Coopérations suivies').textContent()).resolves.toBe('2');
    await expect(todayCell('Contact utile pour de futurs projets').textContent()).resolves.toBe('1');
    await expect(todayCell('Négociation engagée').textContent()).resolves.toBe('1');
    const interest = page.getByTestId('report-interest');
    for (const [label, n] of [['Intérêt fort', '1'], ['Intérêt réel', '1'], ['Aucun intérêt', '0']]) {
      await expect(interest.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) }).locator('td').first().textContent()).resolves.toBe(n);
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /bilan pour un tableur \(CSV\)/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/-bilan\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(title);
    expect(csv).toMatch(new RegExp(`^Rencontres tenues,${planned},`, 'm'));
    expect(csv).toMatch(/^Rencontres appelant une suite,2,/m);
    expect(csv).toMatch(/^Négociation engagée,[^\r\n]*,1\r$/m);
    expect(csv).toContain(`1,2,${second.a.name},${second.b.name},`);
    await expectAccessible('Suivi : bilan après les changements');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const parts = { avis: 'Avis des rencontres', cooperations: 'Coopérations nées de la session', relances: 'Relances à faire', bilan: 'Bilan de la session' };
    for (const [part, heading] of Object.entries(parts)) {
      await page.goto(`${api.url}/#/sessions?id=${sessionId}&vue=suivi&partie=${part}`);
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect([part, overflow]).toEqual([part, 0]);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(pageErrors).toEqual([]);
  });
});
