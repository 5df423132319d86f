import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Db } from '../graph/database';
import { PROJECT_ROOT } from '../graph/project-root';
import { mapDriverError } from './errors';
import { Context, createContext } from './graphql/context';
import { createSchema } from './graphql/schema';
import { GEOJSON_EXPORT_PATH, geojsonExportHandler } from './http/geojson-export.route';
import { SESSION_DOCUMENT_PATHS, sessionDocumentsHandler } from './http/session-documents.route';
import { MINUTES_PATH, minutesHandler } from './http/minutes.route';
import { AuthService } from './services/auth-service';
import { CategoryService } from './services/category-service';

/** The web client's production build (`npm run build:web`), served at `/`. */
export const WEB_CLIENT_DIST = path.join(PROJECT_ROOT, 'web-client', 'dist');

/** Options of {@link createServer}. */
export interface ServerOptions {
  db: Db;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  auth: AuthService;
  /** Where unexpected errors are logged in full. */
  logError?: (error: unknown) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Response header with the number of Cypher statements the request sent (diagnostics, tests). */
export const ROUND_TRIPS_HEADER = 'x-maillage-db-round-trips';

const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST', 'TOO_MANY_REQUESTS']);

/**
 * Errors the client may read pass through; anything unexpected is logged in full and masked,
 * so driver messages, Cypher or stack traces never reach a client.
 */
export function formatError(logError: (e: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as GraphQLError).originalError ?? error;
    const mapped = mapDriverError(original);
    if (mapped instanceof GraphQLError && mapped !== original) {
      return { message: mapped.message, path: formatted.path, extensions: { code: mapped.extensions.code } };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (KNOWN_CODES.has(code)) return formatted;
    logError(original);
    return { message: 'Internal server error: the problem was logged.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function roundTripsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          response.http.headers.set(ROUND_TRIPS_HEADER, String(contextValue.db.roundTrips));
        },
      };
    },
  };
}

/**
 * Builds and starts the HTTP server: GraphQL at /graphql, the web page at /.
 * `index.ts` only wires configuration to it; tests start it on port 0.
 */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const schema = await createSchema();
  const categories = new CategoryService(options.db);
  const logError = options.logError ?? ((e: unknown) => console.error('[maillage] unexpected error:', e));
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError(logError),
    includeStacktraceInErrorResponses: false,
    plugins: [roundTripsPlugin()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(options.db, options.auth, categories, req.headers.authorization, req.ip ?? null),
    }),
  );
  app.get(GEOJSON_EXPORT_PATH, geojsonExportHandler({ db: options.db, auth: options.auth, categories, logError }));
  app.get(SESSION_DOCUMENT_PATHS, sessionDocumentsHandler({ db: options.db, auth: options.auth, categories, logError }));
  app.get(MINUTES_PATH, minutesHandler({ db: options.db, auth: options.auth, categories, logError }));
  app.get('/config.json', (_req, res) => {
    // The web client's runtime settings: no raster tiles (no third-party request) unless configured.
    res.json({ tileUrl: process.env.TILE_URL || null, tileAttribution: process.env.TILE_ATTRIBUTION || null });
  });
  app.use(express.static(WEB_CLIENT_DIST, { index: 'index.html' }));
  app.get('/', (_req, res) => {
    res.status(503).type('text/plain; charset=utf-8').send("Le client web n'est pas construit : lancez « npm run build:web » (l'API reste disponible à /graphql).\n");
  });

  const httpServer = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    port,
    stop: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
