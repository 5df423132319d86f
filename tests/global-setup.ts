import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDriver, Db } from '../graph/database';
import { startEmbeddedNeo4j } from '../graph/embedded-neo4j';
import { freePort } from '../graph/free-port';
import { prepareDatabase } from '../server/platform';
import { ensureWebClientBuilt } from './support/web-build';

/**
 * Starts one real Neo4j for the whole run: the embedded server on its own port, with a
 * throw-away data directory, migrated and loaded with reference data. With
 * MAILLAGE_TEST_NEO4J_URI set, that server is used instead (it must be a disposable database).
 */
export default async function globalSetup(): Promise<void> {
  const log = (m: string) => process.stdout.write(`[test-neo4j] ${m}\n`);
  ensureWebClientBuilt((m) => process.stdout.write(`[web-client] ${m}\n`));
  let uri = process.env.MAILLAGE_TEST_NEO4J_URI;
  if (!uri) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-test-neo4j-'));
    const neo4j = await startEmbeddedNeo4j({
      dataDir,
      boltPort: Number(process.env.MAILLAGE_TEST_BOLT_PORT) || (await freePort()),
      heap: '1g',
      pageCache: '256m',
      log,
    });
    uri = neo4j.uri;
    (globalThis as Record<string, unknown>).__MAILLAGE_NEO4J__ = { stop: neo4j.stop, dataDir };
  }
  process.env.MAILLAGE_TEST_NEO4J_URI = uri;
  const driver = createDriver({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
  try {
    await prepareDatabase(new Db(driver), log);
  } finally {
    await driver.close();
  }
}

