package dev.ponte.flow;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReviewH2Test extends ReviewContract {
}
