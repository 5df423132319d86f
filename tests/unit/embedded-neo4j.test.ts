import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildLauncher, startEmbeddedNeo4j } from '../../graph/embedded-neo4j';
import { PROJECT_ROOT } from '../../graph/project-root';

/** Runs `fn` with PATH reduced to a folder holding only the given tools. */
function withOnlyTools<T>(tools: string[], fn: () => T): T {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-path-'));
  for (const tool of tools) fs.symlinkSync(fs.realpathSync(`/usr/bin/${tool}`), path.join(bin, tool));
  const saved = process.env.PATH;
  process.env.PATH = bin;
  try {
    return fn();
  } finally {
    process.env.PATH = saved;
    fs.rmSync(bin, { recursive: true, force: true });
  }
}

function unbuiltLauncherCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-launcher-'));
  fs.cpSync(path.join(PROJECT_ROOT, 'graph', 'launcher', 'pom.xml'), path.join(dir, 'pom.xml'));
  fs.cpSync(path.join(PROJECT_ROOT, 'graph', 'launcher', 'src'), path.join(dir, 'src'), { recursive: true });
  return dir;
}

describe('the embedded Neo4j launcher', () => {
  it('says to install Java 17 when java is missing', () => {
    expect(() => withOnlyTools([], () => buildLauncher())).toThrow(/java.*install a Java 17 runtime.*NEO4J_URI/s);
  });

  it('says to install Maven when the launcher must be built and mvn is missing', () => {
    const dir = unbuiltLauncherCopy();
    try {
      expect(() => withOnlyTools(['java'], () => buildLauncher(() => undefined, dir))).toThrow(/mvn.*install Maven 3/s);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with the tail of the launcher log when Neo4j cannot start', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-busy-'));
    try {
      await expect(startEmbeddedNeo4j({ dataDir, boltPort: port, heap: '512m', pageCache: '64m', startTimeoutMs: 120_000 }))
        .rejects.toThrow(/exited before it was ready[\s\S]*Last lines of .*launcher\.log/);
    } finally {
      blocker.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
