package org.maillage.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in this JVM with a Bolt connector on loopback, for Maillage's embedded
 * default (see the Neo4j Java Reference, "Java embedded / Bolt connector").
 *
 * <p>Configuration comes from environment variables so the Node side needs no config file:
 * <ul>
 *   <li>NEO4J_HOME_DIR: data directory (created if missing), default ".data/neo4j"</li>
 *   <li>NEO4J_BOLT_PORT: Bolt port on 127.0.0.1, default 7687</li>
 *   <li>NEO4J_PAGECACHE: page cache size, default "2g"</li>
 *   <li>NEO4J_TX_MEMORY_MAX: total transaction memory cap, default "2g"</li>
 * </ul>
 * Heap is set on the java command line (-Xmx) by the Node launcher.
 *
 * <p>It prints the line {@code MAILLAGE_NEO4J_READY bolt://127.0.0.1:PORT} once Bolt accepts
 * connections, and shuts the database down cleanly on SIGTERM/SIGINT (JVM shutdown hook).
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(env("NEO4J_HOME_DIR", ".data/neo4j")).toAbsolutePath();
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                // Loopback only, single local user: the driver's credentials are accepted as is.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Sized for a 2-core / 24 GB machine shared with Node and the OS.
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(env("NEO4J_PAGECACHE", "2g")))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
                        parseBytes(env("NEO4J_TX_MEMORY_MAX", "2g")))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(10))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("MAILLAGE_NEO4J_STOPPING");
            System.out.flush();
            dbms.shutdown();
            System.out.println("MAILLAGE_NEO4J_STOPPED");
            System.out.flush();
            stopped.countDown();
        }, "neo4j-shutdown"));

        // Touch the default database so the store is created before we announce readiness.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("MAILLAGE_NEO4J_READY bolt://127.0.0.1:" + port + " home=" + home);
        System.out.flush();

        // Also stop when the parent process goes away (its stdin closes), so a killed Node
        // process never leaves an orphan database holding the store lock.
        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // ignore input
                }
            } catch (Exception ignored) {
                // stdin unusable: rely on signals only
                return;
            }
            System.exit(0);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Parses "512m", "2g", "1024k" or a plain byte count. */
    static long parseBytes(String text) {
        String t = text.toLowerCase();
        char unit = t.charAt(t.length() - 1);
        if (Character.isDigit(unit)) {
            return Long.parseLong(t);
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        switch (unit) {
            case 'k': return ByteUnit.kibiBytes(n);
            case 'm': return ByteUnit.mebiBytes(n);
            case 'g': return ByteUnit.gibiBytes(n);
            default: throw new IllegalArgumentException("Unknown size unit in '" + text + "' (use k, m or g)");
        }
    }
}
