import { Config } from '../config';
import { createDriver, Db } from '../../graph/database';
import { openDatabase, OpenDatabase } from '../platform';

/**
 * The database a maintenance command (backup, restore) works on: NEO4J_URI when set; else the
 * embedded Neo4j of a platform already running on this machine (its store is locked, so we
 * talk to it over Bolt); else the embedded Neo4j started for the command.
 */
export async function openForMaintenance(config: Config, log: (m: string) => void): Promise<OpenDatabase> {
  if (!config.neo4jUri) {
    const uri = `bolt://127.0.0.1:${config.embedded.boltPort}`;
    const driver = createDriver({ uri });
    try {
      await driver.verifyConnectivity();
      log(`Using the running platform's Neo4j at ${uri}.`);
      return { db: new Db(driver), uri, embedded: null, close: () => driver.close() };
    } catch {
      await driver.close();
    }
  }
  return openDatabase(config, log);
}
