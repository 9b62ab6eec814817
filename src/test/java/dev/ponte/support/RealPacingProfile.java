package dev.ponte.support;

import java.util.HashMap;
import java.util.Map;

/**
 * PostgreSQL with Ponte's Conta Azul pacing at its production default, 10 requests/s per connection (the test profile
 * lifts it so that other tests run at full speed): for tests that meet the sandbox's enforced rate limits as a real
 * account would. The job lease is production's too: a job that creates a customer and an item makes several paced
 * requests, each of which may wait up to 2 s for its slot, which the test profile's 20 s lease does not always cover.
 * Set under both names, as a {@code %test.} key outranks an unprofiled one.
 */
public class RealPacingProfile extends PostgresProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("ponte.vendors.contaazul.requests-per-second", "10");
        overrides.put("%test.ponte.vendors.contaazul.requests-per-second", "10");
        overrides.put("ponte.engine.lease-duration", "PT2M");
        overrides.put("%test.ponte.engine.lease-duration", "PT2M");
        return overrides;
    }
}
