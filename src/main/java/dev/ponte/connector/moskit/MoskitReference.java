package dev.ponte.connector.moskit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ponte.connector.moskit.MoskitDto.CustomField;
import dev.ponte.connector.moskit.MoskitDto.Product;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every won deal of a connection reads and what rarely changes — its stages (for the pipeline of each), custom
 * field definitions (for their labels) and products — shared by the connection's ports for a short while, so a burst
 * of deals reads each once at Moskit's few calls per second. A stage or field the definitions do not know makes the
 * port read them again at once (one just created in Moskit).
 */
final class MoskitReference {

    private static final int MAX_PRODUCTS = 10_000;
    private static final String ALL = "all";

    private final Cache<Long, Optional<Product>> products;
    private final Cache<String, Map<Long, String>> stages;
    private final Cache<String, Map<String, CustomField>> fields;

    MoskitReference(Duration ttl) {
        products = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_PRODUCTS).build();
        stages = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1).build();
        fields = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1).build();
    }

    /** The product, read once by concurrent callers; a failed read is not kept. */
    Optional<Product> product(long id, Supplier<Optional<Product>> read) {
        return products.get(id, key -> read.get());
    }

    /** Stage id → its pipeline's id. */
    Map<Long, String> stages(Supplier<Map<Long, String>> read) {
        return stages.get(ALL, key -> read.get());
    }

    void forgetStages() {
        stages.invalidateAll();
    }

    /** Custom field id → its definition. */
    Map<String, CustomField> fields(Supplier<Map<String, CustomField>> read) {
        return fields.get(ALL, key -> read.get());
    }

    void forgetFields() {
        fields.invalidateAll();
    }
}
