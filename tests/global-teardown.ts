import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const neo4j = (globalThis as Record<string, unknown>).__MAILLAGE_NEO4J__ as { stop(): Promise<void>; dataDir: string } | undefined;
  if (neo4j) {
    await neo4j.stop();
    fs.rmSync(neo4j.dataDir, { recursive: true, force: true });
  }
}
