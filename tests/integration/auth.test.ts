import jwt from 'jsonwebtoken';
import { actorInput, CREATE_ACTOR, startTestApi, TEST_ADMIN, TestApi } from '../support/test-api';

let api: TestApi;

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.driver.executeQuery('MATCH (a:Actor) WHERE a.externalId STARTS WITH $p DETACH DELETE a', { p: api.unique('') });
  await api.stop();
});

async function login(email: string, password: string) {
  return api.gql<{ login: { token: string } }>(LOGIN, { e: email, p: password }, null);
}

async function createActorWith(token: string | null, label: string) {
  return api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique(label), name: `${api.unique(label)} Auth` }) }, token);
}

async function actorCount(label: string): Promise<number> {
  const result = await api.driver.executeQuery('MATCH (a:Actor {externalId: $e}) RETURN count(a) AS n', { e: api.unique(label) });
  return result.records[0].get('n').toNumber();
}

/** The token with its payload replaced, keeping the original header and signature. */
function withPayload(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.');
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  change(decoded);
  return [header, Buffer.from(JSON.stringify(decoded)).toString('base64url'), signature].join('.');
}

describe('login', () => {
  it('returns a bearer token that authorises mutations', async () => {
    const res = await login(TEST_ADMIN.email, TEST_ADMIN.password);
    expect(res.errors).toBeUndefined();
    const token = res.data!.login.token;
    expect(token.split('.')).toHaveLength(3);
    const created = await createActorWith(token, 'login-ok');
    expect(created.errors).toBeUndefined();
    expect(created.data!.createActor.name).toBe(`${api.unique('login-ok')} Auth`);
  });

  it('accepts the email whatever its case and surrounding spaces', async () => {
    const res = await login(`  ${TEST_ADMIN.email.toUpperCase()} `, TEST_ADMIN.password);
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.token).toBeTruthy();
  });

  it('refuses a wrong password with UNAUTHENTICATED, without telling whether the email or the password was wrong', async () => {
    const wrongPassword = await login(TEST_ADMIN.email, 'wrong-password-123');
    const unknownEmail = await login('nobody@maillage.test', TEST_ADMIN.password);
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    expect(wrongPassword.errors![0].message).toBe(unknownEmail.errors![0].message);
    expect(wrongPassword.errors![0].message).not.toMatch(/unknown|no such|not found|incorrect password|wrong password/i);
  });

  it('refuses a password that differs only in case', async () => {
    const res = await login(TEST_ADMIN.email, TEST_ADMIN.password.toUpperCase());
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an empty email or password with BAD_USER_INPUT', async () => {
    for (const [email, password] of [['', TEST_ADMIN.password], [TEST_ADMIN.email, '']]) {
      const res = await login(email, password);
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('bearer tokens', () => {
  it.each([
    ['no token', () => null],
    ['garbage', () => 'not-a-token'],
    ['a token whose payload was altered', () => withPayload(api.token, (p) => { p.sub = 'intruder@example.org'; })],
    ['a token whose signature was altered', () => api.token.slice(0, -4) + (api.token.endsWith('AAAA') ? 'BBBB' : 'AAAA')],
    ['a token signed with another secret', () => jwt.sign({ role: 'ADMIN' }, 'another-secret', { subject: TEST_ADMIN.email, issuer: 'maillage', expiresIn: '1h' })],
    ['an unsigned token (alg none)', () => jwt.sign({ role: 'ADMIN' }, '', { algorithm: 'none', subject: TEST_ADMIN.email, issuer: 'maillage' } as jwt.SignOptions)],
  ])('refuses a mutation with %s, writing nothing', async (label, token) => {
    const key = `bad-token-${label.length}`;
    const res = await createActorWith(token(), key);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await actorCount(key)).toBe(0);
  });

  it('refuses an expired token, saying so', async () => {
    const secret = await api.driver.executeQuery("MATCH (s:AppSetting {name: 'jwt-secret'}) RETURN s.value AS v");
    const expired = jwt.sign({ role: 'ADMIN', exp: Math.floor(Date.now() / 1000) - 60 }, secret.records[0].get('v'), { subject: TEST_ADMIN.email, issuer: 'maillage' });
    const res = await createActorWith(expired, 'expired');
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/expired/i);
    expect(await actorCount('expired')).toBe(0);
  });

  it('refuses a correctly signed token that is bound to no session, or to none at all', async () => {
    const secret = (await api.driver.executeQuery("MATCH (s:AppSetting {name: 'jwt-secret'}) RETURN s.value AS v")).records[0].get('v');
    const adminId = (await api.driver.executeQuery('MATCH (u:User {email: $e}) RETURN u.id AS id', { e: TEST_ADMIN.email })).records[0].get('id');
    const forged = jwt.sign({}, secret, { subject: adminId, jwtid: 'no-such-session', issuer: 'maillage', expiresIn: '1h' });
    const sessionless = jwt.sign({ role: 'ADMIN' }, secret, { subject: TEST_ADMIN.email, issuer: 'maillage', expiresIn: '1h' });
    for (const [token, key] of [[forged, 'forged-session'], [sessionless, 'old-token']]) {
      const res = await createActorWith(token, key);
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(await actorCount(key)).toBe(0);
    }
  });

  it('lets queries run without a token', async () => {
    const res = await api.gql(
      `{ actors(first: 1) { totalCount } resourceCategories(family: WATER) { code } territory(code: "94081") { name } }`,
      {},
      null,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.territory).toEqual({ name: 'Vitry-sur-Seine' });
    expect(res.data!.resourceCategories.length).toBeGreaterThan(0);
  });

  it('does not let a bad token spoil a query that needs none', async () => {
    const res = await api.gql(`{ territory(code: "94081") { name } }`, {}, 'not-a-token');
    expect(res.data).toEqual({ territory: { name: 'Vitry-sur-Seine' } });
  });
});

describe('password storage', () => {
  it('stores an Argon2id hash, never the password', async () => {
    const result = await api.driver.executeQuery('MATCH (u:User {email: $email}) RETURN properties(u) AS props', { email: TEST_ADMIN.email });
    expect(result.records).toHaveLength(1);
    const props = result.records[0].get('props') as Record<string, unknown>;
    expect(String(props.passwordHash)).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(JSON.stringify(props)).not.toContain(TEST_ADMIN.password);
  });

  it('keeps the existing password when the admin account is ensured again', async () => {
    const { AuthService } = await import('../../server/services/auth-service');
    const again = new AuthService(api.db);
    await again.init();
    expect(await again.ensureAdmin(TEST_ADMIN.email, 'some-other-password')).toBe(false);
    expect((await login(TEST_ADMIN.email, TEST_ADMIN.password)).errors).toBeUndefined();
    expect((await login(TEST_ADMIN.email, 'some-other-password')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
