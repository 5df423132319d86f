import 'reflect-metadata';
import { countAllActors } from '../graph/repositories/actor-repository';
import { loadDemoTerritory } from '../seeds/load-demo';
import { createServer } from './app';
import { DEMO_ADMIN_EMAIL, loadConfig } from './config';
import { openDatabase, prepareDatabase } from './platform';
import { AuthService } from './services/auth-service';

const log = (message: string) => console.log(`[maillage] ${message}`);

/** `npm start`: the whole platform on its defaults (embedded Neo4j, migrations, demo data, API, web page). */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, log);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping the API and Neo4j...`);
    await server?.stop().catch(() => undefined);
    await database.close();
    log('Stopped cleanly.');
    process.exit(0);
  };
  let server: Awaited<ReturnType<typeof createServer>> | undefined;
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await prepareDatabase(database.db, log);
    const auth = new AuthService(database.db, config.jwtSecret, { sessionLifetimeMs: config.sessionLifetimeMs, publicUrl: config.publicUrl });
    await auth.init();
    if (await auth.ensureAdmin(config.adminEmail, config.adminPassword)) log(`Admin account created: ${config.adminEmail}`);
    if (config.seedDemo && (await database.db.read(countAllActors)) === 0) {
      log('The database holds no actor: loading the demo territory (Grand-Orly Seine Bièvre)...');
      const report = await loadDemoTerritory(database.db, log);
      log(`Demo territory loaded: ${report.actorsCreated} actors, ${report.flowsWritten} flows, ${report.relationsWritten} relations, ${report.sessionsCreated} speed-meeting sessions, ${report.groupsCreated} working groups${report.errors.length ? `, ${report.errors.length} rows refused` : ''}.`);
      for (const e of report.errors) log(`  refused ${e.row}: ${e.message}`);
    }
    server = await createServer({ db: database.db, port: config.port, host: config.host, auth });
    const url = server.url.replace('127.0.0.1', 'localhost');
    console.log(`
Maillage is running.
  Web page      ${url}/
  GraphQL API   ${url}/graphql   (POST, JSON)
  Neo4j         ${database.uri}${database.embedded ? `  (embedded, data in ${config.embedded.dataDir})` : ''}
  Admin login   ${config.adminEmail}${config.adminEmail === DEMO_ADMIN_EMAIL ? ' / maillage-demo (local demo account)' : ''}
Press Ctrl-C to stop (Neo4j stops with it).
`);
  } catch (error) {
    console.error(`[maillage] start-up failed: ${(error as Error).message}`);
    await database.close();
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`[maillage] ${(error as Error).message}`);
  process.exit(1);
});
