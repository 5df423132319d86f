import { Db } from '../../../graph/database';
import { isImportBatchCommitted, recordImportBatch } from '../../../graph/repositories/import-batch-repository';
import { ActorData, ActorService } from '../actor-service';
import { FlowData, FlowService } from '../flow-service';

/** One validated row of an import: a flow and the actor it belongs to, both with external ids. */
export interface ImportRow {
  actor: ActorData & { externalId: string };
  flow: Omit<FlowData, 'actorId'> & { externalId: string };
}

export interface BatchedImportOptions {
  /** Names the import; a second run with the same id resumes after the batches it finds. */
  importId: string;
  rows: ImportRow[];
  batchSize?: number;
  actors: ActorService;
  flows: FlowService;
  /** Called after each batch is committed: the batch number (from 0) and the rows written so far. */
  onBatchCommitted?: (seq: number, rowsDone: number) => void;
}

export interface BatchedImportReport {
  batches: number;
  batchesWritten: number;
  /** Batches an earlier, interrupted run had committed. */
  batchesSkipped: number;
}

/**
 * Writes rows in batches, one transaction per batch, each with its `:ImportBatch` marker: after a
 * crash a batch is there whole or not at all, and running the import again resumes. Rows are
 * idempotent on their external ids too, so a re-run without the markers changes nothing either.
 */
export async function runBatchedImport(db: Db, options: BatchedImportOptions): Promise<BatchedImportReport> {
  const size = options.batchSize ?? 500;
  const batches = Math.ceil(options.rows.length / size);
  const report: BatchedImportReport = { batches, batchesWritten: 0, batchesSkipped: 0 };
  for (let seq = 0; seq < batches; seq += 1) {
    const rows = options.rows.slice(seq * size, (seq + 1) * size);
    const written = await db.write(async (tx) => {
      if (await isImportBatchCommitted(tx, options.importId, seq)) return false;
      const actorIds = new Map<string, string>();
      for (const row of rows) {
        let actorId = actorIds.get(row.actor.externalId);
        if (!actorId) {
          actorId = (await options.actors.createOrFindIn(tx, row.actor)).actor.id;
          actorIds.set(row.actor.externalId, actorId);
        }
        await options.flows.addIn(tx, { ...row.flow, actorId });
      }
      await recordImportBatch(tx, { importId: options.importId, seq, rowCount: rows.length });
      return true;
    });
    if (written) report.batchesWritten += 1;
    else report.batchesSkipped += 1;
    options.onBatchCommitted?.(seq, Math.min(options.rows.length, (seq + 1) * size));
  }
  return report;
}
