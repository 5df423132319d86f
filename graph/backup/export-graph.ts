import * as fs from 'node:fs';
import * as path from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { ManagedTransaction } from 'neo4j-driver';
import { Db } from '../database';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupHeader, MIGRATION_LABEL, NodeLine, RelationshipLine, TrailerLine } from './backup-format';
import { encodeProperties } from './value-codec';

export interface ExportReport {
  file: string;
  nodes: number;
  relationships: number;
  bytes: number;
}

/** Nodes and relationships written between two progress messages. */
const PROGRESS_EVERY = 50_000;

/**
 * Writes the whole graph to `file` as JSON lines (gzipped when the name ends in `.gz`).
 *
 * Consistency: Neo4j reads are read-committed, so a plain scan could see half of a concurrent
 * write. The export therefore runs in one write transaction that first takes the write lock of
 * every node: writers touching existing data wait until the export ends, and a relationship is
 * exported only when both its ends were. The file appears under its name only once complete.
 */
export async function exportGraph(db: Db, file: string, log: (m: string) => void = () => undefined): Promise<ExportReport> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const session = db.driver.session({ database: db.database });
  try {
    // A retried transaction (transient error, deadlock with a writer) starts the file again.
    const counts = await session.executeWrite((tx) => writeSnapshot(tx, partial, log), { timeout: 0 });
    fs.renameSync(partial, file);
    return { file, ...counts, bytes: fs.statSync(file).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await session.close();
  }
}

async function writeSnapshot(tx: ManagedTransaction, file: string, log: (m: string) => void): Promise<{ nodes: number; relationships: number }> {
  const sink = openSink(file);
  try {
    await tx.run('MATCH (n) SET n.__backupLock = true REMOVE n.__backupLock');
    const migrations = await tx.run(`MATCH (m:${MIGRATION_LABEL}) RETURN m.version AS version ORDER BY version`);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations: migrations.records.map((r) => Number(r.get('version'))),
    };
    await sink.write(header);

    const exportIds = new Map<string, number>();
    for await (const record of tx.run('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props')) {
      const n = exportIds.size;
      exportIds.set(record.get('id') as string, n);
      const line: NodeLine = { n, labels: [...(record.get('labels') as string[])].sort(), props: encodeProperties(record.get('props')) };
      await sink.write(line);
      if ((n + 1) % PROGRESS_EVERY === 0) log(`${n + 1} nodes written...`);
    }

    let relationships = 0;
    const rels = tx.run('MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS type, properties(r) AS props, elementId(b) AS b');
    for await (const record of rels) {
      const from = exportIds.get(record.get('a') as string);
      const to = exportIds.get(record.get('b') as string);
      // Both ends were created after the node scan, by a writer the locks could not hold back.
      if (from === undefined || to === undefined) continue;
      const line: RelationshipLine = { r: relationships, type: record.get('type') as string, from, to, props: encodeProperties(record.get('props')) };
      await sink.write(line);
      relationships += 1;
      if (relationships % PROGRESS_EVERY === 0) log(`${relationships} relationships written...`);
    }
    const trailer: TrailerLine = { end: true, nodes: exportIds.size, relationships };
    await sink.write(trailer);
    await sink.close();
    return { nodes: exportIds.size, relationships };
  } catch (error) {
    sink.destroy();
    throw error;
  }
}

interface Sink {
  write(line: object): Promise<void>;
  close(): Promise<void>;
  destroy(): void;
}

function openSink(file: string): Sink {
  const out = fs.createWriteStream(file);
  const gzip = file.replace(/\.partial$/, '').endsWith('.gz') ? createGzip() : null;
  if (gzip) gzip.pipe(out);
  const head = gzip ?? out;
  return {
    async write(line) {
      if (!head.write(`${JSON.stringify(line)}\n`)) await once(head, 'drain');
    },
    async close() {
      head.end();
      await once(out, 'close');
    },
    destroy() {
      gzip?.destroy();
      out.destroy();
    },
  };
}
