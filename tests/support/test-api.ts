import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Driver } from 'neo4j-driver';
import { createDriver, Db } from '../../graph/database';
import { createServer, ROUND_TRIPS_HEADER, RunningServer } from '../../server/app';
import { hash } from '@node-rs/argon2';
import { createUser } from '../../graph/repositories/user-repository';
import { Role } from '../../server/domain/access/viewer';
import { AuthService, AuthServiceOptions } from '../../server/services/auth-service';

export const TEST_ADMIN = { email: 'admin@maillage.test', password: 'test-password-123' };

/** A GraphQL response as a client sees it over HTTP. */
export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: { message: string; extensions?: { code?: string; fields?: string[] } }[] | undefined;
  roundTrips: number;
}

/** The password of every account made by `signInAs`. */
export const TEST_ACCOUNT_PASSWORD = 'test-account-password';

/** What `signInAs` makes: any role, with the actors it represents and the territories it facilitates. */
export interface TestAccountSpec {
  role: Role;
  actorIds?: string[];
  /** Stored keys, e.g. "DEPARTEMENT:94", "EPCI:200054781", "COMMUNE:94081". */
  territoryKeys?: string[];
  /** Default: unique to the call. */
  email?: string;
  displayName?: string;
}

/** A signed-in test account. */
export interface TestAccount {
  id: string;
  email: string;
  password: string;
  role: Role;
  actorIds: string[];
  territoryKeys: string[];
  /** Bearer token of a fresh session (pass it as `gql`'s third argument). */
  token: string;
}

/** The API under test, started on a free port over the shared test Neo4j. */
export interface TestApi {
  url: string;
  db: Db;
  driver: Driver;
  token: string;
  /** POSTs a GraphQL operation; `token` null sends no Authorization header. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResponse<T>>;
  /** A prefix unique to this test file, for externalIds and names it creates. */
  unique(label?: string): string;
  /**
   * Creates an actor through the API as the admin at `location` (no commune given), failing
   * the test on any error; named "<unique> <label>" unless `fields` says otherwise. `stop()`
   * deletes it with its flows.
   */
  addActor(label: string, location: { lat: number; lon: number }, fields?: Record<string, unknown>): Promise<string>;
  /** Adds a flow through the API as the admin, failing the test on any error; returns its id. */
  addFlow(actorId: string, input: Record<string, unknown>): Promise<string>;
  /**
   * Creates an account of any role directly in the graph (no invitation) and opens a session
   * for it; fails when an actor id or territory key is unknown. `stop()` deletes it.
   */
  signInAs(spec: TestAccountSpec): Promise<TestAccount>;
  /** The server's auth service (its clock, limiters, session lifetime). */
  auth: AuthService;
  /** Deletes the actors made by `addActor` and the accounts made by `signInAs`, then stops the server and the driver. */
  stop(): Promise<void>;
}

/** Options of {@link startTestApi}. */
export interface TestApiOptions {
  /** Settings of the server's AuthService: a clock, a session lifetime, attempt limits. */
  auth?: AuthServiceOptions;
}

let accountPasswordHash: Promise<string> | null = null;

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const uri = process.env.MAILLAGE_TEST_NEO4J_URI;
  if (!uri) throw new Error('MAILLAGE_TEST_NEO4J_URI is unset: run the tests through jest (its globalSetup starts Neo4j).');
  const driver = createDriver({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
  const db = new Db(driver);
  const auth = new AuthService(db, undefined, options.auth);
  await auth.init();
  await auth.ensureAdmin(TEST_ADMIN.email, TEST_ADMIN.password);
  const server: RunningServer = await createServer({ db, port: 0, auth, logError: (e: unknown) => { if (process.env.TEST_LOG_ERRORS) console.error(e); } });
  const runId = randomUUID().slice(0, 8);

  const gql: TestApi['gql'] = async (query, variables = {}, token) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const bearer = token === undefined ? api.token : token;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: GqlResponse['errors'] };
    return { status: response.status, data: body.data ?? null, errors: body.errors, roundTrips: Number(response.headers.get(ROUND_TRIPS_HEADER)) };
  };

  const actorIds: string[] = [];
  const accountIds: string[] = [];
  let accounts = 0;
  const api: TestApi = {
    url: server.url,
    db,
    driver,
    token: '',
    gql,
    unique: (label = 'x') => `t-${runId}-${label}`,
    addActor: async (label, location, fields = {}) => {
      const res = await gql<{ createActor: { id: string } }>(CREATE_ACTOR, {
        input: actorInput({ externalId: api.unique(label), name: `${api.unique('')} ${label}`, location, communeCode: null, ...fields }),
      });
      expect(res.errors).toBeUndefined();
      actorIds.push(res.data!.createActor.id);
      return res.data!.createActor.id;
    },
    addFlow: async (actorId, input) => {
      const res = await gql<{ addFlow: { id: string } }>(ADD_FLOW, { input: { actorId, ...input } });
      expect(res.errors).toBeUndefined();
      return res.data!.addFlow.id;
    },
    auth,
    signInAs: async (spec) => {
      accountPasswordHash ??= hash(TEST_ACCOUNT_PASSWORD);
      const passwordHash = await accountPasswordHash;
      const email = spec.email ?? `${api.unique(`${spec.role.toLowerCase()}-${++accounts}`)}@example.org`;
      const wanted = { actorIds: [...(spec.actorIds ?? [])].sort(), territoryKeys: [...(spec.territoryKeys ?? [])].sort() };
      const id = randomUUID();
      const signedIn = await db.write(async (tx) => {
        const account = await createUser(tx, {
          id, email, passwordHash, role: spec.role, displayName: spec.displayName ?? null, createdAt: new Date().toISOString(), ...wanted,
        });
        if (JSON.stringify(account.actorIds) !== JSON.stringify(wanted.actorIds) || JSON.stringify(account.territoryKeys) !== JSON.stringify(wanted.territoryKeys)) {
          throw new Error(`signInAs: unknown actor ids or territory keys in ${JSON.stringify(wanted)} (found ${JSON.stringify({ actorIds: account.actorIds, territoryKeys: account.territoryKeys })}).`);
        }
        return auth.openSession(tx, id, null);
      });
      accountIds.push(id);
      return { id, email, password: TEST_ACCOUNT_PASSWORD, role: spec.role, ...wanted, token: signedIn.token };
    },
    stop: async () => {
      await driver.executeQuery('MATCH (a:Actor) WHERE a.id IN $ids OPTIONAL MATCH (a)-->(f:Flow) DETACH DELETE a, f', { ids: actorIds });
      await driver.executeQuery('MATCH (u:User) WHERE u.id IN $ids OPTIONAL MATCH (u)-->(x) WHERE x:AuthSession OR x:PasswordReset DETACH DELETE u, x', { ids: accountIds });
      await server.stop();
      await driver.close();
    },
  };
  const login = await gql<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: TEST_ADMIN.email, p: TEST_ADMIN.password },
    null,
  );
  api.token = login.data!.login.token;
  return api;
}

/** Vitry-sur-Seine town centre, inside the demo territory. */
export const VITRY = { lat: 48.7872, lon: 2.3925 };

/** A valid CreateActorInput with overrides. */
export function actorInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Fictive Entreprise de Test',
    kind: 'COMPANY',
    economy: 'CLASSIC',
    legalForm: 'SAS',
    nafCode: '25.62B',
    location: VITRY,
    communeCode: '94081',
    description: 'Usinage de précision (organisation fictive de test)',
    employees: 12,
    activities: 'Usinage, tournage, fraisage',
    publics: ['COMPANIES'],
    ...overrides,
  };
}

export const CREATE_ACTOR = `mutation($input: CreateActorInput!) {
  createActor(input: $input) { id externalId name kind economy legalForm nafCode location { lat lon } address description employees activities publics createdAt updatedAt territories { code level } }
}`;

export const ADD_FLOW = `mutation($input: AddFlowInput!) {
  addFlow(input: $input) { id direction description categoryCode category { code name family } quantity unit temperatureC availableMonths confidentiality actor { id } }
}`;
