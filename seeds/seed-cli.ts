import 'reflect-metadata';
import { loadConfig } from '../server/config';
import { openDatabase, prepareDatabase } from '../server/platform';
import { loadDemoTerritory } from './load-demo';

const log = (message: string) => console.log(`[seed] ${message}`);

/** `npm run seed`: loads the demo territory (idempotent) into the configured or embedded Neo4j. */
async function main(): Promise<void> {
  const database = await openDatabase(loadConfig(), log);
  try {
    await prepareDatabase(database.db, log);
    const report = await loadDemoTerritory(database.db, log);
    log(`${report.actorsCreated} actors created, ${report.actorsExisting} already present, ${report.flowsWritten} flows and ${report.relationsWritten} relations checked or written, ${report.sessionsCreated} speed-meeting sessions and ${report.groupsCreated} working groups created.`);
    for (const e of report.errors) log(`refused ${e.row}: ${e.message}`);
    process.exitCode = report.errors.length ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`[seed] ${(error as Error).message}`);
  process.exit(1);
});
