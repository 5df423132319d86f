import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Db } from './database';
import { PROJECT_ROOT } from './project-root';

const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'graph', 'migrations');
const FILE_PATTERN = /^V(\d{3})__([a-z0-9_]+)\.cypher$/;

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  checksum: string;
  statements: string[];
}

/** Constraints and indexes the application cannot run without; checked after migrating. */
export const REQUIRED_SCHEMA = [
  'actor_id', 'actor_external_id', 'flow_id', 'flow_external_id', 'territory_key',
  'resource_category_code', 'user_email', 'actor_location', 'actor_search_text', 'flow_search_text',
  'synergy_id', 'synergy_flow_key', 'synergy_event_id',
  'offer_location', 'need_location', 'offer_category_cell', 'need_category_cell', 'offer_category_coarse_cell', 'need_category_coarse_cell',
  'matchmaking_session_id', 'participant_key', 'session_meeting_id', 'cooperation_id', 'cooperation_meeting',
  'plan_id', 'plan_code', 'plan_axis_key', 'plan_action_key', 'person_id', 'working_group_id', 'working_group_key',
  'group_meeting_id', 'group_action_id', 'indicator_id', 'indicator_value_key', 'group_change_id',
  'user_id', 'auth_session_id', 'invitation_token_hash', 'invitation_email', 'password_reset_token_hash',
  'import_batch_key',
];

/** Splits a migration file into statements: `;` ends a statement, `//` lines are comments. */
export function parseStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Reads `graph/migrations/V###__name.cypher` in version order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => FILE_PATTERN.test(file))
    .sort()
    .map((file) => {
      const [, version, name] = FILE_PATTERN.exec(file)!;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(version),
        name,
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: parseStatements(text),
      };
    });
}

/**
 * Applies pending migrations in order, each once, recording `(:__Migration {version, checksum})`.
 * A migration whose file changed after it was applied is an error: write a new one instead.
 * Every statement is idempotent (`IF NOT EXISTS`), so two processes starting together are safe.
 *
 * @returns the versions applied by this call
 */
export async function migrate(db: Db, migrations = readMigrations(), options: { verify?: boolean } = {}): Promise<number[]> {
  const applied = await db.read(async (tx) => {
    const result = await tx.run('MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum');
    return new Map(result.records.map((r) => [Number(r.get('version')), String(r.get('checksum'))]));
  });
  const done: number[] = [];
  for (const migration of migrations) {
    const checksum = applied.get(migration.version);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) {
        throw new Error(
          `Migration V${pad(migration.version)}__${migration.name} was edited after it was applied ` +
            '(checksum differs). Restore the file and add a new migration for the change.',
        );
      }
      continue;
    }
    // Schema statements cannot share a transaction with data writes: one transaction each.
    for (const statement of migration.statements) {
      await db.write((tx) => tx.run(statement));
    }
    await db.write((tx) =>
      tx.run(
        'MERGE (m:__Migration {version: $version}) ON CREATE SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()',
        { version: migration.version, name: migration.name, checksum: migration.checksum },
      ),
    );
    done.push(migration.version);
  }
  // A restore applies the migrations in two steps and checks the schema after the second.
  if (options.verify !== false) await verifySchema(db);
  return done;
}

/** Fails with the names of any required constraint or index that is missing. */
export async function verifySchema(db: Db): Promise<void> {
  const names = await db.read(async (tx) => {
    const constraints = await tx.run('SHOW CONSTRAINTS YIELD name RETURN name');
    const indexes = await tx.run('SHOW INDEXES YIELD name, state RETURN name, state');
    return new Set([
      ...constraints.records.map((r) => String(r.get('name'))),
      ...indexes.records.map((r) => String(r.get('name'))),
    ]);
  });
  const missing = REQUIRED_SCHEMA.filter((name) => !names.has(name));
  if (missing.length > 0) {
    throw new Error(`The database lacks required constraints or indexes: ${missing.join(', ')}. Run the migrations (npm start does).`);
  }
  // Wait for indexes to come online so the first queries use them.
  await db.write((tx) => tx.run('CALL db.awaitIndexes(300)'));
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}
