import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import neo4j from 'neo4j-driver';
import { Db } from '../../graph/database';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../graph/embedded-neo4j';
import { freePort } from '../../graph/free-port';

/**
 * A Neo4j of a test's own, for tests that must kill or empty their database (the shared one
 * serves every other suite). Its driver gives up quickly when the server is gone, so a test
 * that kills it sees the failure instead of waiting for the default 30 s of retries.
 */
export interface ScratchNeo4j {
  db: Db;
  server: EmbeddedNeo4j;
  dataDir: string;
  /** Kills the server with SIGKILL and starts it again on the same data. */
  crashAndRestart(): Promise<void>;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startScratchNeo4j(): Promise<ScratchNeo4j> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-scratch-neo4j-'));
  const boltPort = await freePort();
  const start = () => startEmbeddedNeo4j({ dataDir, boltPort, heap: '768m', pageCache: '128m' });
  const connect = (uri: string) => new Db(neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'), { maxTransactionRetryTime: 1_000 }));
  const scratch: ScratchNeo4j = {
    server: await start(),
    db: null as unknown as Db,
    dataDir,
    async kill() {
      await scratch.server.kill();
      await scratch.db.driver.close();
    },
    async restart() {
      scratch.server = await start();
      scratch.db = connect(scratch.server.uri);
    },
    async crashAndRestart() {
      await scratch.kill();
      await scratch.restart();
    },
    async stop() {
      await scratch.db.driver.close();
      await scratch.server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  scratch.db = connect(scratch.server.uri);
  return scratch;
}
