import { Db } from '../database';
import { migrate, readMigrations } from '../migrate';
import { BackupHeader, MIGRATION_LABEL, NodeLine, RelationshipLine } from './backup-format';
import { parseBodyLine, parseHeader, readBackupLines } from './read-backup';
import { BackupFormatError, decodeProperties } from './value-codec';

export interface RestoreReport {
  nodes: number;
  relationships: number;
  /** Migrations newer than the backup, applied to the restored data. */
  migrationsApplied: number[];
}

/** The database is not empty: restoring would mix two graphs. */
export class DatabaseNotEmptyError extends Error {}

const BATCH = 2_000;
const RESTORE_LABEL = '__Restoring';

/**
 * Loads a backup written by {@link exportGraph} into an empty database.
 *
 * The file is read twice: once to check it whole (format, counts, every relationship's ends),
 * so a truncated or edited file changes nothing; then to load it in batches. The schema comes
 * from our migrations, applied up to the backup's version before loading and the newer ones
 * after, so an old backup lands in the current schema. If loading fails part-way (the database
 * went away, a constraint refused a node), the restored nodes are deleted again.
 */
export async function restoreGraph(db: Db, file: string, log: (m: string) => void = () => undefined): Promise<RestoreReport> {
  const header = await checkBackup(file);
  const known = readMigrations();
  const newest = Math.max(0, ...known.map((m) => m.version));
  const unknown = header.migrations.filter((v) => v > newest);
  if (unknown.length) throw new BackupFormatError(`${file} comes from a newer Maillage (migrations ${unknown.join(', ')} are unknown here): upgrade before restoring.`);

  const existing = await db.read(async (tx) => Number((await tx.run(`MATCH (n) WHERE NOT n:${MIGRATION_LABEL} RETURN count(n) AS c`)).records[0].get('c')));
  if (existing > 0) throw new DatabaseNotEmptyError(`The database already holds ${existing} nodes: restore into an empty one (a new NEO4J_DATA_DIR, or an empty database on your server).`);

  const sourceVersion = Math.max(0, ...header.migrations);
  await migrate(db, known.filter((m) => m.version <= sourceVersion), { verify: false });
  await db.write((tx) => tx.run(`CREATE INDEX restore_id IF NOT EXISTS FOR (n:${RESTORE_LABEL}) ON (n.__restoreId)`));
  await db.write((tx) => tx.run('CALL db.awaitIndexes(300)'));
  try {
    const counts = await load(db, file, log);
    await finish(db);
    const applied = await migrate(db);
    return { ...counts, migrationsApplied: applied };
  } catch (error) {
    log('Loading failed: removing what was restored, so the database is empty again...');
    await emptyDatabase(db);
    throw error;
  } finally {
    await db.write((tx) => tx.run('DROP INDEX restore_id IF EXISTS'));
  }
}

/** Reads the whole file without writing: a bad file is refused before anything changes. */
export async function checkBackup(file: string): Promise<BackupHeader> {
  let header: BackupHeader | null = null;
  const nodes = new Set<number>();
  let relationships = 0;
  let ended = false;
  for await (const { line, value } of readBackupLines(file)) {
    if (!header) {
      header = parseHeader(value, file);
      continue;
    }
    if (ended) throw new BackupFormatError(`${file}, line ${line}: data after the trailer.`);
    const parsed = parseBodyLine(value, line, file);
    if (parsed.kind === 'node') {
      if (nodes.has(parsed.value.n)) throw new BackupFormatError(`${file}, line ${line}: node ${parsed.value.n} appears twice.`);
      nodes.add(parsed.value.n);
    } else if (parsed.kind === 'relationship') {
      if (!nodes.has(parsed.value.from) || !nodes.has(parsed.value.to)) throw new BackupFormatError(`${file}, line ${line}: the relationship joins a node the file does not hold.`);
      relationships += 1;
    } else {
      if (parsed.value.nodes !== nodes.size || parsed.value.relationships !== relationships) {
        throw new BackupFormatError(`${file}: the trailer counts ${parsed.value.nodes} nodes and ${parsed.value.relationships} relationships, the file holds ${nodes.size} and ${relationships}.`);
      }
      ended = true;
    }
  }
  if (!header) throw new BackupFormatError(`${file} is empty.`);
  if (!ended) throw new BackupFormatError(`${file} is incomplete: it has no trailer line (was the backup interrupted or the file cut?).`);
  return header;
}

async function load(db: Db, file: string, log: (m: string) => void): Promise<{ nodes: number; relationships: number }> {
  let nodes: { id: number; labels: string[]; props: Record<string, unknown> }[] = [];
  let rels: { from: number; to: number; type: string; props: Record<string, unknown> }[] = [];
  let nodeCount = 0;
  let relCount = 0;
  const flushNodes = async () => {
    if (!nodes.length) return;
    const rows = nodes;
    nodes = [];
    await db.write((tx) => tx.run(
      `UNWIND $rows AS row
       CREATE (n:${RESTORE_LABEL} {__restoreId: row.id})
       SET n += row.props
       SET n:$(row.labels)`,
      { rows },
    ));
    nodeCount += rows.length;
    if (nodeCount % (BATCH * 25) < rows.length) log(`${nodeCount} nodes restored...`);
  };
  const flushRels = async () => {
    if (!rels.length) return;
    const rows = rels;
    rels = [];
    await db.write((tx) => tx.run(
      `UNWIND $rows AS row
       MATCH (a:${RESTORE_LABEL} {__restoreId: row.from}), (b:${RESTORE_LABEL} {__restoreId: row.to})
       CREATE (a)-[r:$(row.type)]->(b)
       SET r = row.props`,
      { rows },
    ));
    relCount += rows.length;
    if (relCount % (BATCH * 25) < rows.length) log(`${relCount} relationships restored...`);
  };

  let first = true;
  for await (const { line, value } of readBackupLines(file)) {
    if (first) { first = false; continue; }
    const parsed = parseBodyLine(value, line, file);
    if (parsed.kind === 'node') {
      const node = parsed.value as NodeLine;
      // The migrations applied above wrote their own bookkeeping.
      if (node.labels.includes(MIGRATION_LABEL)) continue;
      nodes.push({ id: node.n, labels: node.labels, props: decodeProperties(node.props) });
      if (nodes.length >= BATCH) await flushNodes();
    } else if (parsed.kind === 'relationship') {
      await flushNodes();
      const rel = parsed.value as RelationshipLine;
      rels.push({ from: rel.from, to: rel.to, type: rel.type, props: decodeProperties(rel.props) });
      if (rels.length >= BATCH) await flushRels();
    }
  }
  await flushNodes();
  await flushRels();
  return { nodes: nodeCount, relationships: relCount };
}

/** Takes the restore's scaffolding off the nodes. */
async function finish(db: Db): Promise<void> {
  for (;;) {
    const done = await db.write(async (tx) => Number((await tx.run(
      `MATCH (n:${RESTORE_LABEL}) WITH n LIMIT 10000 REMOVE n:${RESTORE_LABEL}, n.__restoreId RETURN count(n) AS c`,
    )).records[0].get('c')));
    if (done === 0) return;
  }
}

async function emptyDatabase(db: Db): Promise<void> {
  for (;;) {
    const deleted = await db.write(async (tx) => Number((await tx.run(
      `MATCH (n) WHERE NOT n:${MIGRATION_LABEL} WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c`,
    )).records[0].get('c')));
    if (deleted === 0) return;
  }
}
