import * as path from 'node:path';
import { PROJECT_ROOT } from '../graph/project-root';

/** Everything the platform reads from its environment, with the local defaults. */
export interface Config {
  port: number;
  host: string;
  /** Set: use this Neo4j (yours, a cluster, Aura). Unset: start the embedded one. */
  neo4jUri: string | null;
  neo4jUser: string | null;
  neo4jPassword: string | null;
  neo4jDatabase: string | undefined;
  embedded: { dataDir: string; boltPort: number; heap: string; pageCache: string };
  adminEmail: string;
  adminPassword: string;
  jwtSecret: string | undefined;
  /** How long a sign-in session lasts (SESSION_LIFETIME_HOURS, default 12). */
  sessionLifetimeMs: number;
  /** Base of the invitation and password-reset links handed over (PUBLIC_URL). */
  publicUrl: string;
  /** Load the demo territory when the database holds no actor. */
  seedDemo: boolean;
}

/** Local demo credentials, printed in the README; set ADMIN_EMAIL / ADMIN_PASSWORD anywhere else. */
export const DEMO_ADMIN_EMAIL = 'admin@maillage.local';
export const DEMO_ADMIN_PASSWORD = 'maillage-demo';

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number (got "${raw}").`);
  return value;
}

function hoursFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback * 3600 * 1000;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 24 * 90) throw new Error(`${name} must be a number of hours between 0 and 2160 (got "${raw}").`);
  return Math.round(value * 3600 * 1000);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  if (production && (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD)) {
    throw new Error('NODE_ENV=production needs ADMIN_EMAIL and ADMIN_PASSWORD: the demo credentials are for local use only.');
  }
  return {
    port: intFromEnv(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    neo4jUri: env.NEO4J_URI || null,
    neo4jUser: env.NEO4J_USER || null,
    neo4jPassword: env.NEO4J_PASSWORD || null,
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    embedded: {
      dataDir: path.resolve(PROJECT_ROOT, env.NEO4J_DATA_DIR || '.data/neo4j'),
      boltPort: intFromEnv(env, 'NEO4J_BOLT_PORT', 7687),
      // 2 cores / 24 GB: 4 GB heap and 2 GB page cache leave room for Node and the OS.
      heap: env.NEO4J_HEAP || '4g',
      pageCache: env.NEO4J_PAGECACHE || '2g',
    },
    adminEmail: env.ADMIN_EMAIL || DEMO_ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD || DEMO_ADMIN_PASSWORD,
    jwtSecret: env.JWT_SECRET || undefined,
    sessionLifetimeMs: hoursFromEnv(env, 'SESSION_LIFETIME_HOURS', 12),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${intFromEnv(env, 'PORT', 4000)}`).replace(/\/+$/, ''),
    seedDemo: env.SEED_DEMO !== 'false',
  };
}
