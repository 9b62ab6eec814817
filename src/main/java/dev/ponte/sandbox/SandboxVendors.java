package dev.ponte.sandbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The emulated vendors by path segment. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@ApplicationScoped
public class SandboxVendors {

    private final Map<String, SandboxVendor> byName;

    public SandboxVendors(Instance<SandboxVendor> vendors) {
        this.byName = vendors.stream().collect(Collectors.toUnmodifiableMap(SandboxVendor::name, Function.identity()));
    }

    public Optional<SandboxVendor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The vendor whose API a request path addresses; admin paths ({@code /sandbox/x/_faults}) have none. */
    public Optional<SandboxVendor> forApiPath(String path) {
        String[] segments = path.split("/");
        if (segments.length < 4 || !"sandbox".equals(segments[1]) || segments[3].startsWith("_")) {
            return Optional.empty();
        }
        return find(segments[2]);
    }
}
