import { createDriver, Db } from '../../graph/database';
import { migrate, Migration, parseStatements, readMigrations, REQUIRED_SCHEMA, verifySchema } from '../../graph/migrate';

let db: Db;

beforeAll(() => {
  db = new Db(createDriver({ uri: process.env.MAILLAGE_TEST_NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD }));
});

afterAll(async () => {
  await db.driver.close();
});

async function recordedMigrations(): Promise<{ version: number; checksum: string }[]> {
  const result = await db.driver.executeQuery('MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum ORDER BY version');
  return result.records.map((r) => ({ version: Number(r.get('version')), checksum: String(r.get('checksum')) }));
}

describe('migrate', () => {
  it('reads the migration files in version order, each with a checksum and statements', () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort((a, b) => a - b));
    expect(migrations[0]).toMatchObject({ version: 1, name: 'constraints' });
    for (const m of migrations) {
      expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(m.statements.length).toBeGreaterThan(0);
      for (const s of m.statements) expect(s).not.toMatch(/^\s*\/\//m);
    }
  });

  it('has every migration recorded once after start-up, with the checksum of its file', async () => {
    const recorded = await recordedMigrations();
    expect(recorded).toEqual(readMigrations().map((m) => ({ version: m.version, checksum: m.checksum })));
  });

  it('applies nothing when run again, and the schema checks out', async () => {
    const before = await recordedMigrations();
    await expect(migrate(db)).resolves.toEqual([]);
    await expect(verifySchema(db)).resolves.toBeUndefined();
    expect(await recordedMigrations()).toEqual(before);
  });

  it('refuses a migration whose file changed after it was applied, naming it', async () => {
    const before = await recordedMigrations();
    const edited: Migration[] = [{ version: 1, name: 'constraints', checksum: 'f'.repeat(64), statements: ['CREATE INDEX should_never_exist IF NOT EXISTS FOR (x:Nope) ON (x.p)'] }];
    await expect(migrate(db, edited)).rejects.toThrow(/V001__constraints.*checksum/);
    expect(await recordedMigrations()).toEqual(before);
    const index = await db.driver.executeQuery("SHOW INDEXES YIELD name WHERE name = 'should_never_exist' RETURN name");
    expect(index.records).toHaveLength(0);
  });

  it('applies a new migration once, recording it', async () => {
    const extra: Migration = {
      version: 999,
      name: 'test_only',
      checksum: 'a'.repeat(64),
      statements: ['CREATE INDEX migration_test_only IF NOT EXISTS FOR (x:MigrationTestOnly) ON (x.p)'],
    };
    try {
      await expect(migrate(db, [...readMigrations(), extra])).resolves.toEqual([999]);
      await expect(migrate(db, [...readMigrations(), extra])).resolves.toEqual([]);
      const index = await db.driver.executeQuery("SHOW INDEXES YIELD name WHERE name = 'migration_test_only' RETURN name");
      expect(index.records).toHaveLength(1);
      const recorded = await db.driver.executeQuery('MATCH (m:__Migration {version: 999}) RETURN m.name AS name, m.checksum AS checksum');
      expect(recorded.records[0].toObject()).toEqual({ name: 'test_only', checksum: 'a'.repeat(64) });
    } finally {
      await db.driver.executeQuery('DROP INDEX migration_test_only IF EXISTS');
      await db.driver.executeQuery('MATCH (m:__Migration {version: 999}) DELETE m');
    }
  });

  it('splits a file into statements, dropping comment lines', () => {
    expect(parseStatements('// a comment\nCREATE A;\n  // another\nCREATE B\n  ON X;\n\n')).toEqual(['CREATE A', 'CREATE B\n  ON X']);
  });
});

describe('the migrated schema', () => {
  it('has the uniqueness constraints the application relies on', async () => {
    const result = await db.driver.executeQuery('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties');
    const byName = new Map(result.records.map((r) => [r.get('name'), r.toObject()]));
    const expected: [string, string, string][] = [
      ['actor_id', 'Actor', 'id'],
      ['actor_external_id', 'Actor', 'externalId'],
      ['flow_id', 'Flow', 'id'],
      ['flow_external_id', 'Flow', 'externalId'],
      ['territory_key', 'Territory', 'key'],
      ['resource_category_code', 'ResourceCategory', 'code'],
      ['user_email', 'User', 'email'],
      ['app_setting_name', 'AppSetting', 'name'],
      ['migration_version', '__Migration', 'version'],
    ];
    for (const [name, label, property] of expected) {
      expect(byName.get(name)).toEqual({ name, type: 'UNIQUENESS', labelsOrTypes: [label], properties: [property] });
    }
  });

  it('has the point index actor_location and the full-text indexes, online', async () => {
    const result = await db.driver.executeQuery('SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN name, type, labelsOrTypes, properties, state');
    const byName = new Map(result.records.map((r) => [r.get('name'), r.toObject()]));
    expect(byName.get('actor_location')).toEqual({ name: 'actor_location', type: 'POINT', labelsOrTypes: ['Actor'], properties: ['location'], state: 'ONLINE' });
    expect(byName.get('actor_search_text')).toMatchObject({ type: 'FULLTEXT', labelsOrTypes: ['Actor'], properties: ['searchText'], state: 'ONLINE' });
    expect(byName.get('flow_search_text')).toMatchObject({ type: 'FULLTEXT', labelsOrTypes: ['Flow'], properties: ['searchText'], state: 'ONLINE' });
    for (const name of REQUIRED_SCHEMA) {
      expect(byName.has(name) || (await db.driver.executeQuery('SHOW CONSTRAINTS YIELD name WHERE name = $name RETURN name', { name })).records.length === 1).toBe(true);
    }
  });

  it('enforces uniqueness, not just declares it', async () => {
    // An AppSetting rather than an Actor, so that concurrent test files never meet a half-made actor.
    const name = `migration-test-${Date.now()}`;
    try {
      await db.driver.executeQuery('CREATE (:AppSetting {name: $name})', { name });
      await expect(db.driver.executeQuery('CREATE (:AppSetting {name: $name})', { name })).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    } finally {
      await db.driver.executeQuery('MATCH (s:AppSetting {name: $name}) DELETE s', { name });
    }
  });
});
