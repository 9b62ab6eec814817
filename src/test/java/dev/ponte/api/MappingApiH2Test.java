package dev.ponte.api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MappingApiH2Test extends MappingApiContractTest {
}
