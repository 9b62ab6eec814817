package dev.ponte.support;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link RealPacingProfile} with Ponte pacing a Nuvemshop store as one on the top plans (×10: 20 requests/s, the
 * bucket's drain rate there), for a load test whose sandbox store has that plan's bucket.
 */
public class NuvemshopLoadProfile extends RealPacingProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("ponte.vendors.nuvemshop.requests-per-second", "20");
        overrides.put("%test.ponte.vendors.nuvemshop.requests-per-second", "20");
        return overrides;
    }
}
