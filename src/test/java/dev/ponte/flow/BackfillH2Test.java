package dev.ponte.flow;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BackfillH2Test extends BackfillContract {
}
