import 'reflect-metadata';
import * as fs from 'node:fs';
import { restoreGraph } from '../../graph/backup/restore-graph';
import { loadConfig } from '../config';
import { openForMaintenance } from './open-for-maintenance';

const log = (message: string) => console.log(`[restore] ${message}`);

/** `npm run restore -- file.jsonl[.gz]`: loads a backup into an empty database. */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('name the backup file: npm run restore -- .data/backups/maillage-….jsonl.gz');
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist.`);
  const database = await openForMaintenance(loadConfig(), log);
  try {
    log(`Checking ${file}, then loading it...`);
    const report = await restoreGraph(database.db, file, log);
    const migrated = report.migrationsApplied.length ? `; newer migrations applied: ${report.migrationsApplied.join(', ')}` : '';
    log(`Done: ${report.nodes} nodes and ${report.relationships} relationships restored${migrated}.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`[restore] failed: ${(error as Error).message}`);
  process.exit(1);
});
