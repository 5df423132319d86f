import { hash } from '@node-rs/argon2';
import { createUserIfAbsent } from '../../graph/repositories/user-repository';
import { startTestApi, TestApi } from '../support/test-api';

// A working group of the PRAEC Occitanie run through the API against the real Neo4j over a
// year: members, meetings with minutes, actions with owners and indicators, the board, the
// plan's progress, "my actions", the activity feed, and the refusals that keep it right.

let api: TestApi;
let planId: string;
let groupId: string;
const person: Record<string, string> = {};
const created = { people: [] as string[], groups: [] as string[] };

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const daysFromToday = (days: number) => new Date(Date.parse(`${today()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const GROUP = 'id code name mode planActions { code } members { role joinedOn leftOn person { id name } }';
const ACTION = 'id title status statusReason startOn dueOn owner { id name } contributors { id } planAction { code } indicators { id name unit baseline target current { on value } progress history { on value note } }';

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
  const res = await api.gql(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

beforeAll(async () => {
  api = await startTestApi();
  const org = await api.addActor('Cycl-op (réseau)', { lat: 43.6, lon: 1.44 }, { kind: 'SUPPORT_NETWORK', economy: 'ESS' });
  for (const [key, name, email] of [
    ['lead', 'Claire Martin', `${api.unique('lead')}@example.org`],
    ['member', 'Yann Le Goff', `${api.unique('member')}@example.org`],
    ['observer', 'Inès Benali', null],
  ] as const) {
    const data = await ok(`mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id name organisation { id } } }`, { input: { name, email, actorId: org } });
    person[key] = data.createPerson.id;
    created.people.push(data.createPerson.id);
  }
});

afterAll(async () => {
  await api.driver.executeQuery(
    `MATCH (g:WorkingGroup) WHERE g.id IN $groups
     OPTIONAL MATCH (g)<-[]-(x) WHERE x:GroupMeeting OR x:GroupAction OR x:GroupChange
     OPTIONAL MATCH (x)<-[:MEASURES]-(i:Indicator) OPTIONAL MATCH (i)<-[:OF_INDICATOR]-(v)
     DETACH DELETE g, x, i, v`,
    { groups: created.groups },
  );
  await api.driver.executeQuery('MATCH (p:Person) WHERE p.id IN $ids DETACH DELETE p', { ids: created.people });
  await api.driver.executeQuery("MATCH (u:User) WHERE u.email STARTS WITH $prefix DETACH DELETE u", { prefix: api.unique('') });
  await api.stop();
});

describe('the PRAEC Occitanie reference', () => {
  it('holds the 6 axes and 16 actions of the plan', async () => {
    const { plan } = await ok(`{ plan(code: "praec-occitanie") { id title axes { code title } actions { code axisCode title } } }`);
    planId = plan.id;
    expect(plan.axes).toHaveLength(6);
    expect(plan.actions).toHaveLength(16);
    expect(plan.actions.find((a: { code: string }) => a.code === '6.2').title).toContain('Ressourceries');
  });
});

describe('running a group', () => {
  it('creates the group, refusing unknown plan actions and a duplicate code', async () => {
    const code = `GT${Date.now() % 100000}`;
    const bad = await api.gql(`mutation ($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`, {
      input: { planId, code, name: 'Réemploi & réutilisation', mode: 'RESOURCE_SPACE', planActionCodes: ['6.2', '9.9'] },
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toContain('9.9');
    const data = await ok(`mutation ($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { ${GROUP} } }`, {
      input: { planId, code, name: 'Réemploi & réutilisation', mode: 'RESOURCE_SPACE', planActionCodes: ['6.1', '6.2'] },
    });
    groupId = data.createWorkingGroup.id;
    created.groups.push(groupId);
    expect(data.createWorkingGroup.planActions.map((a: { code: string }) => a.code).sort()).toEqual(['6.1', '6.2']);
    const twice = await api.gql(`mutation ($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`, {
      input: { planId, code, name: 'Autre', mode: 'PROJECT_OWNER', planActionCodes: [] },
    });
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('keeps members with their roles and dates, and always a lead', async () => {
    const set = (input: Record<string, unknown>) => api.gql(`mutation ($input: SetGroupMemberInput!) { setGroupMember(input: $input) { ${GROUP} } }`, { input: { groupId, ...input } });
    const yearAgo = daysFromToday(-365);
    expect((await set({ personId: person.lead, role: 'LEAD', joinedOn: yearAgo })).errors).toBeUndefined();
    expect((await set({ personId: person.member, role: 'MEMBER', joinedOn: yearAgo })).errors).toBeUndefined();
    expect((await set({ personId: person.observer, role: 'OBSERVER', joinedOn: daysFromToday(-200) })).errors).toBeUndefined();
    const orphan = await set({ personId: person.lead, role: 'LEAD', joinedOn: yearAgo, leftOn: today() });
    expect(orphan.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const future = await set({ personId: person.member, role: 'MEMBER', joinedOn: daysFromToday(30) });
    expect(future.errors?.[0].message).toContain('joinedOn');
    const left = await set({ personId: person.observer, role: 'OBSERVER', joinedOn: daysFromToday(-200), leftOn: daysFromToday(-10) });
    const observer = left.data!.setGroupMember.members.find((m: { person: { id: string } }) => m.person.id === person.observer);
    expect(observer.leftOn).toBe(daysFromToday(-10));
  });

  let meetingId: string;
  it('records meetings with attendance, minutes and decisions, and exports the minutes', async () => {
    const input = {
      startsAt: `${daysFromToday(-60)}T14:00:00+01:00`, place: 'Hôtel de Région, Toulouse',
      agenda: ['Tour de table', 'Recycleries : état des lieux'],
      attendees: [{ personId: person.lead, attendance: 'PRESENT' }, { personId: person.member, attendance: 'EXCUSED' }],
      minutes: '## Recycleries\n\nLe **maillage** des recycleries progresse. <script>alert(1)</script>',
      decisions: ['Lancer un recensement des recycleries', 'Prochaine réunion en visio'],
      nextMeetingOn: daysFromToday(20),
    };
    const stranger = await api.gql(`mutation ($g: ID!, $input: GroupMeetingInput!) { createGroupMeeting(groupId: $g, input: $input) { id } }`, {
      g: groupId, input: { ...input, attendees: [{ personId: 'nobody', attendance: 'PRESENT' }] },
    });
    expect(stranger.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const data = await ok(`mutation ($g: ID!, $input: GroupMeetingInput!) { createGroupMeeting(groupId: $g, input: $input) {
      id decisions nextMeetingOn attendees { attendance person { name } } } }`, { g: groupId, input });
    meetingId = data.createGroupMeeting.id;
    expect(data.createGroupMeeting.attendees).toEqual([
      { attendance: 'PRESENT', person: { name: 'Claire Martin' } }, { attendance: 'EXCUSED', person: { name: 'Yann Le Goff' } },
    ]);
    const html = await fetch(`${api.url}/working-groups/meetings/${meetingId}/minutes.html`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(html.status).toBe(200);
    const page = await html.text();
    expect(page).toContain('Lancer un recensement des recycleries');
    expect(page).not.toContain('<script>alert(1)</script>');
    const pdf = await fetch(`${api.url}/working-groups/meetings/${meetingId}/minutes.pdf`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const md = await fetch(`${api.url}/working-groups/meetings/${meetingId}/minutes.md`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(await md.text()).toContain('Tour de table');
    expect((await fetch(`${api.url}/working-groups/meetings/${meetingId}/minutes.html`)).status).toBe(401);
  });

  let actionId: string;
  it('tracks actions with owners, statuses and indicators, refusing what breaks the rules', async () => {
    const create = (input: Record<string, unknown>) => api.gql(`mutation ($g: ID!, $input: GroupActionInput!) { createGroupAction(groupId: $g, input: $input) { ${ACTION} } }`, { g: groupId, input });
    const notMember = await create({ title: 'Recenser les recycleries', ownerPersonId: person.observer });
    expect(notMember.errors?.[0].message).toContain('ownerPersonId');
    const backwards = await create({ title: 'Recenser les recycleries', ownerPersonId: person.lead, startOn: daysFromToday(-10), dueOn: daysFromToday(-20) });
    expect(backwards.errors?.[0].message).toContain('dueOn');
    const late = await create({
      title: 'Recenser les recycleries de la région', ownerPersonId: person.member, contributorPersonIds: [person.lead], planActionCode: '6.2',
      status: 'IN_PROGRESS', startOn: daysFromToday(-50), dueOn: daysFromToday(-5),
    });
    expect(late.errors).toBeUndefined();
    actionId = late.data!.createGroupAction.id;
    const blocked = await api.gql(`mutation ($id: ID!) { changeGroupActionStatus(id: $id, status: BLOCKED) { status } }`, { id: actionId });
    expect(blocked.errors?.[0].message).toContain('BLOCKED');
    const withReason = await ok(`mutation ($id: ID!) { changeGroupActionStatus(id: $id, status: BLOCKED, reason: "attente du financement ADEME") { status statusReason } }`, { id: actionId });
    expect(withReason.changeGroupActionStatus).toEqual({ status: 'BLOCKED', statusReason: 'attente du financement ADEME' });

    const withIndicator = await ok(`mutation ($id: ID!, $input: IndicatorInput!) { addActionIndicator(actionId: $id, input: $input) { indicators { id name } } }`, {
      id: actionId, input: { name: 'Recycleries recensées', unit: 'structures', baseline: 0, target: 120 },
    });
    const indicatorId = withIndicator.addActionIndicator.indicators[0].id;
    const record = (on: string, value: unknown) => api.gql(`mutation ($id: ID!, $input: IndicatorValueInput!) { recordIndicatorValue(indicatorId: $id, input: $input) { ${ACTION} } }`, { id: indicatorId, input: { on, value } });
    expect((await record(daysFromToday(-40), 30)).errors).toBeUndefined();
    expect((await record(daysFromToday(-3), 60)).errors).toBeUndefined();
    expect((await record(daysFromToday(3), 70)).errors?.[0].message).toContain('on');
    expect((await record(daysFromToday(-2), 'beaucoup')).errors?.[0].message).toContain('Float');
    const corrected = await record(daysFromToday(-3), 66);
    const indicator = corrected.data!.recordIndicatorValue.indicators[0];
    expect(indicator.history.map((h: { value: number }) => h.value)).toEqual([30, 66]);
    expect(indicator.current).toEqual({ on: daysFromToday(-3), value: 66 });
    expect(indicator.progress).toBeCloseTo(66 / 120, 5);
  });

  it('shows the board, the plan progress, my actions and the activity feed', async () => {
    const { workingGroup } = await ok(`query ($id: ID!) { workingGroup(id: $id) { board {
      columns { status actions { action { id } } } overdue { daysLate action { id } } nextMeeting { on } lastDecisions { text }
      indicators { name progress } openCount } } }`, { id: groupId });
    const board = workingGroup.board;
    expect(board.columns.map((c: { status: string }) => c.status)).toEqual(['PLANNED', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'DROPPED']);
    expect(board.columns[2].actions).toEqual([{ action: { id: actionId } }]);
    expect(board.overdue).toEqual([{ daysLate: 5, action: { id: actionId } }]);
    expect(board.nextMeeting).toEqual({ on: daysFromToday(20) });
    expect(board.lastDecisions.map((d: { text: string }) => d.text)).toContain('Lancer un recensement des recycleries');
    expect(board.openCount).toBe(1);

    const { plan } = await ok(`query ($id: ID!) { plan(id: $id) { progress { axes { code actions { code groupCount actionCount byStatus { BLOCKED } overdueCount } } } } }`, { id: planId });
    const axis6 = plan.progress.axes.find((a: { code: string }) => a.code === '6');
    const action62 = axis6.actions.find((a: { code: string }) => a.code === '6.2');
    expect(action62.groupCount).toBeGreaterThanOrEqual(1);
    expect(action62.byStatus.BLOCKED).toBeGreaterThanOrEqual(1);
    expect(action62.overdueCount).toBeGreaterThanOrEqual(1);

    const mine = await ok(`query ($p: ID!) { myGroupActions(personId: $p) { role open action { id } group { id code } } }`, { p: person.lead });
    expect(mine.myGroupActions).toEqual([expect.objectContaining({ role: 'CONTRIBUTOR', open: true, action: { id: actionId } })]);

    const feed = async (before: string | null) => (await ok(`query ($id: ID!, $before: String) { workingGroup(id: $id) {
      activity(first: 4, before: $before) { nextCursor items { kind summary by at } } } }`, { id: groupId, before })).workingGroup.activity;
    const first = await feed(null);
    expect(first.items).toHaveLength(4);
    expect(first.items[0].kind).toBe('indicator.value');
    const second = await feed(first.nextCursor);
    const kinds = [...first.items, ...second.items].map((i: { kind: string }) => i.kind);
    expect(kinds).toContain('action.created');
    expect(new Set([...first.items, ...second.items].map((i: { at: string; summary: string }) => i.at + i.summary)).size).toBe(first.items.length + second.items.length);
  });

  it('lets members update only their own actions, and never edit the group', async () => {
    const email = `${api.unique('member')}@example.org`;
    await api.driver.executeQuery('MATCH (u:User {email: $email}) DETACH DELETE u', { email });
    const session = api.driver.session();
    try {
      await session.executeWrite((tx) => hash('member-password-1').then((passwordHash) => createUserIfAbsent(tx, { email, passwordHash, role: 'MEMBER' })));
    } finally {
      await session.close();
    }
    const login = await ok(`mutation { login(email: "${email}", password: "member-password-1") { token } }`, {}, null);
    const token = login.login.token;
    const own = await api.gql(`mutation ($id: ID!) { changeGroupActionStatus(id: $id, status: IN_PROGRESS, reason: "financement obtenu") { status } }`, { id: actionId }, token);
    expect(own.errors).toBeUndefined();
    const group = await api.gql(`mutation ($input: WorkingGroupInput!, $id: ID!) { updateWorkingGroup(id: $id, input: $input) { id } }`, {
      id: groupId, input: { planId, code: 'GTX', name: 'Pris en main', mode: 'PROJECT_OWNER', planActionCodes: ['6.1', '6.2'] },
    }, token);
    expect(group.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const history = await ok(`query ($id: ID!) { workingGroup(id: $id) { actions { id history { kind by } } } }`, { id: groupId });
    const changes = history.workingGroup.actions[0].history;
    expect(changes[0]).toEqual({ kind: expect.stringContaining('action'), by: email });
  });
});
