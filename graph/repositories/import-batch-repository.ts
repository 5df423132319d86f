import { Tx } from '../database';

/** Marks batch `seq` of an import as written, in the transaction that wrote its rows. */
export async function recordImportBatch(tx: Tx, batch: { importId: string; seq: number; rowCount: number }): Promise<void> {
  await tx.run(
    'CREATE (:ImportBatch {importId: $importId, seq: $seq, rowCount: $rowCount, committedAt: datetime()})',
    batch,
  );
}

/** Whether batch `seq` of an import was committed (by this run or an interrupted one). */
export async function isImportBatchCommitted(tx: Tx, importId: string, seq: number): Promise<boolean> {
  const result = await tx.run('MATCH (b:ImportBatch {importId: $importId, seq: $seq}) RETURN count(b) > 0 AS done', { importId, seq });
  return Boolean(result.records[0].get('done'));
}

/** The batch numbers of an import committed so far, ascending. */
export async function committedImportBatches(tx: Tx, importId: string): Promise<number[]> {
  const result = await tx.run('MATCH (b:ImportBatch {importId: $importId}) RETURN b.seq AS seq ORDER BY seq', { importId });
  return result.records.map((r) => Number(r.get('seq')));
}
