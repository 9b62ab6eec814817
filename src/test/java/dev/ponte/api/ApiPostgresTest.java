package dev.ponte.api;

import dev.ponte.connection.ConnectionEntity;
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
}
