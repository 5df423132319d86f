import { startTestApi, TestApi } from '../support/test-api';

// After the speed meetings, through the API against the real Neo4j: feedback from each side,
// the cooperation a wanted follow-up opens, its stages and reminders, and the session report.
// The session starts a few seconds after it is planned, so that its first round has begun
// when feedback is recorded.

let api: TestApi;
let sessionId: string;
let meeting: { id: string; round: number; a: { id: string }; b: { id: string } };
let otherMeeting: { id: string; a: { id: string }; b: { id: string } };
const hosts: string[] = [];
const pitchers: string[] = [];

const FEEDBACK = `mutation ($input: RecordMeetingFeedbackInput!) { recordMeetingFeedback(input: $input) {
  feedback { interest followUpWanted note actor { id } }
  cooperation { id requestedBy stage stageLabel meetingDate createdOn a { id } b { id } history { stage on } reminders { monthsAfter dueOn status } } } }`;
const MOVE = `mutation ($input: MoveCooperationStageInput!) { moveCooperationStage(input: $input) { stage stageLabel history { stage on publicContract note } } }`;

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  api = await startTestApi();
  for (let i = 0; i < 2; i += 1) hosts.push(await api.addActor(`Commune ${i}`, { lat: 48.78, lon: 2.4 + i / 100 }, { kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' }));
  for (let i = 0; i < 3; i += 1) pitchers.push(await api.addActor(`Jeune pousse ${i}`, { lat: 48.79, lon: 2.4 + i / 100 }));
  const startsAt = new Date(Date.now() + 6000).toISOString();
  const created = await api.gql(`mutation ($input: CreateSessionInput!) { createMatchmakingSession(input: $input) { id } }`, {
    input: { title: `${api.unique('')} suivi`, startsAt, rounds: 3, tables: 2, pitchMinutes: 1, exchangeMinutes: 1, changeoverMinutes: 0 },
  });
  sessionId = created.data!.createMatchmakingSession.id;
  for (const [id, side] of [...hosts.map((h) => [h, 'HOST']), ...pitchers.map((p) => [p, 'PITCHER'])]) {
    const res = await api.gql(`mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { side } }`, { input: { sessionId, actorId: id, side } });
    expect(res.errors).toBeUndefined();
  }
  const plan = await api.gql(`mutation ($id: ID!) { generateSchedule(sessionId: $id, seed: 3) { meetings { id round a { id } b { id } } } }`, { id: sessionId });
  expect(plan.errors).toBeUndefined();
  const meetings = plan.data!.generateSchedule.meetings;
  meeting = meetings.find((m: { round: number }) => m.round === 1);
  otherMeeting = meetings.find((m: { round: number; id: string }) => m.round === 1 && m.id !== meeting.id);
  const waitMs = Date.parse(startsAt) - Date.now() + 200;
  if (waitMs > 0) await sleep(waitMs);
});

afterAll(async () => {
  await api.driver.executeQuery(
    `MATCH (s:MatchmakingSession {id: $id}) OPTIONAL MATCH (s)<-[]-(x) OPTIONAL MATCH (c:Cooperation {sessionId: $id}) OPTIONAL MATCH (c)-->(h)
     WHERE h:CooperationStageChange OR h:CooperationReminderDone DETACH DELETE s, x, c, h`,
    { id: sessionId },
  );
  await api.stop();
});

describe('feedback after a meeting', () => {
  it('refuses bad feedback with the reason, and keeps nothing of it', async () => {
    const bad = await api.gql(FEEDBACK, { input: { meetingId: meeting.id, actorId: meeting.a.id, interest: 5, followUpWanted: true, note: 'x'.repeat(2001) } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toContain('input.interest');
    expect(bad.errors![0].message).toContain('input.note');
    const stranger = await api.gql(FEEDBACK, { input: { meetingId: meeting.id, actorId: otherMeeting.b.id, interest: 2, followUpWanted: false } });
    expect(stranger.errors?.[0].message).toContain('is not a side of this meeting');
    const unknown = await api.gql(FEEDBACK, { input: { meetingId: 'no-such-meeting', actorId: meeting.a.id, interest: 2, followUpWanted: false } });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const stored = await api.gql(`query ($id: ID!) { matchmakingSession(id: $id) { schedule { meetings { id feedback { interest } } } } }`, { id: sessionId });
    expect(stored.data!.matchmakingSession.schedule.meetings.every((m: { feedback: unknown[] }) => m.feedback.length === 0)).toBe(true);
  });

  it('opens one tracked cooperation when a side wants a follow-up, with reminders at 1, 3, 6 and 12 months', async () => {
    const first = await api.gql(FEEDBACK, { input: { meetingId: meeting.id, actorId: meeting.b.id, interest: 3, followUpWanted: true, note: '  Démonstrateur possible pour la cantine  ' } });
    expect(first.errors).toBeUndefined();
    const result = first.data!.recordMeetingFeedback;
    expect(result.feedback).toMatchObject({ interest: 3, followUpWanted: true, note: 'Démonstrateur possible pour la cantine', actor: { id: meeting.b.id } });
    const cooperation = result.cooperation;
    expect(cooperation).toMatchObject({ requestedBy: 'B', stage: 'VALUABLE_CONTACT', a: { id: meeting.a.id }, b: { id: meeting.b.id }, meetingDate: today(), createdOn: today() });
    expect(cooperation.reminders.map((r: { monthsAfter: number; status: string }) => [r.monthsAfter, r.status])).toEqual([[1, 'UPCOMING'], [3, 'UPCOMING'], [6, 'UPCOMING'], [12, 'UPCOMING']]);

    // The other side answers: the same cooperation, now asked for by both.
    const second = await api.gql(FEEDBACK, { input: { meetingId: meeting.id, actorId: meeting.a.id, interest: 2, followUpWanted: true } });
    expect(second.data!.recordMeetingFeedback.cooperation).toMatchObject({ id: cooperation.id, requestedBy: 'BOTH' });
    const all = await api.gql(`query ($id: ID!) { cooperations(sessionId: $id) { id } }`, { id: sessionId });
    expect(all.data!.cooperations).toEqual([{ id: cooperation.id }]);

    // No follow-up wanted on the other meeting: no cooperation.
    const none = await api.gql(FEEDBACK, { input: { meetingId: otherMeeting.id, actorId: otherMeeting.a.id, interest: 0, followUpWanted: false } });
    expect(none.data!.recordMeetingFeedback.cooperation).toBeNull();
  });

  it('moves the cooperation along the scale, with dates in order and public contracts only for agreements', async () => {
    const [cooperation] = (await api.gql(`query ($id: ID!) { cooperations(sessionId: $id) { id } }`, { id: sessionId })).data!.cooperations;
    const wrong = await api.gql(MOVE, { input: { cooperationId: cooperation.id, stage: 'NEGOTIATION_STARTED', on: today(), publicContract: true } });
    expect(wrong.errors?.[0].message).toContain('only an agreement can be a public contract');
    const future = await api.gql(MOVE, { input: { cooperationId: cooperation.id, stage: 'NEGOTIATION_STARTED', on: '2999-01-01' } });
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const moved = await api.gql(MOVE, { input: { cooperationId: cooperation.id, stage: 'AGREEMENT_REACHED', on: today(), publicContract: true, note: 'Marché de travaux attribué' } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.moveCooperationStage.stage).toBe('AGREEMENT_REACHED');
    expect(moved.data!.moveCooperationStage.history.map((h: { stage: string }) => h.stage)).toEqual(['VALUABLE_CONTACT', 'AGREEMENT_REACHED']);
    // An agreement ends the reminders.
    const due = await api.gql(`query ($id: ID!, $today: String) { dueCooperationReminders(sessionId: $id, today: $today, horizonDays: 366) { monthsAfter } }`, { id: sessionId, today: today() });
    expect(due.data!.dueCooperationReminders).toEqual([]);
  });

  it('lists reminders that fall due, and lets the facilitator mark them done', async () => {
    // A second cooperation, from the other meeting's pitcher changing their mind.
    const opened = await api.gql(FEEDBACK, { input: { meetingId: otherMeeting.id, actorId: otherMeeting.b.id, interest: 2, followUpWanted: true } });
    const cooperationId = opened.data!.recordMeetingFeedback.cooperation.id;
    const inFiveWeeks = new Date(Date.now() + 35 * 86_400_000).toISOString().slice(0, 10);
    const due = await api.gql(`query ($id: ID!, $today: String) { dueCooperationReminders(sessionId: $id, today: $today, horizonDays: 0) { monthsAfter status daysOverdue cooperation { id } } }`, { id: sessionId, today: inFiveWeeks });
    expect(due.data!.dueCooperationReminders).toHaveLength(1);
    expect(due.data!.dueCooperationReminders[0]).toMatchObject({ monthsAfter: 1, status: 'OVERDUE', cooperation: { id: cooperationId } });
    const done = await api.gql(`mutation ($input: CompleteCooperationReminderInput!) { completeCooperationReminder(input: $input) { reminders { monthsAfter status note } } }`, {
      input: { cooperationId, monthsAfter: 1, doneOn: today(), note: 'Appel : la commune prépare un appel d\'offres' },
    });
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeCooperationReminder.reminders[0]).toMatchObject({ monthsAfter: 1, status: 'DONE' });
    const bad = await api.gql(`mutation ($input: CompleteCooperationReminderInput!) { completeCooperationReminder(input: $input) { id } }`, {
      input: { cooperationId, monthsAfter: 2, doneOn: today() },
    });
    expect(bad.errors?.[0].message).toContain('input.monthsAfter');
  });

  it('reports the session: meetings held, no-shows, interest and follow-ups, also as CSV and Markdown', async () => {
    const res = await api.gql(`query ($id: ID!) { sessionReport(sessionId: $id) {
      meetings { planned held cancelledByAbsence } noShows { id } interest { feedbackCount levels { level count } }
      followUps { requested byBothSides } outcomes { cooperations current { stages { stage count } publicContracts } } csv markdown } }`, { id: sessionId });
    expect(res.errors).toBeUndefined();
    const report = res.data!.sessionReport;
    expect(report.meetings.held).toBe(report.meetings.planned);
    expect(report.noShows).toEqual([]);
    expect(report.interest.feedbackCount).toBe(4);
    expect(report.interest.levels.find((l: { level: number }) => l.level === 3).count).toBe(1);
    expect(report.followUps).toEqual({ requested: 2, byBothSides: 1 });
    expect(report.outcomes.cooperations).toBe(2);
    expect(report.outcomes.current.publicContracts).toBe(1);
    expect(report.csv.charCodeAt(0)).toBe(0xfeff);
    expect(report.markdown).toContain('#');

    const csv = await fetch(`${api.url}/sessions/${sessionId}/report.csv`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });
});
