package dev.ponte.api;

import dev.ponte.connection.ConnectionEntity;
import dev.ponte.engine.RecordService;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.ponte.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class ApiPostgresTest extends ApiContractTest {

    @Override
    String storedCredentials(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> ConnectionEntity.<ConnectionEntity>findById(connectionId)
                .credentials);
    }

    @Inject
    RecordService records;

    @Override
    void writeHistory(UUID connectionId, String subject, String message) {
        records.record(connectionId, subject, null, "sync", "INFO", message, null);
    }
}
