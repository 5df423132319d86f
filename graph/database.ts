import neo4j, { BookmarkManager, Driver, ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';

/** Connection settings of {@link createDriver}. */
export interface DriverSettings {
  uri: string;
  user?: string;
  password?: string;
}

/** One driver per process. `neo4j://` and `neo4j+s://` URIs route reads to followers. */
export function createDriver(settings: DriverSettings): Driver {
  const auth = settings.user ? neo4j.auth.basic(settings.user, settings.password ?? '') : neo4j.auth.basic('neo4j', 'neo4j');
  return neo4j.driver(settings.uri, auth, { disableLosslessIntegers: false, maxConnectionPoolSize: 50 });
}

/** A statement runner given to transaction work; counts round trips. */
export interface Tx {
  run<R extends RecordShape = RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<QueryResult<R>>;
}

/**
 * The single executor through which all Cypher runs: managed transactions only
 * (`executeRead` / `executeWrite`, retried by the driver on transient errors, so work
 * functions must be free of side effects), one session per unit of work, closed in `finally`.
 *
 * Each `Db` counts the statements it sent, which lets a request report its database round trips.
 */
export class Db {
  private statements = 0;

  constructor(
    readonly driver: Driver,
    readonly database?: string,
    // Shared by every session of the process: on a cluster, a read that follows a write (in
    // this request or another) waits for a follower that has seen it (causal consistency).
    private readonly bookmarkManager: BookmarkManager = neo4j.bookmarkManager(),
  ) {}

  /** Number of Cypher statements sent through this executor so far. */
  get roundTrips(): number {
    return this.statements;
  }

  /** A new executor on the same driver with its own round-trip counter (one per request). */
  fork(): Db {
    return new Db(this.driver, this.database, this.bookmarkManager);
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withSession((session) => session.executeRead((tx) => work(this.counting(tx))));
  }

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withSession((session) => session.executeWrite((tx) => work(this.counting(tx))));
  }

  private async withSession<T>(work: (session: ReturnType<Driver['session']>) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, bookmarkManager: this.bookmarkManager });
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }

  private counting(tx: ManagedTransaction): Tx {
    return {
      run: <R extends RecordShape = RecordShape>(cypher: string, params?: Record<string, unknown>) => {
        this.statements += 1;
        return tx.run<R>(cypher, params);
      },
    };
  }
}
