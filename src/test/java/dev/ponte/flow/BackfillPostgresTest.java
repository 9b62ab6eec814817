package dev.ponte.flow;

import dev.ponte.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class BackfillPostgresTest extends BackfillContract {
}
