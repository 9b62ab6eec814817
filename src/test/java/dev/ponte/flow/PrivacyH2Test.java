package dev.ponte.flow;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PrivacyH2Test extends PrivacyContract {
}
