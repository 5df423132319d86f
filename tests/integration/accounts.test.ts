import { Db } from '../../graph/database';
import { DEFAULT_ATTEMPT_LIMITS } from '../../server/domain/access/attempt-limiter';
import { AccountService } from '../../server/services/account-service';
import { TerritoryService } from '../../server/services/territory-service';
import { startTestApi, TEST_ADMIN, TestApi, VITRY } from '../support/test-api';

let api: TestApi;
let vitryActor: string;
let toulouseActor: string;

const TOULOUSE = { lat: 43.6047, lon: 1.4442 };

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { id email role actorIds } }
}`;
const ME = '{ me { id email displayName role actorIds territoryKeys actors { id name } territories { key name } sessionExpiresAt } }';
const INVITE = `mutation ($input: InviteUserInput!) {
  inviteUser(input: $input) { email role displayName actorIds territoryKeys expiresAt token invitationUrl }
}`;
const ACCEPT = `mutation ($token: String!, $password: String!, $displayName: String) {
  acceptInvitation(token: $token, password: $password, displayName: $displayName) { token expiresAt user { id email role displayName actorIds actors { id } } }
}`;
const CREATE_RESET = 'mutation ($email: String!) { createPasswordReset(email: $email) { email token resetUrl expiresAt } }';
const RESET = 'mutation ($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) { token user { email } } }';
const SET_ROLE = 'mutation ($id: ID!, $role: AccountRole!) { setUserRole(userId: $id, role: $role) { id role } }';
const DISABLE = 'mutation ($id: ID!) { disableUser(userId: $id) { id disabled } }';
const ENABLE = 'mutation ($id: ID!) { enableUser(userId: $id) { id disabled } }';

const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
const email = (label: string) => `${api.unique(label)}@example.org`;

async function login(address: string, password: string, on: TestApi = api) {
  return on.gql(LOGIN, { email: address, password }, null);
}

async function invite(input: Record<string, unknown>, token?: string) {
  return api.gql(INVITE, { input }, token);
}

/** How many Invitation nodes exist for an email. */
async function pendingInvitations(address: string): Promise<number> {
  const result = await api.driver.executeQuery('MATCH (i:Invitation {email: $email}) RETURN count(i) AS n', { email: address });
  return result.records[0].get('n').toNumber();
}

beforeAll(async () => {
  // The default limit per email; a roomier one per address, as every test here signs in from
  // 127.0.0.1 (the per-address limit is tested on a server of its own below).
  api = await startTestApi({ auth: { attemptLimits: { ...DEFAULT_ATTEMPT_LIMITS, perIp: { limit: 200, windowMs: 15 * 60_000 } } } });
  vitryActor = await api.addActor('Vitry', VITRY, { communeCode: '94081' });
  toulouseActor = await api.addActor('Toulouse', TOULOUSE, { communeCode: '31555' });
});

afterAll(async () => {
  await api.driver.executeQuery(
    'MATCH (u:User) WHERE u.email STARTS WITH $p OPTIONAL MATCH (u)-->(x) WHERE x:AuthSession OR x:PasswordReset DETACH DELETE u, x',
    { p: api.unique('') },
  );
  await api.driver.executeQuery('MATCH (i:Invitation) WHERE i.email STARTS WITH $p DETACH DELETE i', { p: api.unique('') });
  await api.stop();
});

describe('invitations', () => {
  it('invite → accept → login → me: the invited member signs in and sees their account', async () => {
    const address = email('claire');
    const invited = await invite({ email: `  ${address.toUpperCase()} `, role: 'MEMBER', displayName: 'Claire Martin', actorIds: [vitryActor] });
    expect(invited.errors).toBeUndefined();
    const invitation = invited.data!.inviteUser;
    expect(invitation).toMatchObject({ email: address, role: 'MEMBER', displayName: 'Claire Martin', actorIds: [vitryActor], territoryKeys: [] });
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation.invitationUrl).toBe(`http://localhost:4000/#/invitation?token=${invitation.token}`);
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    // Only the token's hash is stored.
    const stored = await api.driver.executeQuery('MATCH (i:Invitation {email: $email}) RETURN properties(i) AS p', { email: address });
    expect(JSON.stringify(stored.records[0].get('p'))).not.toContain(invitation.token);

    const accepted = await api.gql(ACCEPT, { token: invitation.token, password: 'un mot de passe solide' }, null);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation.user).toMatchObject({ email: address, role: 'MEMBER', displayName: 'Claire Martin', actors: [{ id: vitryActor }] });

    const signedIn = await login(address, 'un mot de passe solide');
    expect(signedIn.errors).toBeUndefined();
    const me = await api.gql(ME, {}, signedIn.data!.login.token);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toMatchObject({
      email: address, role: 'MEMBER', displayName: 'Claire Martin', actorIds: [vitryActor], territoryKeys: [], territories: [],
      actors: [{ id: vitryActor, name: expect.stringContaining('Vitry') }],
    });
    expect(me.data!.me.sessionExpiresAt).toBe(signedIn.data!.login.expiresAt);
    expect(await pendingInvitations(address)).toBe(0);
  });

  it('works once: the same link cannot make a second account', async () => {
    const address = email('once');
    const { token } = (await invite({ email: address, role: 'MEMBER', actorIds: [vitryActor] })).data!.inviteUser;
    expect((await api.gql(ACCEPT, { token, password: 'premier-mot-de-passe' }, null)).errors).toBeUndefined();
    const again = await api.gql(ACCEPT, { token, password: 'second-mot-de-passe' }, null);
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].extensions!.fields).toEqual(['token']);
    expect(codeOf(await login(address, 'second-mot-de-passe'))).toBe('UNAUTHENTICATED');
  });

  it('refuses a weak password with a clear message and keeps the link usable', async () => {
    const address = email('weak');
    const { token } = (await invite({ email: address, role: 'MEMBER', actorIds: [vitryActor] })).data!.inviteUser;
    const short = await api.gql(ACCEPT, { token, password: 'court' }, null);
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(short.errors![0].message).toBe('password: must have at least 10 characters.');
    const sameAsEmail = await api.gql(ACCEPT, { token, password: address.toUpperCase() }, null);
    expect(sameAsEmail.errors![0].message).toBe('password: must not be the email address.');
    expect((await api.gql(ACCEPT, { token, password: 'enfin-un-bon-mot-de-passe' }, null)).errors).toBeUndefined();
  });

  it('inviting again replaces the pending invitation: the first link stops working', async () => {
    const address = email('again');
    const first = (await invite({ email: address, role: 'MEMBER', actorIds: [vitryActor] })).data!.inviteUser.token;
    const second = (await invite({ email: address, role: 'MEMBER', actorIds: [toulouseActor] })).data!.inviteUser.token;
    expect(await pendingInvitations(address)).toBe(1);
    expect(codeOf(await api.gql(ACCEPT, { token: first, password: 'mot-de-passe-long' }, null))).toBe('BAD_USER_INPUT');
    const accepted = await api.gql(ACCEPT, { token: second, password: 'mot-de-passe-long' }, null);
    expect(accepted.data!.acceptInvitation.user.actorIds).toEqual([toulouseActor]);
  });

  it('refuses an email that already has an account, and incomplete invitations, storing nothing', async () => {
    const taken = await invite({ email: TEST_ADMIN.email, role: 'MEMBER', actorIds: [vitryActor] });
    expect(codeOf(taken)).toBe('CONFLICT');
    const address = email('incomplete');
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'pas-une-adresse', role: 'MEMBER', actorIds: [vitryActor] }, 'input.email'],
      [{ email: address, role: 'MEMBER' }, 'input.actorIds'],
      [{ email: address, role: 'MEMBER', actorIds: ['no-such-actor'] }, 'input.actorIds'],
      [{ email: address, role: 'FACILITATOR' }, 'input.territoryCodes'],
      [{ email: address, role: 'FACILITATOR', territoryCodes: ['99999'] }, 'input.territoryCodes'],
    ];
    for (const [input, field] of cases) {
      const res = await invite(input);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields).toEqual([field]);
    }
    expect(await pendingInvitations(address)).toBe(0);
  });

  it('makes a facilitator scoped to the territories given by code or key', async () => {
    const address = email('facilitator');
    const invited = await invite({ email: address, role: 'FACILITATOR', territoryCodes: ['94', 'COMMUNE:31555'] });
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteUser.territoryKeys).toEqual(['DEPARTEMENT:94', 'COMMUNE:31555']);
    const accepted = await api.gql(ACCEPT, { token: invited.data!.inviteUser.token, password: 'animation-territoriale' }, null);
    const me = await api.gql(ME, {}, accepted.data!.acceptInvitation.token);
    expect(me.data!.me.role).toBe('FACILITATOR');
    expect(me.data!.me.territories.map((t: { key: string }) => t.key).sort()).toEqual(['COMMUNE:31555', 'DEPARTEMENT:94']);
  });
});

describe('facilitators', () => {
  it('invite members for actors of their territories only, never admins or facilitators', async () => {
    const facilitator = await api.signInAs({ role: 'FACILITATOR', territoryKeys: ['DEPARTEMENT:94'] });
    const address = email('by-facilitator');
    for (const role of ['ADMIN', 'FACILITATOR']) {
      const res = await invite({ email: address, role, territoryCodes: ['94'] }, facilitator.token);
      expect(codeOf(res)).toBe('FORBIDDEN');
    }
    const outside = await invite({ email: address, role: 'MEMBER', actorIds: [vitryActor, toulouseActor] }, facilitator.token);
    expect(codeOf(outside)).toBe('FORBIDDEN');
    expect(outside.errors![0].message).toMatch(/Toulouse.* is not located in the territories you facilitate/);
    expect(await pendingInvitations(address)).toBe(0);

    const inside = await invite({ email: address, role: 'MEMBER', actorIds: [vitryActor] }, facilitator.token);
    expect(inside.errors).toBeUndefined();
    expect(await pendingInvitations(address)).toBe(1);
  });

  it('cannot replace a pending invitation an admin made for another role', async () => {
    const facilitator = await api.signInAs({ role: 'FACILITATOR', territoryKeys: ['DEPARTEMENT:94'] });
    const address = email('pending-admin');
    expect((await invite({ email: address, role: 'ADMIN' })).errors).toBeUndefined();
    const res = await invite({ email: address, role: 'MEMBER', actorIds: [vitryActor] }, facilitator.token);
    expect(codeOf(res)).toBe('FORBIDDEN');
    const stored = await api.driver.executeQuery('MATCH (i:Invitation {email: $email}) RETURN i.role AS role', { email: address });
    expect(stored.records[0].get('role')).toBe('ADMIN');
  });

  it('create password resets for members of their territories only', async () => {
    const facilitator = await api.signInAs({ role: 'FACILITATOR', territoryKeys: ['DEPARTEMENT:94'] });
    const local = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    const far = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor, toulouseActor] });
    const admin = await api.signInAs({ role: 'ADMIN' });
    expect((await api.gql(CREATE_RESET, { email: local.email }, facilitator.token)).errors).toBeUndefined();
    for (const target of [far.email, admin.email, email('nobody')]) {
      const res = await api.gql(CREATE_RESET, { email: target }, facilitator.token);
      expect(codeOf(res)).toBe('FORBIDDEN');
      // The same answer whether or not the email has an account.
      expect(res.errors![0].message).toMatch(/^Not allowed: facilitators reset the passwords of MEMBER accounts/);
    }
  });
});

describe('members and visitors', () => {
  it('cannot call account administration', async () => {
    const member = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    const other = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    const operations: [string, Record<string, unknown>][] = [
      ['{ users { totalCount } }', {}],
      [SET_ROLE, { id: member.id, role: 'ADMIN' }],
      ['mutation ($id: ID!) { setUserActors(userId: $id, actorIds: []) { id } }', { id: other.id }],
      ['mutation ($id: ID!) { setUserTerritories(userId: $id, territoryCodes: ["94"]) { id } }', { id: member.id }],
      [DISABLE, { id: other.id }],
      [INVITE, { input: { email: email('by-member'), role: 'MEMBER', actorIds: [vitryActor] } }],
      [CREATE_RESET, { email: other.email }],
    ];
    for (const [query, variables] of operations) {
      expect(codeOf(await api.gql(query, variables, member.token))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(query, variables, null))).toBe('UNAUTHENTICATED');
    }
    const me = await api.gql(ME, {}, member.token);
    expect(me.data!.me.role).toBe('MEMBER');
    expect((await api.gql('{ me { id } }', {}, null)).data).toEqual({ me: null });
  });
});

describe('sessions', () => {
  it('logout revokes the session: the same token is then refused', async () => {
    const member = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    expect((await api.gql(ME, {}, member.token)).data!.me.email).toBe(member.email);
    const out = await api.gql('mutation { logout }', {}, member.token);
    expect(out.data).toEqual({ logout: true });
    const after = await api.gql(ME, {}, member.token);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(after.errors![0].message).toMatch(/session has ended/);
    expect(codeOf(await api.gql('mutation { logout }', {}, member.token))).toBe('UNAUTHENTICATED');
  });

  it('logoutEverywhere ends every session of the account, and only of that account', async () => {
    const member = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    const bystander = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    const second = (await login(member.email, member.password)).data!.login.token;
    const ended = await api.gql('mutation { logoutEverywhere }', {}, second);
    expect(ended.data).toEqual({ logoutEverywhere: 2 });
    for (const token of [member.token, second]) expect(codeOf(await api.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect((await api.gql(ME, {}, bystander.token)).errors).toBeUndefined();
  });

  it('applies a role change at the next request, without signing in again', async () => {
    const member = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    expect(codeOf(await api.gql('{ users { totalCount } }', {}, member.token))).toBe('FORBIDDEN');
    expect((await api.gql(SET_ROLE, { id: member.id, role: 'ADMIN' })).data!.setUserRole.role).toBe('ADMIN');
    expect((await api.gql('{ users { totalCount } }', {}, member.token)).errors).toBeUndefined();
    expect((await api.gql(SET_ROLE, { id: member.id, role: 'MEMBER' })).errors).toBeUndefined();
    expect(codeOf(await api.gql('{ users { totalCount } }', {}, member.token))).toBe('FORBIDDEN');
  });

  it('disabling an account ends its sessions and refuses its sign-in until enabled', async () => {
    const member = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    expect((await api.gql(DISABLE, { id: member.id })).data!.disableUser.disabled).toBe(true);
    expect(codeOf(await api.gql(ME, {}, member.token))).toBe('UNAUTHENTICATED');
    const refused = await login(member.email, member.password);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toMatch(/disabled/);
    expect((await api.gql(ENABLE, { id: member.id })).data!.enableUser.disabled).toBe(false);
    expect((await login(member.email, member.password)).errors).toBeUndefined();
  });
});

describe('passwords', () => {
  it('a reset sets the new password and ends every old session', async () => {
    const member = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    const created = await api.gql(CREATE_RESET, { email: member.email.toUpperCase() });
    expect(created.errors).toBeUndefined();
    const reset = created.data!.createPasswordReset;
    expect(reset.resetUrl).toBe(`http://localhost:4000/#/reset-password?token=${reset.token}`);
    const minutes = (Date.parse(reset.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(55);
    expect(minutes).toBeLessThanOrEqual(60);

    const done = await api.gql(RESET, { token: reset.token, password: 'nouveau-mot-de-passe' }, null);
    expect(done.errors).toBeUndefined();
    expect(done.data!.resetPassword.user.email).toBe(member.email);
    expect(codeOf(await api.gql(ME, {}, member.token))).toBe('UNAUTHENTICATED');
    expect((await api.gql(ME, {}, done.data!.resetPassword.token)).errors).toBeUndefined();
    expect(codeOf(await login(member.email, member.password))).toBe('UNAUTHENTICATED');
    expect((await login(member.email, 'nouveau-mot-de-passe')).errors).toBeUndefined();
    expect(codeOf(await api.gql(RESET, { token: reset.token, password: 'encore-un-autre-mot' }, null))).toBe('BAD_USER_INPUT');
  });

  it('a reset for an unknown email is NOT_FOUND for an admin', async () => {
    expect(codeOf(await api.gql(CREATE_RESET, { email: email('nobody') }))).toBe('NOT_FOUND');
  });

  it('changePassword checks the current password and ends the other sessions, not this one', async () => {
    const member = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    const other = (await login(member.email, member.password)).data!.login.token;
    const CHANGE = 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    const wrong = await api.gql(CHANGE, { c: 'pas-le-bon-mot-de-passe', n: 'nouveau-mot-de-passe' }, member.token);
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].extensions!.fields).toEqual(['currentPassword']);
    const weak = await api.gql(CHANGE, { c: member.password, n: 'court' }, member.token);
    expect(weak.errors![0].extensions!.fields).toEqual(['newPassword']);
    expect((await api.gql(CHANGE, { c: member.password, n: 'nouveau-mot-de-passe' }, member.token)).data).toEqual({ changePassword: true });
    expect((await api.gql(ME, {}, member.token)).errors).toBeUndefined();
    expect(codeOf(await api.gql(ME, {}, other))).toBe('UNAUTHENTICATED');
    expect((await login(member.email, 'nouveau-mot-de-passe')).errors).toBeUndefined();
  });
});

describe('sign-in rate limit', () => {
  it('refuses with TOO_MANY_REQUESTS after 5 wrong passwords for an email, even the right one, with a retry delay', async () => {
    const member = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    for (let i = 0; i < 5; i++) expect(codeOf(await login(member.email, `mauvais-mot-${i}-de-passe`))).toBe('UNAUTHENTICATED');
    const blocked = await login(member.email, member.password);
    expect(codeOf(blocked)).toBe('TOO_MANY_REQUESTS');
    const retryAfter = (blocked.errors![0].extensions as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.errors![0].message).toMatch(/try again in \d+ minutes/);
    // Another account from the same address still signs in.
    expect((await login(TEST_ADMIN.email, TEST_ADMIN.password)).errors).toBeUndefined();
  });

  it("a success resets the email's count", async () => {
    const member = await api.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
    for (let i = 0; i < 4; i++) await login(member.email, 'mauvais-mot-de-passe');
    expect((await login(member.email, member.password)).errors).toBeUndefined();
    for (let i = 0; i < 4; i++) await login(member.email, 'mauvais-mot-de-passe');
    expect((await login(member.email, member.password)).errors).toBeUndefined();
  });

  it('limits failures per address, and guessed invitation and reset tokens the same way', async () => {
    const strict = await startTestApi({ auth: { attemptLimits: { perEmail: { limit: 100, windowMs: 900_000 }, perIp: { limit: 3, windowMs: 900_000 } } } });
    try {
      for (let i = 0; i < 3; i++) expect(codeOf(await login(email(`spray-${i}`), 'un-mot-de-passe', strict))).toBe('UNAUTHENTICATED');
      expect(codeOf(await login(TEST_ADMIN.email, TEST_ADMIN.password, strict))).toBe('TOO_MANY_REQUESTS');

      const guess = (token: string) => strict.gql(ACCEPT, { token, password: 'un-mot-de-passe' }, null);
      for (const token of ['x'.repeat(43), 'court', 'y'.repeat(43)]) expect(codeOf(await guess(token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await guess('z'.repeat(43)))).toBe('TOO_MANY_REQUESTS');
      expect(codeOf(await strict.gql(RESET, { token: 'z'.repeat(43), password: 'un-mot-de-passe' }, null))).toBe('TOO_MANY_REQUESTS');
    } finally {
      await strict.stop();
    }
  });
});

describe('expiry', () => {
  it('refuses a token once its session has expired, and deletes expired sessions at a later sign-in', async () => {
    let now = Date.now();
    const clocked = await startTestApi({ auth: { now: () => new Date(now), sessionLifetimeMs: 60_000 } });
    try {
      const member = await clocked.signInAs({ role: 'MEMBER', actorIds: [vitryActor] });
      const me = await clocked.gql(ME, {}, member.token);
      expect(Date.parse(me.data!.me.sessionExpiresAt) - now).toBe(60_000);
      now += 61_000;
      const expired = await clocked.gql(ME, {}, member.token);
      expect(codeOf(expired)).toBe('UNAUTHENTICATED');
      expect(expired.errors![0].message).toMatch(/expired/);

      const sessionsOf = async () => (await clocked.driver.executeQuery(
        'MATCH (:User {id: $id})-[:HAS_SESSION]->(s:AuthSession) RETURN count(s) AS n', { id: member.id },
      )).records[0].get('n').toNumber();
      expect(await sessionsOf()).toBe(1);
      expect((await login(member.email, member.password, clocked)).errors).toBeUndefined();
      expect(await sessionsOf()).toBe(1);
    } finally {
      await clocked.stop();
    }
  });
});

describe('account administration', () => {
  it('lists accounts by email, page by page, filtered by role', async () => {
    await api.signInAs({ role: 'FACILITATOR', territoryKeys: ['DEPARTEMENT:94'] });
    await api.signInAs({ role: 'FACILITATOR', territoryKeys: ['DEPARTEMENT:94'] });
    const USERS = `query ($after: String) { users(first: 1, after: $after, role: FACILITATOR) {
      totalCount pageInfo { hasNextPage endCursor } nodes { email role territoryKeys territories { key } } } }`;
    const first = (await api.gql(USERS, {})).data!.users;
    expect(first.totalCount).toBeGreaterThanOrEqual(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await api.gql(USERS, { after: first.pageInfo.endCursor })).data!.users;
    expect(second.nodes[0].email > first.nodes[0].email).toBe(true);
    for (const node of [...first.nodes, ...second.nodes]) expect(node.role).toBe('FACILITATOR');
  });

  it('sets the actors and territories of an account, refusing unknown ones', async () => {
    const account = await api.signInAs({ role: 'FACILITATOR', territoryKeys: ['DEPARTEMENT:94'] });
    const actors = await api.gql('mutation ($id: ID!, $a: [ID!]!) { setUserActors(userId: $id, actorIds: $a) { actorIds } }', { id: account.id, a: [toulouseActor] });
    expect(actors.data!.setUserActors.actorIds).toEqual([toulouseActor]);
    const territories = await api.gql('mutation ($id: ID!, $t: [String!]!) { setUserTerritories(userId: $id, territoryCodes: $t) { territoryKeys } }', { id: account.id, t: ['31555'] });
    expect(territories.data!.setUserTerritories.territoryKeys).toEqual(['COMMUNE:31555']);
    expect((await api.gql(ME, {}, account.token)).data!.me.territoryKeys).toEqual(['COMMUNE:31555']);
    const unknown = await api.gql('mutation ($id: ID!, $a: [ID!]!) { setUserActors(userId: $id, actorIds: $a) { actorIds } }', { id: account.id, a: ['nope'] });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(SET_ROLE, { id: 'no-such-account', role: 'MEMBER' }))).toBe('NOT_FOUND');
  });

  it('lets an admin demote or disable another admin', async () => {
    const second = await api.signInAs({ role: 'ADMIN' });
    expect((await api.gql(DISABLE, { id: second.id })).errors).toBeUndefined();
    expect((await api.gql(SET_ROLE, { id: second.id, role: 'FACILITATOR' })).data!.setUserRole.role).toBe('FACILITATOR');
  });

  it('keeps the last active admin: it cannot be demoted nor disabled', async () => {
    // Other test files share the database and its admins: the rule is checked inside one
    // transaction where every other admin is disabled, then rolled back.
    const session = api.driver.session();
    const tx = session.beginTransaction();
    const db = { read: (work: (t: unknown) => unknown) => work(tx), write: (work: (t: unknown) => unknown) => work(tx), fork: () => db, roundTrips: 0 } as unknown as Db;
    try {
      await tx.run("MATCH (u:User {role: 'ADMIN'}) WHERE u.email <> $email SET u.disabled = true", { email: TEST_ADMIN.email });
      const adminId = (await tx.run('MATCH (u:User {email: $email}) RETURN u.id AS id', { email: TEST_ADMIN.email })).records[0].get('id');
      const accounts = new AccountService(db, new TerritoryService(db), api.auth);
      for (const attempt of [() => accounts.setRole(adminId, 'FACILITATOR'), () => accounts.setDisabled(adminId, true)]) {
        await expect(attempt()).rejects.toMatchObject({ message: expect.stringMatching(/last active administrator/), extensions: { code: 'CONFLICT' } });
      }
      const stored = await tx.run('MATCH (u:User {id: $id}) RETURN u.role AS role, u.disabled AS disabled', { id: adminId });
      expect(stored.records[0].toObject()).toEqual({ role: 'ADMIN', disabled: false });
      expect((await accounts.setRole(adminId, 'ADMIN')).role).toBe('ADMIN');
    } finally {
      await tx.rollback();
      await session.close();
    }
  });
});
