import { startTestApi, TestApi } from '../support/test-api';

// A speed-meeting session run through the API against the real Neo4j: creation, registration
// and its refusals, scheduling under the hard rules, re-planning after an absence, the live
// view and the printable agendas.

const SESSION_FIELDS = 'id title startsAt rounds tables pitchMinutes exchangeMinutes changeoverMinutes mode timeZone scheduleSeed scheduleStale theme { title needs { label categoryCode } }';
const SCHEDULE_FIELDS = `
  totalScore
  meetings { id round table startsAt endsAt score reasons a { id } b { id } }
  stats { meetingCount mutualWishesScheduled oneSidedWishesScheduled minMeetings meanMeetings maxMeetings belowFairShare
          perParticipant { actor { id } meetings fairShare idleRounds } }
  pairScores { a { id } b { id } score wish reasons }`;

const CREATE = `mutation ($input: CreateSessionInput!) { createMatchmakingSession(input: $input) { ${SESSION_FIELDS} } }`;
const REGISTER = `mutation ($input: RegisterParticipantInput!) {
  registerParticipant(input: $input) { side availableRounds personName wishes { priority actor { id } } avoid { id } actor { id } } }`;
const GENERATE = `mutation ($id: ID!, $seed: Int) { generateSchedule(sessionId: $id, seed: $seed) { ${SCHEDULE_FIELDS} } }`;
const MARK_ABSENT = `mutation ($id: ID!, $actor: ID!, $from: Int!) { markAbsent(sessionId: $id, actorId: $actor, fromRound: $from) { ${SCHEDULE_FIELDS} } }`;

interface MeetingRow { id: string; round: number; table: number; startsAt: string; endsAt: string; score: number; reasons: string[]; a: { id: string }; b: { id: string } }
interface ScheduleRow {
  totalScore: number;
  meetings: MeetingRow[];
  stats: { meetingCount: number; minMeetings: number; meanMeetings: number; maxMeetings: number; mutualWishesScheduled: number; belowFairShare: number;
    perParticipant: { actor: { id: string }; meetings: number; fairShare: number; idleRounds: number }[] };
  pairScores: { a: { id: string }; b: { id: string }; score: number; wish: string | null; reasons: string[] }[];
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.driver.executeQuery('MATCH (s:MatchmakingSession) WHERE s.title STARTS WITH $prefix OPTIONAL MATCH (s)<-[]-(x) DETACH DELETE s, x', { prefix: api.unique('') });
  await api.stop();
});

async function createSession(overrides: Record<string, unknown> = {}) {
  const res = await api.gql(CREATE, {
    input: { title: `${api.unique('')} Rencontres ecoCIRC`, startsAt: iso(inDays(10)), rounds: 6, tables: 3, ...overrides },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.createMatchmakingSession as { id: string; [k: string]: unknown };
}

/** Checks every hard rule of API.md on a schedule, independently of the planner's own check. */
function expectHardRules(meetings: MeetingRow[], rules: { tables: number; available: Map<string, number[]>; side: Map<string, string>; avoid: [string, string][] }) {
  const seats = new Set<string>();
  const pairs = new Set<string>();
  const perRound = new Map<number, number>();
  const tablesUsed = new Set<string>();
  for (const m of meetings) {
    for (const id of [m.a.id, m.b.id]) {
      expect(seats.has(`${m.round}|${id}`)).toBe(false);
      seats.add(`${m.round}|${id}`);
      expect(rules.available.get(id)).toContain(m.round);
    }
    const pair = [m.a.id, m.b.id].sort().join('|');
    expect(pairs.has(pair)).toBe(false);
    pairs.add(pair);
    expect(m.table).toBeGreaterThanOrEqual(1);
    expect(m.table).toBeLessThanOrEqual(rules.tables);
    expect(tablesUsed.has(`${m.round}|${m.table}`)).toBe(false);
    tablesUsed.add(`${m.round}|${m.table}`);
    perRound.set(m.round, (perRound.get(m.round) ?? 0) + 1);
    expect(rules.side.get(m.a.id)).not.toBe(rules.side.get(m.b.id));
    for (const [x, y] of rules.avoid) expect(pair).not.toBe([x, y].sort().join('|'));
  }
  for (const count of perRound.values()) expect(count).toBeLessThanOrEqual(rules.tables);
}

describe('creating a session', () => {
  it('applies the defaults of the ecoCIRC format and files theme needs under a category', async () => {
    const session = await createSession({
      theme: { title: 'Groupe scolaire Jean-Jaurès', needs: [{ label: 'isolation en laine de bois' }, { label: 'mobilier de réemploi', categoryCode: null }] },
    });
    expect(session).toMatchObject({ pitchMinutes: 5, exchangeMinutes: 15, changeoverMinutes: 5, mode: 'BIPARTITE', timeZone: 'Europe/Paris', scheduleSeed: null });
    expect((session.theme as { needs: { label: string }[] }).needs.map((n) => n.label)).toEqual(['isolation en laine de bois', 'mobilier de réemploi']);
  });

  it('refuses bad settings with every problem named, and creates nothing', async () => {
    const title = `${api.unique('')} refusée`;
    const res = await api.gql(CREATE, {
      input: { title, startsAt: '2026-03-12 09:00', rounds: 6, tables: 3, registrationDeadline: '2026-03-13T09:00:00+01:00', exchangeMinutes: -5, timeZone: 'Paris' },
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const message = res.errors![0].message;
    expect(message).toContain('input.startsAt: must be a date and time with its offset');
    expect(message).toContain('input.exchangeMinutes');
    expect(message).toContain('input.timeZone');
    const late = await api.gql(CREATE, { input: { title, startsAt: '2026-03-12T09:00:00+01:00', rounds: 6, tables: 3, registrationDeadline: '2026-03-13T09:00:00+01:00' } });
    expect(late.errors?.[0].message).toContain('input.registrationDeadline: must be no later than the start');
    const stored = await api.driver.executeQuery('MATCH (s:MatchmakingSession {title: $title}) RETURN count(s) AS n', { title });
    expect(stored.records[0].get('n').toNumber()).toBe(0);
  });
});

describe('a BIPARTITE session from registration to the day', () => {
  let session: { id: string };
  const hosts: string[] = [];
  const pitchers: string[] = [];
  const side = new Map<string, string>();
  const available = new Map<string, number[]>();
  const all = [1, 2, 3, 4, 5, 6];

  beforeAll(async () => {
    session = await createSession();
    for (let i = 0; i < 3; i += 1) hosts.push(await api.addActor(`Ville ${i}`, { lat: 48.79 + i / 100, lon: 2.39 }, { kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' }));
    for (let i = 0; i < 6; i += 1) pitchers.push(await api.addActor(`Startup ${i}`, { lat: 48.8, lon: 2.38 + i / 100 }));
  });

  const register = (input: Record<string, unknown>) => api.gql(REGISTER, { input: { sessionId: session.id, ...input } });

  it('registers hosts and pitchers with wishes, avoidances and partial availability', async () => {
    for (const id of hosts) {
      const res = await register({ actorId: id, side: 'HOST', personName: 'Élue au développement économique' });
      expect(res.errors).toBeUndefined();
      side.set(id, 'HOST');
      available.set(id, all);
    }
    // Pitcher 0 and host 0 wish each other (mutual); pitcher 1 must meet host 1 (one-sided);
    // pitcher 2 comes late; pitcher 3 refuses host 2.
    const plans: Record<string, unknown>[] = [
      { wishes: [{ actorId: hosts[0], priority: 3 }] },
      { wishes: [{ actorId: hosts[1], priority: 3 }] },
      { availableRounds: [3, 4, 5, 6] },
      { avoid: [hosts[2]] },
      {},
      {},
    ];
    for (const [i, id] of pitchers.entries()) {
      const res = await register({ actorId: id, side: 'PITCHER', ...plans[i] });
      expect(res.errors).toBeUndefined();
      side.set(id, 'PITCHER');
      available.set(id, (plans[i].availableRounds as number[]) ?? all);
    }
    const again = await register({ actorId: hosts[0], side: 'HOST', wishes: [{ actorId: pitchers[0], priority: 2 }] });
    expect(again.errors).toBeUndefined();
    expect(again.data!.registerParticipant.wishes).toEqual([{ priority: 2, actor: { id: pitchers[0] } }]);
  });

  it('refuses registrations that break the session rules, naming each field', async () => {
    const noSide = await register({ actorId: pitchers[4] });
    expect(noSide.errors?.[0].message).toContain('input.side: is required in a BIPARTITE session');
    const sameSide = await register({ actorId: pitchers[4], side: 'PITCHER', wishes: [{ actorId: pitchers[5], priority: 2 }] });
    expect(sameSide.errors?.[0].message).toContain('in a BIPARTITE session pitchers only meet hosts');
    const contradictory = await register({ actorId: pitchers[4], side: 'PITCHER', wishes: [{ actorId: hosts[1], priority: 4 }], avoid: [hosts[1]], availableRounds: [0, 7] });
    const message = contradictory.errors![0].message;
    expect(message).toContain('input.wishes[0].priority: must be 1 (nice to meet), 2 or 3');
    expect(message).toContain('is both wished and avoided');
    expect(message).toContain('input.availableRounds: rounds are numbered 1 to 6 (got 0, 7)');
    const unknown = await register({ actorId: pitchers[4], side: 'PITCHER', wishes: [{ actorId: 'no-such-actor', priority: 1 }] });
    expect(unknown.errors?.[0].message).toContain("unknown actor(s) 'no-such-actor'");
    // Nothing of the refused registrations was kept: pitcher 4 still has no wishes.
    const check = await api.gql(`query ($id: ID!) { matchmakingSession(id: $id) { participants { actor { id } wishes { priority } avoid { id } } } }`, { id: session.id });
    const p4 = check.data!.matchmakingSession.participants.find((p: { actor: { id: string } }) => p.actor.id === pitchers[4]);
    expect(p4).toEqual({ actor: { id: pitchers[4] }, wishes: [], avoid: [] });
  });

  let first: ScheduleRow;
  it('generates a schedule that keeps every hard rule, serves the wishes and is reproducible', async () => {
    const res = await api.gql<{ generateSchedule: ScheduleRow }>(GENERATE, { id: session.id, seed: 7 });
    expect(res.errors).toBeUndefined();
    first = res.data!.generateSchedule;
    expectHardRules(first.meetings, { tables: 3, available, side, avoid: [[pitchers[3], hosts[2]]] });
    const met = (x: string, y: string) => first.meetings.some((m) => [m.a.id, m.b.id].sort().join() === [x, y].sort().join());
    expect(met(pitchers[0], hosts[0])).toBe(true);
    expect(met(pitchers[1], hosts[1])).toBe(true);
    // 3 tables × 6 rounds = 18 seats for 6 pitchers: everyone gets their fair share.
    expect(first.stats.belowFairShare).toBe(0);
    expect(first.stats.minMeetings).toBeGreaterThanOrEqual(2);
    expect(first.stats.mutualWishesScheduled).toBe(1);
    expect(first.totalScore).toBeCloseTo(first.meetings.reduce((s, m) => s + m.score, 0), 5);
    const mutual = first.pairScores.find((p) => p.wish === 'MUTUAL')!;
    expect([mutual.a.id, mutual.b.id].sort()).toEqual([pitchers[0], hosts[0]].sort());
    expect(mutual.reasons[0]).toContain('Souhait mutuel');
    // The avoided pair and pitcher pairs are not even candidates.
    expect(first.pairScores.some((p) => [p.a.id, p.b.id].sort().join() === [pitchers[3], hosts[2]].sort().join())).toBe(false);
    expect(first.pairScores.every((p) => side.get(p.a.id) !== side.get(p.b.id))).toBe(true);
    // Rounds follow the format: 5 + 15 minutes, 5 minutes to change tables.
    const round2 = first.meetings.find((m) => m.round === 2)!;
    const round1 = first.meetings.find((m) => m.round === 1)!;
    expect(Date.parse(round2.startsAt) - Date.parse(round1.startsAt)).toBe(25 * 60_000);
    expect(Date.parse(round1.endsAt) - Date.parse(round1.startsAt)).toBe(20 * 60_000);

    const again = await api.gql<{ generateSchedule: ScheduleRow }>(GENERATE, { id: session.id, seed: 7 });
    const shape = (s: ScheduleRow) => s.meetings.map((m) => `${m.round}/${m.table}/${m.a.id}/${m.b.id}`);
    expect(shape(again.data!.generateSchedule)).toEqual(shape(first));
    first = again.data!.generateSchedule;
  });

  it('re-plans only the rounds from the absence on, keeping earlier rounds and unaffected meetings', async () => {
    const absent = pitchers[0];
    const res = await api.gql<{ markAbsent: ScheduleRow }>(MARK_ABSENT, { id: session.id, actor: absent, from: 3 });
    expect(res.errors).toBeUndefined();
    const after = res.data!.markAbsent;
    const key = (m: MeetingRow) => `${m.id}/${m.round}/${m.table}/${m.a.id}/${m.b.id}`;
    expect(after.meetings.filter((m) => m.round < 3).map(key)).toEqual(first.meetings.filter((m) => m.round < 3).map(key));
    expect(after.meetings.some((m) => m.round >= 3 && [m.a.id, m.b.id].includes(absent))).toBe(false);
    const kept = new Set(after.meetings.map(key));
    for (const m of first.meetings.filter((x) => x.round >= 3 && ![x.a.id, x.b.id].includes(absent))) expect(kept.has(key(m))).toBe(true);
    available.set(absent, [1, 2]);
    expectHardRules(after.meetings, { tables: 3, available, side, avoid: [[pitchers[3], hosts[2]]] });

    const bad = await api.gql(MARK_ABSENT, { id: session.id, actor: absent, from: 9 });
    expect(bad.errors?.[0].message).toContain('fromRound: rounds are numbered 1 to 6 (got 9)');
    const stranger = await api.gql(MARK_ABSENT, { id: session.id, actor: 'not-registered', from: 2 });
    expect(stranger.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('shows the room who sits where, phase by phase', async () => {
    const rounds = await api.gql(`query ($id: ID!) { matchmakingSession(id: $id) { roundWindows { round startsAt endsAt } } }`, { id: session.id });
    const round2 = rounds.data!.matchmakingSession.roundWindows[1];
    const live = async (at: string) => (await api.gql(`query ($id: ID!, $at: String) { sessionLiveView(sessionId: $id, at: $at) {
      phase currentRound nextRound secondsLeft meetings { round table a { id } b { id } } notCheckedIn { actor { id } } } }`, { id: session.id, at })).data!.sessionLiveView;
    const duringPitch = await live(new Date(Date.parse(round2.startsAt) + 60_000).toISOString());
    expect(duringPitch).toMatchObject({ phase: 'PITCH', currentRound: 2, secondsLeft: 240 });
    expect(duringPitch.meetings.every((m: { round: number }) => m.round === 2)).toBe(true);
    expect(duringPitch.meetings.length).toBeGreaterThan(0);
    const changeover = await live(new Date(Date.parse(round2.endsAt) + 60_000).toISOString());
    expect(changeover).toMatchObject({ phase: 'CHANGEOVER', currentRound: 2, nextRound: 3, secondsLeft: 240 });
    expect(changeover.meetings.every((m: { round: number }) => m.round === 3)).toBe(true);

    const checkIn = await api.gql(`mutation ($id: ID!, $actor: ID!) { checkInParticipant(sessionId: $id, actorId: $actor) { checkedInAt } }`, { id: session.id, actor: hosts[0] });
    expect(checkIn.data!.checkInParticipant.checkedInAt).toBeTruthy();
    const later = await live(new Date(Date.parse(round2.startsAt) + 60_000).toISOString());
    const waiting = later.notCheckedIn.map((p: { actor: { id: string } }) => p.actor.id);
    expect(waiting).not.toContain(hosts[0]);
    expect(waiting).toContain(hosts[1]);
    // Pitcher 2 arrives for round 3: not expected in round 2.
    expect(waiting).not.toContain(pitchers[2]);
  });

  it('prints agendas per participant (HTML, PDF, iCalendar) and per table, for signed-in callers only', async () => {
    const get = (path: string, token: string | null = api.token) =>
      fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const html = await get(`/sessions/${session.id}/agendas/${pitchers[1]}.html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Ville 1');
    const ics = await get(`/sessions/${session.id}/agendas/${pitchers[1]}.ics`);
    const calendar = await ics.text();
    expect(calendar).toContain('BEGIN:VCALENDAR');
    const meetingsOfPitcher = first.meetings.filter((m) => [m.a.id, m.b.id].includes(pitchers[1])).length;
    expect(calendar.match(/BEGIN:VEVENT/g)?.length).toBe(meetingsOfPitcher);
    const pdf = await get(`/sessions/${session.id}/agendas.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const tables = await get(`/sessions/${session.id}/tables.html`);
    expect((await tables.text()).match(/Table 3/)).not.toBeNull();
    expect((await get(`/sessions/${session.id}/agendas.html`, null)).status).toBe(401);
    expect((await get(`/sessions/${session.id}/agendas/${pitchers[1]}.docx`)).status).toBe(404);
    expect((await get(`/sessions/${session.id}/agendas/not-registered.html`)).status).toBe(404);
  });
});

describe('pair scores from the graph', () => {
  it('explain pairs by their synergy and by the fit with the theme, under any wish', async () => {
    const town = await api.addActor('Ville chauffée', { lat: 48.81, lon: 2.36 }, { kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' });
    const datacenter = await api.addActor('Centre de données', { lat: 48.812, lon: 2.362 });
    const bakery = await api.addActor('Boulangerie', { lat: 48.811, lon: 2.361 });
    await api.addFlow(town, { direction: 'NEED', description: 'Chauffage du gymnase', categoryCode: 'energy.heat.space-heating', quantity: 500, unit: 'MWh/yr' });
    await api.addFlow(datacenter, { direction: 'OFFER', description: 'Chaleur fatale des serveurs à 35 °C', categoryCode: 'energy.waste-heat.low-temperature', quantity: 800, unit: 'MWh/yr' });
    const session = await createSession({
      theme: { title: 'Gymnase basse consommation', needs: [{ label: 'chauffage', categoryCode: 'energy.heat.space-heating' }] },
    });
    for (const [actorId, side, wishes] of [[town, 'HOST', []], [datacenter, 'PITCHER', []], [bakery, 'PITCHER', [{ actorId: town, priority: 1 }]]] as const) {
      const res = await api.gql(REGISTER, { input: { sessionId: session.id, actorId, side, wishes } });
      expect(res.errors).toBeUndefined();
    }
    const plan = await api.gql<{ generateSchedule: ScheduleRow }>(GENERATE, { id: session.id, seed: 1 });
    const pairs = plan.data!.generateSchedule.pairScores;
    const heat = pairs.find((p) => [p.a.id, p.b.id].includes(datacenter))!;
    expect(heat.reasons.some((r) => r.startsWith('Synergie :') && r.includes('Centre de données'))).toBe(true);
    expect(heat.reasons.some((r) => r.includes('Gymnase basse consommation'))).toBe(true);
    const wish = pairs.find((p) => [p.a.id, p.b.id].includes(bakery))!;
    // A priority-1 wish (3 points) plus nothing else, against synergy + theme (at most 3 + 2).
    expect(wish.wish).toBe('ONE_SIDED');
    expect(heat.score).toBeGreaterThan(0);
    expect(heat.score).toBeLessThanOrEqual(5);
  });
});

describe('session time rules', () => {
  it('closes registration at the deadline and refuses to re-plan a session under way', async () => {
    const actor = await api.addActor('Retardataire', { lat: 48.8, lon: 2.4 });
    const closed = await createSession({ startsAt: iso(inDays(5)), registrationDeadline: iso(inDays(-1)) });
    const late = await api.gql(REGISTER, { input: { sessionId: closed.id, actorId: actor, side: 'PITCHER' } });
    expect(late.errors?.[0].message).toContain('registration closed');
    const started = await createSession({ startsAt: iso(inDays(-1)) });
    const plan = await api.gql(GENERATE, { id: started.id, seed: 1 });
    expect(plan.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(plan.errors?.[0].message).toContain('Use markAbsent');
  });

  it('lets the facilitator move the deadline, and refuses fewer rounds than participants registered for', async () => {
    const actor = await api.addActor('Tardive', { lat: 48.8, lon: 2.41 });
    const session = await createSession({ startsAt: iso(inDays(5)), registrationDeadline: iso(inDays(-1)) });
    const UPDATE = `mutation ($id: ID!, $input: UpdateSessionInput!) { updateMatchmakingSession(id: $id, input: $input) { registrationDeadline rounds title } }`;
    const moved = await api.gql(UPDATE, { id: session.id, input: { registrationDeadline: iso(inDays(2)) } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateMatchmakingSession.title).toBe(session.title);
    const late = await api.gql(REGISTER, { input: { sessionId: session.id, actorId: actor, side: 'PITCHER', availableRounds: [5, 6] } });
    expect(late.errors).toBeUndefined();
    const fewer = await api.gql(UPDATE, { id: session.id, input: { rounds: 4 } });
    expect(fewer.errors?.[0].message).toContain('registered for rounds beyond 4');
    const after = await api.gql(`query ($id: ID!) { matchmakingSession(id: $id) { rounds } }`, { id: session.id });
    expect(after.data!.matchmakingSession.rounds).toBe(6);
  });

  it('answers NOT_FOUND for an unknown session', async () => {
    const res = await api.gql(GENERATE, { id: 'no-such-session', seed: 1 });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
