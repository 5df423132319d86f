import 'reflect-metadata';
import * as path from 'node:path';
import { exportGraph } from '../../graph/backup/export-graph';
import { PROJECT_ROOT } from '../../graph/project-root';
import { loadConfig } from '../config';
import { openForMaintenance } from './open-for-maintenance';

const log = (message: string) => console.log(`[backup] ${message}`);

/** `npm run backup [-- file.jsonl[.gz]]`: a consistent logical export of the whole graph. */
async function main(): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');
  const file = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, '.data', 'backups', `maillage-${stamp}.jsonl.gz`));
  const database = await openForMaintenance(loadConfig(), log);
  try {
    log(`Writing ${file} (writes to existing data wait until the export ends)...`);
    const report = await exportGraph(database.db, file, log);
    log(`Done: ${report.nodes} nodes and ${report.relationships} relationships, ${(report.bytes / 1024 / 1024).toFixed(1)} MB.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`[backup] failed: ${(error as Error).message}`);
  process.exit(1);
});
