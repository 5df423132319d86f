import fc from 'fast-check';
import {
  activityFeed,
  daysLate,
  decodeFeedCursor,
  encodeFeedCursor,
  groupBoard,
  myActions,
  nextMeeting,
  planProgress,
} from '../../server/domain/working-groups/boards';
import {
  ChangeRecord,
  GroupActionRecord,
  GroupMeetingRecord,
  IndicatorRecord,
  PersonRecord,
  PlanRecord,
  WorkingGroupRecord,
} from '../../server/domain/working-groups/model';

const TODAY = '2026-03-12';

const plan: PlanRecord = {
  id: 'plan-1',
  code: 'praec-test',
  title: 'PRAEC de test',
  description: null,
  territoryKey: null,
  axes: [
    { code: '3', title: 'Territoires' },
    { code: '6', title: 'Déchets' },
  ],
  actions: [
    { code: '3.1', axisCode: '3', title: 'EIT' },
    { code: '6.2', axisCode: '6', title: 'Ressourceries' },
    { code: '6.4', axisCode: '6', title: 'Biodéchets' },
  ],
};

function group(id: string, code: string, planActionCodes: string[], planId = 'plan-1'): WorkingGroupRecord {
  return {
    id,
    planId,
    code,
    name: `Groupe ${code}`,
    mode: 'RESOURCE_SPACE',
    description: null,
    territoryKey: null,
    planActionCodes,
    members: [
      { personId: 'p-lead', role: 'LEAD', joinedOn: '2025-01-10', leftOn: null },
      { personId: 'p-member', role: 'MEMBER', joinedOn: '2025-02-01', leftOn: null },
      { personId: 'p-co', role: 'CO_LEAD', joinedOn: '2025-02-01', leftOn: null },
      { personId: 'p-gone', role: 'MEMBER', joinedOn: '2025-01-10', leftOn: '2025-12-31' },
    ],
    createdAt: '2025-01-10T09:00:00.000Z',
  };
}

const gt6a = group('g6a', 'GT6A', ['6.2']);
const gt6b = group('g6b', 'GT6B', ['6.2', '6.4']);
const other = group('g-other', 'GT-X', ['6.2'], 'plan-2');

const people: PersonRecord[] = [
  { id: 'p-lead', name: 'Marie Dupont', email: null, actorId: null },
  { id: 'p-member', name: 'Jean Martin', email: null, actorId: null },
  { id: 'p-co', name: 'Awa Diallo', email: null, actorId: null },
];

function indicator(id: string, baseline: number | null, target: number | null, value: number | null): IndicatorRecord {
  return { id, name: `Indicateur ${id}`, unit: 't/an', baseline, target, history: value === null ? [] : [{ on: '2026-02-28', value, note: null }] };
}

function action(id: string, groupId: string, fields: Partial<GroupActionRecord>): GroupActionRecord {
  return {
    id,
    groupId,
    title: `Action ${id}`,
    description: null,
    planActionCode: null,
    ownerPersonId: 'p-lead',
    ownerActorId: null,
    contributorPersonIds: [],
    status: 'PLANNED',
    statusReason: null,
    startOn: null,
    dueOn: null,
    indicators: [],
    links: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

const actions: GroupActionRecord[] = [
  // GT6A
  action('a1', 'g6a', { planActionCode: '6.2', status: 'IN_PROGRESS', dueOn: '2026-03-02', indicators: [indicator('i1', 100, 500, 300)] }), // 10 days late, progress 0.5
  action('a2', 'g6a', { planActionCode: '6.2', status: 'BLOCKED', statusReason: 'attente du financement', dueOn: '2026-01-31', ownerPersonId: 'p-member', contributorPersonIds: ['p-lead'] }), // 40 days late
  action('a3', 'g6a', { planActionCode: '6.2', status: 'DONE', dueOn: '2026-01-15' }), // done: not late
  action('a4', 'g6a', { status: 'PLANNED', dueOn: TODAY }), // due today: not late
  action('a5', 'g6a', { status: 'PLANNED', dueOn: null, title: 'Sans échéance' }),
  // GT6B: a descending target (less biowaste landfilled).
  action('b1', 'g6b', { planActionCode: '6.4', status: 'IN_PROGRESS', dueOn: '2026-12-31', indicators: [indicator('i2', 1200, 800, 1100)] }), // progress 0.25
  action('b2', 'g6b', { planActionCode: '6.4', status: 'DROPPED', statusReason: 'hors périmètre', indicators: [indicator('i3', 0, 10, 0)] }),
  // Another plan's group: ignored by planProgress.
  action('x1', 'g-other', { planActionCode: '6.2', status: 'BLOCKED', dueOn: '2025-01-01' }),
];

function meeting(id: string, startsAt: string, fields: Partial<GroupMeetingRecord> = {}): GroupMeetingRecord {
  return { id, groupId: 'g6a', startsAt, place: 'Toulouse', videoLink: null, agenda: [], attendees: [], minutes: null, decisions: [], nextMeetingOn: null, ...fields };
}

const meetings: GroupMeetingRecord[] = [
  meeting('m1', '2026-01-15T13:00:00Z', { decisions: ['D1', 'D2'] }),
  meeting('m2', '2026-02-19T13:00:00Z', { decisions: ['D3'], nextMeetingOn: '2026-03-26' }),
  meeting('m3', '2026-04-09T12:00:00Z', { decisions: ['Prévue, pas encore prise'] }),
  meeting('m-other', '2026-03-20T12:00:00Z', { groupId: 'g6b' }),
];

describe('daysLate', () => {
  it('counts days past the due date for open actions only, due today being on time', () => {
    expect(daysLate({ status: 'IN_PROGRESS', dueOn: '2026-03-02' }, TODAY)).toBe(10);
    expect(daysLate({ status: 'PLANNED', dueOn: TODAY }, TODAY)).toBeNull();
    expect(daysLate({ status: 'DONE', dueOn: '2026-01-01' }, TODAY)).toBeNull();
    expect(daysLate({ status: 'DROPPED', dueOn: '2026-01-01' }, TODAY)).toBeNull();
    expect(daysLate({ status: 'BLOCKED', dueOn: null }, TODAY)).toBeNull();
  });
});

describe('groupBoard', () => {
  const board = groupBoard(gt6a, actions, meetings, people, TODAY);

  it('has one column per status, in order, even empty ones', () => {
    expect(board.columns.map((c) => [c.status, c.label, c.actions.map((a) => a.action.id)])).toEqual([
      ['PLANNED', 'Prévue', ['a4', 'a5']],
      ['IN_PROGRESS', 'En cours', ['a1']],
      ['BLOCKED', 'Bloquée', ['a2']],
      ['DONE', 'Terminée', ['a3']],
      ['DROPPED', 'Abandonnée', []],
    ]);
    expect(board.openCount).toBe(4);
  });

  it('lists overdue actions, most late first, with their owner', () => {
    expect(board.overdue.map((o) => [o.action.id, o.daysLate, o.ownerName])).toEqual([
      ['a2', 40, 'Jean Martin'],
      ['a1', 10, 'Marie Dupont'],
    ]);
  });

  it('shows the next scheduled meeting', () => {
    expect(board.nextMeeting).toEqual({ on: '2026-04-09', meetingId: 'm3', startsAt: '2026-04-09T12:00:00Z', place: 'Toulouse', videoLink: null });
  });

  it('falls back on the date the last meeting announced, and on nothing once it is past', () => {
    const past = meetings.filter((m) => m.groupId === 'g6a' && m.id !== 'm3');
    expect(nextMeeting(past, TODAY)).toEqual({ on: '2026-03-26', meetingId: null, startsAt: null, place: null, videoLink: null });
    expect(nextMeeting(past, '2026-03-27')).toBeNull();
    expect(nextMeeting([], TODAY)).toBeNull();
  });

  it('with the current instant, a meeting earlier today is no longer the next one', () => {
    const today = meeting('m-today', '2026-03-12T08:00:00Z');
    expect(nextMeeting([today], TODAY)?.meetingId).toBe('m-today');
    expect(nextMeeting([today], TODAY, { now: new Date('2026-03-12T10:00:00Z') })).toBeNull();
  });

  it('gives the latest decisions of held meetings, most recent first, with their meeting day', () => {
    expect(board.lastDecisions).toEqual([
      { text: 'D3', meetingId: 'm2', meetingOn: '2026-02-19', startsAt: '2026-02-19T13:00:00Z' },
      { text: 'D1', meetingId: 'm1', meetingOn: '2026-01-15', startsAt: '2026-01-15T13:00:00Z' },
      { text: 'D2', meetingId: 'm1', meetingOn: '2026-01-15', startsAt: '2026-01-15T13:00:00Z' },
    ]);
    const many = Array.from({ length: 4 }, (_, i) => meeting(`k${i}`, `2026-02-0${i + 1}T09:00:00Z`, { decisions: ['a', 'b', 'c'] }));
    expect(groupBoard(gt6a, [], many, people, TODAY).lastDecisions.map((d) => d.meetingId)).toEqual([
      'k3', 'k3', 'k3', 'k2', 'k2', 'k2', 'k1', 'k1', 'k1', 'k0',
    ]);
  });

  it('summarises indicators with their current value, target and progress', () => {
    expect(board.indicators).toEqual([
      {
        actionId: 'a1',
        actionTitle: 'Action a1',
        indicatorId: 'i1',
        name: 'Indicateur i1',
        unit: 't/an',
        baseline: 100,
        target: 500,
        current: { on: '2026-02-28', value: 300, note: null },
        progress: 0.5,
        direction: 'UP',
      },
    ]);
    const b = groupBoard(gt6b, actions, [], people, TODAY).indicators;
    expect(b.map((i) => [i.indicatorId, i.progress, i.direction])).toEqual([
      ['i2', 0.25, 'DOWN'],
      ['i3', 0, 'UP'],
    ]);
  });

  it('lists current members, leads first', () => {
    expect(board.members).toEqual([
      { personId: 'p-lead', name: 'Marie Dupont', role: 'LEAD' },
      { personId: 'p-co', name: 'Awa Diallo', role: 'CO_LEAD' },
      { personId: 'p-member', name: 'Jean Martin', role: 'MEMBER' },
    ]);
  });
});

describe('planProgress', () => {
  const progress = planProgress(plan, [gt6a, gt6b, other], actions, TODAY);

  it('counts, per plan action, the groups serving it, its actions by status and the overdue ones', () => {
    const a62 = progress.axes[1].actions[0];
    expect(a62).toMatchObject({
      code: '6.2',
      groupCount: 2,
      groupCodes: ['GT6A', 'GT6B'],
      actionCount: 3,
      byStatus: { PLANNED: 0, IN_PROGRESS: 1, BLOCKED: 1, DONE: 1, DROPPED: 0 },
      overdueCount: 2,
      indicatorCount: 1,
      measuredCount: 1,
      meanProgress: 0.5,
    });
    expect(a62.indicators.map((i) => [i.indicatorId, i.groupId, i.progress])).toEqual([['i1', 'g6a', 0.5]]);
  });

  it('handles a descending target and leaves dropped actions out of the mean progress', () => {
    const a64 = progress.axes[1].actions[1];
    expect(a64).toMatchObject({ code: '6.4', groupCount: 1, actionCount: 2, indicatorCount: 1, measuredCount: 1, meanProgress: 0.25 });
    expect(a64.byStatus.DROPPED).toBe(1);
  });

  it('shows plan actions no group serves, and sums axes', () => {
    expect(progress.axes[0]).toMatchObject({ code: '3', groupCount: 0, actionCount: 0, meanProgress: null });
    expect(progress.axes[0].actions[0]).toMatchObject({ code: '3.1', groupCount: 0, groupCodes: [], actionCount: 0 });
    expect(progress.axes[1]).toMatchObject({ code: '6', groupCount: 2, actionCount: 5, overdueCount: 2, indicatorCount: 2, meanProgress: 0.375 });
  });

  it('totals the plan, counting actions without a plan action apart', () => {
    expect(progress.withoutPlanAction).toMatchObject({ actionCount: 2, groupCount: 1, overdueCount: 0 });
    expect(progress.totals).toMatchObject({
      groupCount: 2,
      actionCount: 7,
      byStatus: { PLANNED: 2, IN_PROGRESS: 2, BLOCKED: 1, DONE: 1, DROPPED: 1 },
      overdueCount: 2,
      meanProgress: 0.375,
    });
  });
});

describe('myActions', () => {
  it('lists what a person owns or contributes to, open first, then by due date, with the group', () => {
    const mine = myActions('p-lead', actions, [gt6a, gt6b], TODAY);
    expect(mine.map((m) => [m.action.id, m.group.code, m.role, m.open, m.daysLate])).toEqual([
      ['a2', 'GT6A', 'CONTRIBUTOR', true, 40],
      ['a1', 'GT6A', 'OWNER', true, 10],
      ['a4', 'GT6A', 'OWNER', true, null],
      ['b1', 'GT6B', 'OWNER', true, null],
      ['a5', 'GT6A', 'OWNER', true, null],
      ['a3', 'GT6A', 'OWNER', false, null],
      ['b2', 'GT6B', 'OWNER', false, null],
    ]);
    expect(myActions('p-member', actions, [gt6a], TODAY).map((m) => m.action.id)).toEqual(['a2']);
    expect(myActions('nobody', actions, [gt6a], TODAY)).toEqual([]);
  });
});

describe('activityFeed', () => {
  function change(id: string, at: string): ChangeRecord {
    return { id, groupId: 'g6a', subject: 'ACTION', subjectId: 'a1', kind: 'action.updated', summary: id, changes: {}, by: 'x@y.fr', at };
  }
  const changes = [
    change('c1', '2026-03-01T10:00:00.000Z'),
    change('c3', '2026-03-02T10:00:00.000Z'),
    change('c2', '2026-03-02T10:00:00.000Z'),
    change('c4', '2026-03-03T10:00:00.000Z'),
    change('c5', '2026-03-04T10:00:00.000Z'),
  ];

  it('pages newest first by (at, id), with a cursor to the next page', () => {
    const first = activityFeed(changes, 2);
    expect(first.items.map((c) => c.id)).toEqual(['c5', 'c4']);
    expect(first.hasMore).toBe(true);
    expect(first.next).toEqual({ at: '2026-03-03T10:00:00.000Z', id: 'c4' });
    const second = activityFeed(changes, 2, first.next);
    expect(second.items.map((c) => c.id)).toEqual(['c3', 'c2']);
    const third = activityFeed(changes, 2, second.next);
    expect(third).toEqual({ items: [changes[0]], hasMore: false, next: null });
  });

  it('does not shift pages when a change is recorded between two reads', () => {
    const first = activityFeed(changes, 2);
    const later = [...changes, change('c6', '2026-03-05T10:00:00.000Z')];
    expect(activityFeed(later, 2, first.next).items.map((c) => c.id)).toEqual(['c3', 'c2']);
  });

  it('refuses a limit below 1 and cuts one above 100', () => {
    expect(() => activityFeed(changes, 0)).toThrow(RangeError);
    expect(() => activityFeed(changes, 1.5)).toThrow('limit must be a whole number of at least 1 (got 1.5)');
    const many = Array.from({ length: 150 }, (_, i) => change(`c${String(i).padStart(3, '0')}`, '2026-03-01T10:00:00.000Z'));
    expect(activityFeed(many, 500).items).toHaveLength(100);
  });

  it('walks every entry exactly once, whatever the page size (property)', () => {
    const entry = fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), at: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 30 }), fc.integer({ min: 1, max: 7 }), (entries, limit) => {
        const all = entries.map((e) => change(e.id, new Date(Date.UTC(2026, 0, 1) + e.at * 1000).toISOString()));
        const seen: string[] = [];
        let page = activityFeed(all, limit);
        seen.push(...page.items.map((c) => c.id));
        while (page.next) {
          page = activityFeed(all, limit, page.next);
          seen.push(...page.items.map((c) => c.id));
        }
        expect([...seen].sort()).toEqual(all.map((c) => c.id).sort());
        const times = seen.map((id) => Date.parse(all.find((c) => c.id === id)!.at));
        for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1]);
      }),
    );
  });

  it('encodes cursors as opaque strings and rejects garbage', () => {
    const cursor = { at: '2026-03-03T10:00:00.000Z', id: 'c4' };
    expect(decodeFeedCursor(encodeFeedCursor(cursor))).toEqual(cursor);
    expect(decodeFeedCursor('not a cursor')).toBeNull();
    expect(decodeFeedCursor(Buffer.from('["x","y"]').toString('base64url'))).toBeNull();
  });
});
