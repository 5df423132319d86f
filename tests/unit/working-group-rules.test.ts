import {
  checkGroupInput,
  checkMembershipChange,
  currentMembers,
  isCurrentMember,
  isMemberOn,
} from '../../server/domain/working-groups/group-rules';
import { MembershipRecord, PlanRecord } from '../../server/domain/working-groups/model';

const plan: PlanRecord = {
  id: 'plan-1',
  code: 'praec-test',
  title: 'PRAEC de test',
  description: null,
  territoryKey: 'REGION:76',
  axes: [{ code: '6', title: 'Déchets' }],
  actions: [
    { code: '6.1', axisCode: '6', title: 'Prévention' },
    { code: '6.2', axisCode: '6', title: 'Ressourceries' },
    { code: '6.3', axisCode: '6', title: 'Valorisation' },
  ],
};

const TODAY = '2026-03-12';
const lead: MembershipRecord = { personId: 'p-lead', role: 'LEAD', joinedOn: '2025-01-10', leftOn: null };
const member: MembershipRecord = { personId: 'p-member', role: 'MEMBER', joinedOn: '2025-02-01', leftOn: null };
const gone: MembershipRecord = { personId: 'p-gone', role: 'CO_LEAD', joinedOn: '2025-01-10', leftOn: '2025-12-31' };
const members = [lead, member, gone];

describe('checkGroupInput', () => {
  const input = { code: ' gt6a ', name: ' Réemploi & réutilisation ', mode: 'RESOURCE_SPACE', description: ' ', planActionCodes: ['6.1', '6.2', '6.1'] };

  it('accepts a group, code in capitals, plan actions once each, blank description as none', () => {
    expect(checkGroupInput(input, plan)).toEqual({
      value: { code: 'GT6A', name: 'Réemploi & réutilisation', mode: 'RESOURCE_SPACE', description: null, territoryKey: null, planActionCodes: ['6.1', '6.2'] },
      problems: [],
    });
  });

  it('accepts a group that serves no plan action yet, and a dashed code', () => {
    expect(checkGroupInput({ code: 'GT-EIT', name: 'Écologie industrielle', mode: 'PROJECT_MANAGER' }, plan).problems).toEqual([]);
  });

  it('refuses a bad code, a short name, an unknown mode and unknown plan actions, saying what to give', () => {
    const checked = checkGroupInput(
      { code: 'GT 6A', name: 'GT', mode: 'WORKSHOP', description: 'x'.repeat(4001), territoryKey: 'Gers', planActionCodes: ['6.9'] },
      plan,
    );
    expect(checked.value).toBeNull();
    expect(checked.problems).toEqual([
      { field: 'code', message: 'must be letters and digits, optionally joined by single dashes, e.g. "GT6A" or "GT-EIT" (got "GT 6A")' },
      { field: 'name', message: 'must have at least 3 characters (got 2): give the name of the group, e.g. "Réemploi & réutilisation"' },
      {
        field: 'mode',
        message: "must be one of RESOURCE_SPACE, PROJECT_OWNER, PROJECT_MANAGER: a resource space, the project owner (maître d'ouvrage) or the project manager (maître d'œuvre) (got \"WORKSHOP\")",
      },
      { field: 'description', message: 'must have at most 4000 characters (got 4001): shorten it' },
      { field: 'territoryKey', message: 'must be a territory key LEVEL:code, e.g. "REGION:76" or "EPCI:200054781" (got "Gers")' },
      { field: 'planActionCodes', message: '"6.9" is not an action of the plan praec-test: give codes among 6.1, 6.2, 6.3' },
    ]);
  });

  it('refuses a missing code and one longer than 20 characters', () => {
    expect(checkGroupInput({ ...input, code: '  ' }, plan).problems).toEqual([
      { field: 'code', message: 'is required: give the short code of the group, e.g. "GT6A"' },
    ]);
    expect(checkGroupInput({ ...input, code: 'G'.repeat(21) }, plan).problems).toEqual([
      { field: 'code', message: 'must have at most 20 characters (got 21): give a short code such as "GT6A"' },
    ]);
    expect(checkGroupInput({ ...input, code: 'GT-' }, plan).problems[0].field).toBe('code');
  });

  it('refuses to stop serving a plan action that one of the group\'s actions implements', () => {
    const actions = [{ title: 'Recenser les recycleries', planActionCode: '6.2' }, { title: 'Sans lien', planActionCode: null }];
    expect(checkGroupInput({ ...input, planActionCodes: ['6.1'] }, plan, actions).problems).toEqual([
      {
        field: 'planActionCodes',
        message: 'the group\'s action "Recenser les recycleries" implements plan action 6.2: keep 6.2, or first move that action to another plan action (or to none)',
      },
    ]);
    expect(checkGroupInput(input, plan, actions).problems).toEqual([]);
  });
});

describe('isMemberOn and currentMembers', () => {
  const group = { members };

  it('counts the day someone joined and the day they left', () => {
    expect(isMemberOn(group, 'p-gone', '2025-01-10')).toBe(true);
    expect(isMemberOn(group, 'p-gone', '2025-12-31')).toBe(true);
    expect(isMemberOn(group, 'p-gone', '2026-01-01')).toBe(false);
    expect(isMemberOn(group, 'p-member', '2025-01-31')).toBe(false);
    expect(isMemberOn(group, 'p-member', TODAY)).toBe(true);
    expect(isMemberOn(group, 'nobody', TODAY)).toBe(false);
  });

  it('leaves out of the current members those who left, even today, and those not yet joined', () => {
    const leftToday: MembershipRecord = { personId: 'p-today', role: 'MEMBER', joinedOn: '2025-05-05', leftOn: TODAY };
    const later: MembershipRecord = { personId: 'p-later', role: 'MEMBER', joinedOn: '2026-04-01', leftOn: null };
    const all = { members: [...members, leftToday, later] };
    expect(currentMembers(all, TODAY).map((m) => m.personId)).toEqual(['p-lead', 'p-member']);
    expect(isMemberOn(all, 'p-today', TODAY)).toBe(true);
    expect(isCurrentMember(all, 'p-today', TODAY)).toBe(false);
  });

  it('throws on a malformed today, which is a bug and not a user error', () => {
    expect(() => currentMembers(group, '12/03/2026')).toThrow(RangeError);
  });
});

describe('checkMembershipChange', () => {
  it('adds a newcomer at the end and returns the group after the change', () => {
    const checked = checkMembershipChange(members, { personId: 'p-new', role: 'MEMBER', joinedOn: TODAY }, TODAY);
    expect(checked.problems).toEqual([]);
    expect(checked.value).toEqual({
      membership: { personId: 'p-new', role: 'MEMBER', joinedOn: TODAY, leftOn: null },
      previous: null,
      members: [...members, { personId: 'p-new', role: 'MEMBER', joinedOn: TODAY, leftOn: null }],
    });
  });

  it('replaces the person\'s membership on a change of role', () => {
    const checked = checkMembershipChange(members, { personId: 'p-member', role: 'CO_LEAD', joinedOn: '2025-02-01', leftOn: null }, TODAY);
    expect(checked.value?.previous).toEqual(member);
    expect(checked.value?.members[1]).toEqual({ ...member, role: 'CO_LEAD' });
    expect(checked.value?.members).toHaveLength(3);
  });

  it('refuses dates that are not real, in the future, or a departure before the arrival', () => {
    expect(checkMembershipChange(members, { personId: 'p-new', role: 'MEMBER', joinedOn: '2026-02-30' }, TODAY).problems).toEqual([
      { field: 'joinedOn', message: 'must be a real date: 2026-02-30 does not exist' },
    ]);
    expect(checkMembershipChange(members, { personId: 'p-new', role: 'MEMBER', joinedOn: '2026-03-13' }, TODAY).problems).toEqual([
      { field: 'joinedOn', message: 'cannot be in the future (got 2026-03-13, today is 2026-03-12): give the day the person joined the group' },
    ]);
    expect(checkMembershipChange(members, { personId: 'p-member', role: 'MEMBER', joinedOn: '2025-02-01', leftOn: '2026-04-01' }, TODAY).problems).toEqual([
      {
        field: 'leftOn',
        message: 'cannot be in the future (got 2026-04-01, today is 2026-03-12): give the day the person left the group (leave it empty while they are a member)',
      },
    ]);
    expect(checkMembershipChange(members, { personId: 'p-member', role: 'MEMBER', joinedOn: '2025-02-01', leftOn: '2025-01-15' }, TODAY).problems).toEqual([
      { field: 'leftOn', message: 'cannot be before the day the person joined (2025-02-01) (got 2025-01-15): give a date on or after it' },
    ]);
    expect(checkMembershipChange(members, { personId: 'p-new', role: 'MEMBER', joinedOn: '12/03/2026' }, TODAY).problems[0].message).toBe(
      'must be a date written YYYY-MM-DD, e.g. "2021-09-01" (got "12/03/2026")',
    );
  });

  it('refuses an unknown role and a missing person', () => {
    expect(checkMembershipChange(members, { personId: ' ', role: 'PRESIDENT', joinedOn: TODAY }, TODAY).problems).toEqual([
      { field: 'personId', message: 'is required: give the person whose membership changes' },
      { field: 'role', message: 'must be one of LEAD, CO_LEAD, MEMBER, OBSERVER (got "PRESIDENT")' },
    ]);
  });

  it('refuses a change that changes nothing', () => {
    expect(checkMembershipChange(members, { ...member }, TODAY).problems).toEqual([
      { field: 'personId', message: 'p-member is already recorded with this role and these dates: change the role or a date, or leave the membership as it is' },
    ]);
  });

  it('refuses to let the last current lead leave or step down, and says what to do first', () => {
    expect(checkMembershipChange(members, { ...lead, leftOn: TODAY }, TODAY).problems).toEqual([
      {
        field: 'leftOn',
        message: "p-lead is the group's last lead among its current members and cannot leave: first give another current member the role LEAD or CO_LEAD, then record this change",
      },
    ]);
    expect(checkMembershipChange(members, { ...lead, role: 'MEMBER' }, TODAY).problems).toEqual([
      {
        field: 'role',
        message: "p-lead is the group's last lead among its current members and cannot become MEMBER: first give another current member the role LEAD or CO_LEAD, then record this change",
      },
    ]);
  });

  it('lets a lead leave once another current member leads', () => {
    const promoted = checkMembershipChange(members, { ...member, role: 'CO_LEAD' }, TODAY).value!.members;
    expect(checkMembershipChange(promoted, { ...lead, leftOn: TODAY }, TODAY).problems).toEqual([]);
  });

  it('makes the first member of a group its lead', () => {
    expect(checkMembershipChange([], { personId: 'p1', role: 'MEMBER', joinedOn: TODAY }, TODAY).problems).toEqual([
      { field: 'role', message: 'the first member of a group leads it: give p1 the role LEAD or CO_LEAD (others can be added as MEMBER afterwards)' },
    ]);
    expect(checkMembershipChange([], { personId: 'p1', role: 'CO_LEAD', joinedOn: TODAY }, TODAY).problems).toEqual([]);
  });

  it('still records changes in a group imported without a lead', () => {
    const leaderless = [member];
    expect(checkMembershipChange(leaderless, { personId: 'p2', role: 'OBSERVER', joinedOn: TODAY }, TODAY).problems).toEqual([]);
  });

  it('lets someone who left come back', () => {
    const checked = checkMembershipChange(members, { ...gone, role: 'MEMBER', leftOn: null }, TODAY);
    expect(checked.problems).toEqual([]);
    expect(checked.value?.previous).toEqual(gone);
    expect(currentMembers({ members: checked.value!.members }, TODAY).map((m) => m.personId)).toEqual(['p-lead', 'p-member', 'p-gone']);
  });
});
