import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from './project-root';

/** Where the Maven module of the embedded launcher lives. */
const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'graph', 'launcher');
const MAIN_CLASS = 'org.maillage.launcher.EmbeddedNeo4j';
const READY_MARK = 'MAILLAGE_NEO4J_READY';

/** Options of {@link startEmbeddedNeo4j}. */
export interface EmbeddedNeo4jOptions {
  /** Data directory (created if missing). */
  dataDir: string;
  /** Bolt port on 127.0.0.1. */
  boltPort: number;
  /** JVM heap, e.g. "4g". */
  heap?: string;
  /** Neo4j page cache, e.g. "2g". */
  pageCache?: string;
  /** How long to wait for Bolt before giving up, in milliseconds. */
  startTimeoutMs?: number;
  /** Progress messages (build, download, start). */
  log?: (message: string) => void;
}

/** A running embedded Neo4j. */
export interface EmbeddedNeo4j {
  uri: string;
  /** Stops Neo4j cleanly (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
  /** Kills the JVM at once (SIGKILL), as a power cut would: for crash-recovery tests. */
  kill(): Promise<void>;
}

function requireTool(tool: string, args: string[], hint: string): void {
  const probe = spawnSync(tool, args, { stdio: 'ignore', env: process.env });
  if (probe.error || probe.status !== 0) {
    throw new Error(`NEO4J_URI is unset and \`${tool}\` was not found or does not run: ${hint}`);
  }
}

/**
 * Compiles the launcher and writes its runtime classpath, unless both are newer than the pom
 * and the Java source. The first run downloads Neo4j's jars into ~/.m2 (a few minutes);
 * later runs reuse them and skip Maven entirely.
 */
export function buildLauncher(log: (m: string) => void = () => undefined, launcherDir = LAUNCHER_DIR): string[] {
  requireTool('java', ['-version'], 'install a Java 17 runtime (e.g. `apt-get install openjdk-17-jdk-headless`) or point NEO4J_URI at your Neo4j server.');
  const classpathFile = path.join(launcherDir, 'target', 'classpath.txt');
  const classesDir = path.join(launcherDir, 'target', 'classes');
  // Maven leaves an unchanged classpath file untouched, so a stamp of our own marks the build.
  const stampFile = path.join(launcherDir, 'target', 'maillage-build.stamp');
  const builtAt = fs.existsSync(stampFile) && fs.existsSync(classpathFile) ? fs.statSync(stampFile).mtimeMs : 0;
  const sources = [path.join(launcherDir, 'pom.xml'), ...listFiles(path.join(launcherDir, 'src'))];
  const stale = sources.some((f) => fs.statSync(f).mtimeMs > builtAt) || !fs.existsSync(classesDir);
  if (stale) {
    requireTool('mvn', ['-v'], 'install Maven 3 (e.g. `apt-get install maven`) so the embedded Neo4j can be built, or point NEO4J_URI at your Neo4j server.');
    log('Building the embedded Neo4j launcher with Maven (the first run downloads Neo4j 5.26 into ~/.m2)...');
    const result = spawnSync(
      'mvn',
      ['-B', '-q', 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`],
      { cwd: launcherDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: process.env },
    );
    if (result.status !== 0) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-40).join('\n');
      throw new Error(`Maven could not build the embedded Neo4j launcher (exit ${result.status}).\n${output}`);
    }
    fs.writeFileSync(stampFile, new Date().toISOString());
  }
  const deps = fs.readFileSync(classpathFile, 'utf8').trim();
  return [classesDir, ...deps.split(path.delimiter)];
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/**
 * Starts Neo4j Community as a child JVM and resolves once Bolt accepts connections.
 *
 * @param options where the data lives, which port, memory
 * @returns the Bolt URI and a `stop` function
 * @example
 * const neo4j = await startEmbeddedNeo4j({ dataDir: '.data/neo4j', boltPort: 7687 });
 * // ... use neo4j.uri ...
 * await neo4j.stop();
 */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => undefined);
  const classpath = buildLauncher(log);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const logFile = path.join(options.dataDir, 'launcher.log');
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  const child = spawn(
    'java',
    [`-Xms${options.heap ?? '1g'}`, `-Xmx${options.heap ?? '1g'}`, '-XX:+UseG1GC', '-cp', classpath.join(path.delimiter), MAIN_CLASS],
    {
      env: {
        ...process.env,
        NEO4J_HOME_DIR: path.resolve(options.dataDir),
        NEO4J_BOLT_PORT: String(options.boltPort),
        NEO4J_PAGECACHE: options.pageCache ?? '512m',
      },
      // stdin stays open as a pipe: the launcher exits when it closes, so a Node process that
      // dies abruptly never leaves an orphan JVM holding the store lock.
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(logStream, { end: false });
  child.stderr!.pipe(logStream, { end: false });

  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  try {
    await waitForReady(child, options.startTimeoutMs ?? 180_000);
  } catch (error) {
    child.kill('SIGKILL');
    logStream.end();
    const tail = readTail(logFile, 30);
    throw new Error(`${(error as Error).message}\nLast lines of ${logFile}:\n${tail}`);
  }
  log(`Neo4j is ready at ${uri} (data in ${path.resolve(options.dataDir)})`);
  return {
    uri,
    stop: () => stopChild(child, logStream),
    kill: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => { logStream.end(); resolve(); });
      child.kill('SIGKILL');
    }),
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`Neo4j did not accept Bolt connections within ${Math.round(timeoutMs / 1000)} s.`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-4096);
      if (seen.includes(READY_MARK)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The embedded Neo4j exited before it was ready (code ${code}, signal ${signal}).`));
    });
  });
}

function stopChild(child: ChildProcess, logStream: fs.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      logStream.end();
      resolve();
      return;
    }
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(killer);
      logStream.end();
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function readTail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}
