package dev.ponte.api;

import dev.ponte.connection.ConnectionEntity;
import dev.ponte.engine.RecordService;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;

@QuarkusTest
class ApiH2Test extends ApiContractTest {

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
