package dev.ponte.engine;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JobEngineH2Test extends JobEngineContractTest {
}
