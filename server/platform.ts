import { createDriver, Db } from '../graph/database';
import { startEmbeddedNeo4j, EmbeddedNeo4j } from '../graph/embedded-neo4j';
import { migrate } from '../graph/migrate';
import { loadReferenceData } from '../graph/reference-data';
import { backfillFlowSearchKeys } from '../graph/repositories/flow-search-keys';
import { findPlanByCode, upsertPlan } from '../graph/repositories/working-group-repository';
import { randomUUID } from 'node:crypto';
import { loadPlanReference } from './domain/working-groups/plan-reference';
import { Config } from './config';

/** An open database: the executor, and how to release it (driver, embedded server). */
export interface OpenDatabase {
  db: Db;
  uri: string;
  embedded: EmbeddedNeo4j | null;
  close(): Promise<void>;
}

/**
 * Connects to the configured Neo4j, or starts the embedded one when NEO4J_URI is unset, and
 * waits until it answers.
 */
export async function openDatabase(config: Config, log: (m: string) => void): Promise<OpenDatabase> {
  let embedded: EmbeddedNeo4j | null = null;
  let uri = config.neo4jUri;
  if (!uri) {
    log(`NEO4J_URI is unset: starting the embedded Neo4j on 127.0.0.1:${config.embedded.boltPort}...`);
    embedded = await startEmbeddedNeo4j({ ...config.embedded, log });
    uri = embedded.uri;
  }
  const driver = createDriver({ uri, user: config.neo4jUser ?? undefined, password: config.neo4jPassword ?? undefined });
  try {
    await driver.verifyConnectivity({ database: config.neo4jDatabase });
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(error as Error).message}. Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.`);
  }
  return {
    db: new Db(driver, config.neo4jDatabase),
    uri,
    embedded,
    close: async () => {
      await driver.close();
      await embedded?.stop();
    },
  };
}

/** Applies migrations and loads the reference data (taxonomy, French territories). */
export async function prepareDatabase(db: Db, log: (m: string) => void): Promise<void> {
  const applied = await migrate(db);
  if (applied.length) log(`Migrations applied: ${applied.map((v) => `V${String(v).padStart(3, '0')}`).join(', ')}`);
  await loadReferenceData(db, log);
  await loadReferencePlans(db, log);
  await backfillFlowSearchKeys(db, log);
}

/**
 * The regional plan working groups serve by default (PRAEC Occitanie, seed 003): its axes and
 * actions are reference data, merged by code at every start so that a corrected title lands.
 */
async function loadReferencePlans(db: Db, log: (m: string) => void): Promise<void> {
  const reference = loadPlanReference();
  const created = await db.write(async (tx) => {
    const existing = await findPlanByCode(tx, reference.code);
    await upsertPlan(tx, { id: existing?.id ?? randomUUID(), ...reference });
    return !existing;
  });
  if (created) log(`Reference plan loaded: ${reference.title} (${reference.axes.length} axes, ${reference.actions.length} actions).`);
}
