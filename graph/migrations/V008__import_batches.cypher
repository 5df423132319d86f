// Imports write rows in batches, each committed with its marker: a resumed import skips the
// batches whose marker exists.
CREATE CONSTRAINT import_batch_key IF NOT EXISTS FOR (b:ImportBatch) REQUIRE (b.importId, b.seq) IS UNIQUE;
