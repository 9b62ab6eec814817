package dev.ponte.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** A real PostgreSQL 17 (Zonky embedded), started once per test JVM and shared by every PostgreSQL test profile. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    @Override
    public Map<String, String> start() {
        String database = "ponte_" + Long.toHexString(System.nanoTime());
        try (var c = postgres().getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", postgres().getJdbcUrl("postgres", database),
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // kept for the next profile that needs it; closed when the JVM exits
    }
}
