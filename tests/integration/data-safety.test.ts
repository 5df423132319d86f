import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Db } from '../../graph/database';
import { exportGraph } from '../../graph/backup/export-graph';
import { readBackupLines } from '../../graph/backup/read-backup';
import { DatabaseNotEmptyError, restoreGraph } from '../../graph/backup/restore-graph';
import { committedImportBatches } from '../../graph/repositories/import-batch-repository';
import { BackupFormatError } from '../../graph/backup/value-codec';
import { loadDemoTerritory } from '../../seeds/load-demo';
import { prepareDatabase } from '../../server/platform';
import { ActorService } from '../../server/services/actor-service';
import { CategoryService } from '../../server/services/category-service';
import { FlowService } from '../../server/services/flow-service';
import { ImportRow, runBatchedImport } from '../../server/services/import/batched-import';
import { TerritoryService } from '../../server/services/territory-service';
import { ScratchNeo4j, startScratchNeo4j } from '../support/scratch-neo4j';

// Its own Neo4j: these tests empty the database, and kill the server.
jest.setTimeout(600_000);

let neo: ScratchNeo4j;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-backups-'));
  neo = await startScratchNeo4j();
  await prepareDatabase(neo.db, () => undefined);
});

afterAll(async () => {
  await neo?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function count(db: Db, cypher: string): Promise<number> {
  return db.read(async (tx) => Number((await tx.run(cypher)).records[0].get(0)));
}

/** Deletes every node, as a brand-new database would be (the schema stays). */
async function emptyAll(db: Db): Promise<void> {
  while ((await db.write(async (tx) => Number((await tx.run('MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*)')).records[0].get(0)))) > 0);
}

/**
 * A backup file as content only: each node as its labels and properties, each relationship as
 * its type, properties and the content of its ends, sorted. Two files are equal when they hold
 * the same graph, whatever the order or numbering. Migration bookkeeping is left out (a restore
 * records its own, with a new date).
 */
async function canonical(file: string): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodeText = new Map<number, string>();
  const skipped = new Set<number>();
  const relationships: string[] = [];
  let first = true;
  for await (const { value } of readBackupLines(file)) {
    if (first) { first = false; continue; }
    const v = value as { n?: number; labels?: string[]; props?: unknown; r?: number; type?: string; from?: number; to?: number };
    if (v.n !== undefined) {
      if (v.labels!.includes('__Migration')) skipped.add(v.n);
      else nodeText.set(v.n, JSON.stringify([v.labels, v.props]));
    } else if (v.r !== undefined) {
      if (skipped.has(v.from!) || skipped.has(v.to!)) continue;
      relationships.push(JSON.stringify([v.type, v.props, nodeText.get(v.from!), nodeText.get(v.to!)]));
    }
  }
  return { nodes: [...nodeText.values()].sort(), relationships: relationships.sort() };
}

describe('npm run backup / restore', () => {
  it('round-trips the demo territory: same nodes, relationships and properties, typed values included', async () => {
    const report = await loadDemoTerritory(neo.db);
    expect(report.errors).toEqual([]);
    const nodes = await count(neo.db, 'MATCH (n) RETURN count(n)');
    const relationships = await count(neo.db, 'MATCH ()-[r]->() RETURN count(r)');
    const first = path.join(dir, 'demo.jsonl.gz');
    const written = await exportGraph(neo.db, first);
    expect(written).toMatchObject({ nodes, relationships });

    await emptyAll(neo.db);
    const restored = await restoreGraph(neo.db, first);
    const migrationNodes = await count(neo.db, 'MATCH (m:__Migration) RETURN count(m)');
    expect(restored.nodes).toBe(nodes - migrationNodes);
    expect(await count(neo.db, 'MATCH (n) RETURN count(n)')).toBe(nodes);
    expect(await count(neo.db, 'MATCH ()-[r]->() RETURN count(r)')).toBe(relationships);
    expect(await count(neo.db, 'MATCH (n) WHERE n:__Restoring OR n.__restoreId IS NOT NULL RETURN count(n)')).toBe(0);

    const second = path.join(dir, 'demo-again.jsonl');
    await exportGraph(neo.db, second);
    const [a, b] = [await canonical(first), await canonical(second)];
    expect(b.nodes.length).toBe(a.nodes.length);
    expect(b.nodes).toEqual(a.nodes);
    expect(b.relationships).toEqual(a.relationships);
    // The demo holds points, datetimes and integers: they come back as the same types.
    expect(a.nodes.some((n) => n.includes('"$point"'))).toBe(true);
    expect(a.nodes.some((n) => n.includes('"$datetime"'))).toBe(true);
    expect(await count(neo.db, 'MATCH (a:Actor) WHERE a.location.srid = 4326 RETURN count(a)')).toBe(await count(neo.db, 'MATCH (a:Actor) RETURN count(a)'));
  });

  it('refuses a database that is not empty, and a cut or edited file, changing nothing', async () => {
    const file = path.join(dir, 'demo.jsonl.gz');
    const before = await count(neo.db, 'MATCH (n) RETURN count(n)');
    await expect(restoreGraph(neo.db, file)).rejects.toThrow(DatabaseNotEmptyError);
    expect(await count(neo.db, 'MATCH (n) RETURN count(n)')).toBe(before);

    await emptyAll(neo.db);
    const plain = path.join(dir, 'demo-again.jsonl');
    const lines = fs.readFileSync(plain, 'utf8').trimEnd().split('\n');
    const cut = path.join(dir, 'cut.jsonl');
    fs.writeFileSync(cut, lines.slice(0, Math.floor(lines.length / 2)).join('\n'));
    await expect(restoreGraph(neo.db, cut)).rejects.toThrow(/incomplete: it has no trailer/);
    const dangling = path.join(dir, 'dangling.jsonl');
    const rel = lines.findIndex((l) => l.startsWith('{"r":'));
    fs.writeFileSync(dangling, [...lines.slice(0, rel), lines[rel].replace(/"to":\d+/, '"to":99999999'), ...lines.slice(rel + 1)].join('\n'));
    await expect(restoreGraph(neo.db, dangling)).rejects.toThrow(BackupFormatError);
    expect(await count(neo.db, 'MATCH (n) WHERE NOT n:__Migration RETURN count(n)')).toBe(0);

    await restoreGraph(neo.db, plain);
    expect(await count(neo.db, 'MATCH (n) RETURN count(n)')).toBe(before);
  });

  it('takes a consistent snapshot while writes go on: a transfer between two nodes is seen whole', async () => {
    // Two accounts far apart in the store, and a writer moving units between them: a scan that
    // saw one before a transfer and the other after would break their sum.
    await neo.db.write((tx) => tx.run("CREATE (:BackupProbe {k: 'a', units: 500})"));
    await neo.db.write((tx) => tx.run('UNWIND range(1, 3000) AS i CREATE (:BackupFiller {i: i})'));
    await neo.db.write((tx) => tx.run("CREATE (:BackupProbe {k: 'b', units: 500})"));
    let writing = true;
    let transfers = 0;
    const writer = (async () => {
      while (writing) {
        await neo.db.write((tx) => tx.run(
          "MATCH (a:BackupProbe {k: 'a'}), (b:BackupProbe {k: 'b'}) SET a.units = a.units - 1, b.units = b.units + 1",
        ));
        transfers += 1;
      }
    })();
    while (transfers < 20) await new Promise((r) => setTimeout(r, 10));
    const file = path.join(dir, 'during-writes.jsonl');
    await exportGraph(neo.db, file);
    const afterBackup = transfers;
    while (transfers < afterBackup + 20) await new Promise((r) => setTimeout(r, 10));
    writing = false;
    await writer;

    const units: number[] = [];
    for await (const { value } of readBackupLines(file)) {
      const v = value as { labels?: string[]; props?: { units?: { $int: string } } };
      if (v.labels?.includes('BackupProbe')) units.push(Number(v.props!.units!.$int));
    }
    expect(units).toHaveLength(2);
    expect(units[0] + units[1]).toBe(1000);
    await neo.db.write((tx) => tx.run('MATCH (n) WHERE n:BackupProbe OR n:BackupFiller DETACH DELETE n'));
  });
});

describe('an import killed in the middle (SIGKILL of Neo4j)', () => {
  const BATCH = 200;
  const rows: ImportRow[] = [];
  for (let a = 0; a < 300; a += 1) {
    for (let f = 0; f < 10; f += 1) {
      rows.push({
        actor: { externalId: `crash-actor-${a}`, name: `Atelier ${a}`, kind: 'COMPANY', economy: 'CLASSIC', location: { lat: 48.78 + a / 10_000, lon: 2.39 + f / 10_000 } },
        flow: { externalId: `crash-flow-${a}-${f}`, direction: f % 2 ? 'NEED' : 'OFFER', description: `Palettes bois lot ${a}-${f}`, quantity: 1 + f, unit: 't/yr' },
      });
    }
  }
  const batchOf = (i: number) => Math.floor(i / BATCH);
  const services = (db: Db) => {
    const territories = new TerritoryService(db);
    return { actors: new ActorService(db, territories), flows: new FlowService(db, new CategoryService(db), territories) };
  };
  const flowsPerBatch = async (db: Db): Promise<Map<number, number>> => {
    const ids = await db.read(async (tx) => (await tx.run("MATCH (f:Flow) WHERE f.externalId STARTS WITH 'crash-flow-' RETURN f.externalId AS id")).records.map((r) => String(r.get('id'))));
    const index = new Map(rows.map((r, i) => [r.flow.externalId, i]));
    const counts = new Map<number, number>();
    for (const id of ids) counts.set(batchOf(index.get(id)!), (counts.get(batchOf(index.get(id)!)) ?? 0) + 1);
    return counts;
  };

  it('keeps every committed batch whole and no batch in part, then resumes to the end, idempotently', async () => {
    let killing: Promise<void> | null = null;
    const run = runBatchedImport(neo.db, {
      importId: 'crash-test', rows, batchSize: BATCH, ...services(neo.db),
      // Kill while the next batches are being written, not between two of them.
      onBatchCommitted: (seq) => { if (seq === 3) killing = new Promise((r) => setTimeout(r, 150)).then(() => neo.kill()); },
    });
    await expect(run).rejects.toThrow();
    await killing;
    await neo.restart();

    const committed = await neo.db.read((tx) => committedImportBatches(tx, 'crash-test'));
    const perBatch = await flowsPerBatch(neo.db);
    expect(committed.length).toBeGreaterThanOrEqual(4);
    expect(committed.length).toBeLessThan(rows.length / BATCH);
    for (const seq of committed) expect(perBatch.get(seq)).toBe(BATCH);
    for (const seq of perBatch.keys()) expect(committed).toContain(seq);
    expect(await count(neo.db, "MATCH (a:Actor) WHERE a.externalId STARTS WITH 'crash-actor-' RETURN count(a)")).toBe(committed.length * BATCH / 10);

    const resumed = await runBatchedImport(neo.db, { importId: 'crash-test', rows, batchSize: BATCH, ...services(neo.db) });
    expect(resumed).toEqual({ batches: 15, batchesSkipped: committed.length, batchesWritten: 15 - committed.length });
    expect(await count(neo.db, "MATCH (f:Flow) WHERE f.externalId STARTS WITH 'crash-flow-' RETURN count(f)")).toBe(3000);
    expect(await count(neo.db, "MATCH (a:Actor)-[:OFFERS|NEEDS]->(f:Flow) WHERE f.externalId STARTS WITH 'crash-flow-' RETURN count(DISTINCT a)")).toBe(300);

    // Run again under another import id: the rows' external ids make it a no-op.
    const again = await runBatchedImport(neo.db, { importId: 'crash-test-again', rows, batchSize: BATCH, ...services(neo.db) });
    expect(again.batchesWritten).toBe(15);
    expect(await count(neo.db, "MATCH (f:Flow) WHERE f.externalId STARTS WITH 'crash-flow-' RETURN count(f)")).toBe(3000);
    expect(await count(neo.db, "MATCH (a:Actor) WHERE a.externalId STARTS WITH 'crash-actor-' RETURN count(a)")).toBe(300);
  });
});
