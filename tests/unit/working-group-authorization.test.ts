import { canEditGroup, canUpdateAction } from '../../server/domain/working-groups/authorization';
import { PersonRecord, WorkingGroupRecord } from '../../server/domain/working-groups/model';

const group: Pick<WorkingGroupRecord, 'code' | 'members'> = {
  code: 'GT6A',
  members: [
    { personId: 'p-lead', role: 'LEAD', joinedOn: '2025-01-10', leftOn: null },
    { personId: 'p-co', role: 'CO_LEAD', joinedOn: '2025-01-10', leftOn: null },
    { personId: 'p-member', role: 'MEMBER', joinedOn: '2025-02-01', leftOn: null },
    { personId: 'p-ex-lead', role: 'LEAD', joinedOn: '2024-01-10', leftOn: '2025-01-09' },
    { personId: 'p-ex-owner', role: 'MEMBER', joinedOn: '2024-01-10', leftOn: '2026-01-31' },
    { personId: 'p-future-co', role: 'CO_LEAD', joinedOn: '2026-04-01', leftOn: null },
  ],
};

const people: PersonRecord[] = [
  { id: 'p-lead', name: 'Marie Dupont', email: 'Marie.Dupont@cress.example', actorId: null },
  { id: 'p-co', name: 'Awa Diallo', email: 'awa@ademe.example', actorId: null },
  { id: 'p-member', name: 'Jean Martin', email: 'jean@enercoop.example', actorId: null },
  { id: 'p-ex-lead', name: 'Paul Ancien', email: 'paul@ex.example', actorId: null },
  { id: 'p-ex-owner', name: 'Léa Partie', email: 'lea@ex.example', actorId: null },
  { id: 'p-future-co', name: 'Yann Bientôt', email: 'yann@ex.example', actorId: null },
  { id: 'p-outsider', name: 'Zoé Dehors', email: null, actorId: null },
];

const user = (email: string, role = 'MEMBER') => ({ email, role });

describe('canEditGroup', () => {
  it('lets administrators and facilitators edit every group', () => {
    expect(canEditGroup(user('admin@maillage.example', 'ADMIN'), group, people)).toEqual({ allowed: true, reason: 'the ADMIN role may edit every working group' });
    expect(canEditGroup(user('f@cyclop.example', 'FACILITATOR'), group, [])).toEqual({ allowed: true, reason: 'the FACILITATOR role may edit every working group' });
  });

  it('lets a current lead or co-lead edit, matching emails without case', () => {
    expect(canEditGroup(user('marie.dupont@cress.example'), group, people)).toEqual({ allowed: true, reason: 'marie.dupont@cress.example is a current LEAD of GT6A' });
    expect(canEditGroup(user('awa@ademe.example'), group, people).allowed).toBe(true);
  });

  it('refuses members, former leads and anonymous callers, saying who may', () => {
    expect(canEditGroup(user('jean@enercoop.example'), group, people)).toEqual({
      allowed: false,
      reason: 'only administrators, facilitators and the current leads (LEAD or CO_LEAD) of GT6A may edit it; ask one of them to make the change or to give you the CO_LEAD role',
    });
    expect(canEditGroup(user('paul@ex.example'), group, people).allowed).toBe(false);
    expect(canEditGroup(null, group, people)).toEqual({ allowed: false, reason: 'sign in to edit the working group GT6A' });
  });

  it('with today, does not count a lead who has not joined yet', () => {
    expect(canEditGroup(user('yann@ex.example'), group, people).allowed).toBe(true);
    expect(canEditGroup(user('yann@ex.example'), group, people, '2026-03-12').allowed).toBe(false);
    expect(canEditGroup(user('yann@ex.example'), group, people, '2026-04-01').allowed).toBe(true);
  });
});

describe('canUpdateAction', () => {
  const action = { title: 'Recenser les recycleries', ownerPersonId: 'p-member' };

  it('lets the group\'s editors and the person in charge update it', () => {
    expect(canUpdateAction(user('jean@enercoop.example'), action, group, people)).toEqual({ allowed: true, reason: 'jean@enercoop.example is the person in charge of the action' });
    expect(canUpdateAction(user('awa@ademe.example'), action, group, people).allowed).toBe(true);
    expect(canUpdateAction(user('x@y.example', 'ADMIN'), action, group, people).allowed).toBe(true);
  });

  it('refuses other members and an owner who left the group', () => {
    expect(canUpdateAction(user('lea@ex.example'), action, group, people)).toEqual({
      allowed: false,
      reason: 'only the person in charge of the action, the current leads of GT6A, administrators and facilitators may update it',
    });
    expect(canUpdateAction(user('lea@ex.example'), { ...action, ownerPersonId: 'p-ex-owner' }, group, people)).toEqual({
      allowed: false,
      reason: 'lea@ex.example is in charge of the action but no longer a member of GT6A; ask a lead of the group to hand the action over',
    });
    expect(canUpdateAction(null, action, group, people)).toEqual({ allowed: false, reason: 'sign in to update the action "Recenser les recycleries"' });
  });

  it('never matches a person without an email', () => {
    expect(canUpdateAction(user(''), { ...action, ownerPersonId: 'p-outsider' }, group, people).allowed).toBe(false);
  });
});
