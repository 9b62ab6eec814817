package dev.ponte.support;

import java.util.HashMap;
import java.util.Map;

/**
 * PostgreSQL with production logging: the test profile's HTTP access log and DEBUG lines cost more than some of what
 * a benchmark measures, and production has neither.
 */
public class BenchmarkProfile extends PostgresProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("quarkus.http.access-log.enabled", "false");
        overrides.put("quarkus.log.category.\"dev.ponte\".level", "INFO");
        return overrides;
    }
}
