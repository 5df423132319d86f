import {
  ActionInput,
  checkActionInput,
  checkIndicatorInput,
  checkIndicatorValue,
  checkStatusChange,
  currentValue,
  indicatorProgress,
} from '../../server/domain/working-groups/action-rules';
import { IndicatorRecord, PersonRecord, PlanRecord, WorkingGroupRecord } from '../../server/domain/working-groups/model';

const plan: Pick<PlanRecord, 'code' | 'actions'> = {
  code: 'praec-test',
  actions: [
    { code: '6.1', axisCode: '6', title: 'Prévention' },
    { code: '6.2', axisCode: '6', title: 'Ressourceries' },
    { code: '6.3', axisCode: '6', title: 'Valorisation' },
  ],
};

const group: Pick<WorkingGroupRecord, 'code' | 'planActionCodes' | 'members'> = {
  code: 'GT6A',
  planActionCodes: ['6.1', '6.2'],
  members: [
    { personId: 'p-lead', role: 'LEAD', joinedOn: '2025-01-10', leftOn: null },
    { personId: 'p-member', role: 'MEMBER', joinedOn: '2025-02-01', leftOn: null },
    { personId: 'p-other', role: 'MEMBER', joinedOn: '2025-02-01', leftOn: null },
    { personId: 'p-gone', role: 'MEMBER', joinedOn: '2025-01-10', leftOn: '2026-01-31' },
  ],
};

const people: PersonRecord[] = [
  { id: 'p-lead', name: 'Marie Dupont', email: 'marie@cress.example', actorId: 'a-cress' },
  { id: 'p-member', name: 'Jean Martin', email: null, actorId: null },
];

const TODAY = '2026-03-12';
const input: ActionInput = {
  title: ' Recenser les recycleries ',
  description: 'Avec le réseau des ressourceries.',
  planActionCode: '6.2',
  ownerPersonId: 'p-lead',
  contributorPersonIds: ['p-member'],
  startOn: '2026-01-15',
  dueOn: '2026-06-30',
};

describe('checkActionInput', () => {
  it('accepts an action, PLANNED by default, the owner\'s organisation by default', () => {
    expect(checkActionInput(group, plan, input, TODAY, people)).toEqual({
      value: {
        title: 'Recenser les recycleries',
        description: 'Avec le réseau des ressourceries.',
        planActionCode: '6.2',
        ownerPersonId: 'p-lead',
        ownerActorId: 'a-cress',
        contributorPersonIds: ['p-member'],
        status: 'PLANNED',
        statusReason: null,
        startOn: '2026-01-15',
        dueOn: '2026-06-30',
      },
      problems: [],
    });
    expect(checkActionInput(group, plan, { ...input, ownerActorId: 'a-other' }, TODAY, people).value?.ownerActorId).toBe('a-other');
    expect(checkActionInput(group, plan, { ...input, planActionCode: null }, TODAY).value?.planActionCode).toBeNull();
  });

  it('wants a title of 3 to 200 characters and a description of at most 4000', () => {
    expect(checkActionInput(group, plan, { ...input, title: 'ok', description: 'd'.repeat(4001) }, TODAY).problems).toEqual([
      { field: 'title', message: 'must have at least 3 characters (got 2): give what is to be done, in a line' },
      { field: 'description', message: 'must have at most 4000 characters (got 4001): shorten it' },
    ]);
    expect(checkActionInput(group, plan, { ...input, title: 't'.repeat(201) }, TODAY).problems).toEqual([
      { field: 'title', message: 'must have at most 200 characters (got 201): shorten it' },
    ]);
  });

  it('keeps the action within the plan actions the group serves', () => {
    expect(checkActionInput(group, plan, { ...input, planActionCode: '6.3' }, TODAY).problems).toEqual([
      { field: 'planActionCode', message: 'GT6A does not serve plan action 6.3: give one of 6.1, 6.2, none, or first add 6.3 to the group' },
    ]);
    expect(checkActionInput(group, plan, { ...input, planActionCode: '9.9' }, TODAY).problems).toEqual([
      { field: 'planActionCode', message: '"9.9" is not an action of the plan praec-test: give one of the group\'s plan actions (6.1, 6.2) or none' },
    ]);
  });

  it('wants a current member in charge, and current members as contributors, each once and not the owner', () => {
    expect(checkActionInput(group, plan, { ...input, ownerPersonId: 'p-gone' }, TODAY).problems).toEqual([
      { field: 'ownerPersonId', message: 'p-gone is not a current member of GT6A: give a current member as the person in charge, or add them to the group first' },
    ]);
    expect(
      checkActionInput(group, plan, { ...input, contributorPersonIds: ['p-member', 'p-lead', 'p-member', 'p-gone', ' '] }, TODAY).problems,
    ).toEqual([
      { field: 'contributorPersonIds[1]', message: 'p-lead is the person in charge: list only the other contributors' },
      { field: 'contributorPersonIds[2]', message: 'p-member is listed twice: keep one line per contributor' },
      { field: 'contributorPersonIds[3]', message: 'p-gone is not a current member of GT6A: add them to the group first, or remove them' },
      { field: 'contributorPersonIds[4]', message: 'is blank: give a person or remove the line' },
    ]);
    expect(checkActionInput(group, plan, { ...input, ownerPersonId: '' }, TODAY).problems[0]).toEqual({
      field: 'ownerPersonId',
      message: 'is required: give the member in charge of the action',
    });
  });

  it('wants the start on or before the due date, both real dates', () => {
    expect(checkActionInput(group, plan, { ...input, startOn: '2026-07-01' }, TODAY).problems).toEqual([
      { field: 'dueOn', message: 'cannot be before the start (2026-07-01) (got 2026-06-30): give a due date on or after the start' },
    ]);
    expect(checkActionInput(group, plan, { ...input, dueOn: '2026-06-31' }, TODAY).problems).toEqual([
      { field: 'dueOn', message: 'must be a real date: 2026-06-31 does not exist' },
    ]);
    // An overdue action can be recorded late.
    expect(checkActionInput(group, plan, { ...input, startOn: null, dueOn: '2025-12-01' }, TODAY).problems).toEqual([]);
  });

  it('wants a known status, and a reason for BLOCKED and DROPPED', () => {
    expect(checkActionInput(group, plan, { ...input, status: 'STALLED' }, TODAY).problems).toEqual([
      { field: 'status', message: 'must be one of PLANNED, IN_PROGRESS, BLOCKED, DONE, DROPPED (got "STALLED")' },
    ]);
    expect(checkActionInput(group, plan, { ...input, status: 'BLOCKED', statusReason: 'oups' }, TODAY).problems).toEqual([
      { field: 'statusReason', message: 'an action is BLOCKED for a reason: say what blocks it in at least 5 characters, e.g. "attente du financement ADEME"' },
    ]);
    expect(checkActionInput(group, plan, { ...input, status: 'BLOCKED', statusReason: ' attente du financement ADEME ' }, TODAY).value?.statusReason).toBe(
      'attente du financement ADEME',
    );
  });
});

describe('checkStatusChange', () => {
  const action = { status: 'IN_PROGRESS' as const, startOn: '2026-01-15' };

  it('blocks an action with a reason', () => {
    expect(checkStatusChange(action, 'BLOCKED', 'attente du financement ADEME', TODAY)).toEqual({
      value: { status: 'BLOCKED', statusReason: 'attente du financement ADEME', reopened: false },
      problems: [],
    });
  });

  it('refuses BLOCKED and DROPPED without a reason of at least 5 characters', () => {
    expect(checkStatusChange(action, 'BLOCKED', null, TODAY).problems).toEqual([
      { field: 'statusReason', message: 'an action is BLOCKED for a reason: say what blocks it in at least 5 characters, e.g. "attente du financement ADEME"' },
    ]);
    expect(checkStatusChange(action, 'DROPPED', ' non ', TODAY).problems).toEqual([
      { field: 'statusReason', message: 'an action is DROPPED for a reason: say why it is given up in at least 5 characters' },
    ]);
  });

  it('refuses the same status twice, and an unknown one', () => {
    expect(checkStatusChange(action, 'IN_PROGRESS', null, TODAY).problems).toEqual([
      { field: 'status', message: 'the action is already IN_PROGRESS: choose another status, or leave it as it is' },
    ]);
    expect(checkStatusChange(action, 'PAUSED', null, TODAY).problems).toEqual([
      { field: 'status', message: 'must be one of PLANNED, IN_PROGRESS, BLOCKED, DONE, DROPPED (got "PAUSED")' },
    ]);
  });

  it('keeps DONE and DROPPED final, except when reopened to IN_PROGRESS or PLANNED', () => {
    const done = { status: 'DONE' as const, startOn: null };
    expect(checkStatusChange(done, 'DROPPED', 'plus de budget', TODAY).problems).toEqual([
      { field: 'status', message: 'the action is DONE, which is final: reopen it first (IN_PROGRESS or PLANNED), then set it to DROPPED' },
    ]);
    expect(checkStatusChange({ status: 'DROPPED', startOn: null }, 'BLOCKED', 'en attente', TODAY).problems[0].field).toBe('status');
    expect(checkStatusChange(done, 'IN_PROGRESS', 'seconde phase', TODAY).value).toEqual({ status: 'IN_PROGRESS', statusReason: 'seconde phase', reopened: true });
    expect(checkStatusChange({ status: 'DROPPED', startOn: null }, 'PLANNED', null, TODAY).value?.reopened).toBe(true);
  });

  it('refuses DONE for an action that has not started', () => {
    expect(checkStatusChange({ status: 'PLANNED', startOn: '2026-04-01' }, 'DONE', null, TODAY).problems).toEqual([
      { field: 'status', message: 'the action starts on 2026-04-01, after today (2026-03-12): it cannot be DONE before it starts; move its start date first' },
    ]);
  });
});

describe('checkIndicatorInput', () => {
  it('accepts an indicator with a descending target', () => {
    expect(checkIndicatorInput({ name: ' Déchets enfouis ', unit: 't/an', baseline: 1200, target: 800 })).toEqual({
      value: { name: 'Déchets enfouis', unit: 't/an', baseline: 1200, target: 800 },
      problems: [],
    });
    expect(checkIndicatorInput({ name: 'Structures', unit: 'structures' }).value).toEqual({ name: 'Structures', unit: 'structures', baseline: null, target: null });
  });

  it('refuses blank names and units, numbers that are not finite, and a target equal to the baseline', () => {
    expect(checkIndicatorInput({ name: ' ', unit: '', baseline: NaN, target: Infinity }).problems).toEqual([
      { field: 'name', message: 'is required: give what is measured, e.g. "Tonnes réemployées"' },
      { field: 'unit', message: 'is required: give the unit, e.g. "t/an", "structures" or "%"' },
      { field: 'baseline', message: 'must be a number, or empty when unknown: give the value when the action started (got NaN)' },
      { field: 'target', message: 'must be a number, or empty when unknown: give the value to reach (got Infinity)' },
    ]);
    expect(checkIndicatorInput({ name: 'x', unit: '%', baseline: '10' as unknown as number }).problems).toEqual([
      { field: 'baseline', message: 'must be a number, or empty when unknown: give the value when the action started (got "10")' },
    ]);
    expect(checkIndicatorInput({ name: 'x', unit: '%', baseline: 10, target: 10 }).problems).toEqual([
      { field: 'target', message: 'equals the baseline (10): there is nothing to reach; give the value the action aims at' },
    ]);
  });
});

describe('checkIndicatorValue', () => {
  const indicator: IndicatorRecord = {
    id: 'i1',
    name: 'Tonnes réemployées',
    unit: 't/an',
    baseline: 100,
    target: 500,
    history: [
      { on: '2026-01-31', value: 150, note: null },
      { on: '2026-02-28', value: 180, note: null },
    ],
  };

  it('appends a value in date order', () => {
    const checked = checkIndicatorValue(indicator, { on: '2026-02-15', value: 160, note: '  ' }, TODAY);
    expect(checked.problems).toEqual([]);
    expect(checked.value?.replaced).toBeNull();
    expect(checked.value?.entry).toEqual({ on: '2026-02-15', value: 160, note: null });
    expect(checked.value?.history.map((v) => v.on)).toEqual(['2026-01-31', '2026-02-15', '2026-02-28']);
  });

  it('replaces the value of the same day, and says which', () => {
    const checked = checkIndicatorValue(indicator, { on: '2026-02-28', value: 185, note: 'corrigé' }, TODAY);
    expect(checked.value?.replaced).toEqual({ on: '2026-02-28', value: 180, note: null });
    expect(checked.value?.history).toEqual([
      { on: '2026-01-31', value: 150, note: null },
      { on: '2026-02-28', value: 185, note: 'corrigé' },
    ]);
  });

  it('refuses NaN, Infinity and text, and dates not real or in the future', () => {
    expect(checkIndicatorValue(indicator, { on: TODAY, value: NaN }, TODAY).problems).toEqual([
      { field: 'value', message: 'must be a finite number, e.g. 120 or 0.5 (got NaN)' },
    ]);
    expect(checkIndicatorValue(indicator, { on: TODAY, value: Infinity }, TODAY).problems[0].message).toBe('must be a finite number, e.g. 120 or 0.5 (got Infinity)');
    expect(checkIndicatorValue(indicator, { on: TODAY, value: '12' as unknown as number }, TODAY).problems[0].message).toBe('must be a finite number, e.g. 120 or 0.5 (got "12")');
    expect(checkIndicatorValue(indicator, { on: '2026-03-13', value: 1 }, TODAY).problems).toEqual([
      { field: 'on', message: 'cannot be in the future (got 2026-03-13, today is 2026-03-12): give the day "Tonnes réemployées" was measured' },
    ]);
    expect(checkIndicatorValue(indicator, { on: '2026-02-29', value: 1 }, TODAY).problems[0].message).toBe('must be a real date: 2026-02-29 does not exist');
  });
});

describe('indicatorProgress', () => {
  const at = (value: number) => [{ on: '2026-03-01', value, note: null }];

  it('runs from baseline to target, clamped to 0..1', () => {
    expect(indicatorProgress({ baseline: 100, target: 500, history: at(300) })).toBe(0.5);
    expect(indicatorProgress({ baseline: 100, target: 500, history: at(50) })).toBe(0);
    expect(indicatorProgress({ baseline: 100, target: 500, history: at(900) })).toBe(1);
  });

  it('counts going down as progress when the target is below the baseline', () => {
    expect(indicatorProgress({ baseline: 1200, target: 800, history: at(1100) })).toBe(0.25);
    expect(indicatorProgress({ baseline: 1200, target: 800, history: at(1300) })).toBe(0);
    expect(indicatorProgress({ baseline: 1200, target: 800, history: at(700) })).toBe(1);
  });

  it('is null without a value, a baseline or a target', () => {
    expect(indicatorProgress({ baseline: 100, target: 500, history: [] })).toBeNull();
    expect(indicatorProgress({ baseline: null, target: 500, history: at(1) })).toBeNull();
    expect(indicatorProgress({ baseline: 100, target: null, history: at(1) })).toBeNull();
  });

  it('takes the latest day as the current value, whatever the stored order', () => {
    expect(
      currentValue({
        history: [
          { on: '2026-03-01', value: 3, note: null },
          { on: '2026-01-01', value: 1, note: null },
        ],
      })?.value,
    ).toBe(3);
  });
});
