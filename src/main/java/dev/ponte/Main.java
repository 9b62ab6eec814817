package dev.ponte;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Ponte. Quarkus answers a URI that does not parse (e.g. {@code ?q=%zz}) with a bare 400 before any route or
 * filter can see it; switching that check off here, before Quarkus starts, lets {@code api.RequestProblems} make the
 * same check and explain it as problem+json. Tests set the same property in Surefire's configuration.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
