package dev.ponte.connector.pipedrive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ponte.connector.pipedrive.PipedriveDto.DealField;
import dev.ponte.connector.pipedrive.PipedriveDto.Product;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every won deal of a connection reads and what rarely changes — its products and the deal field definitions —
 * shared by the connection's ports for a short while, so a burst of deals reads each once. A deal whose custom field
 * is missing from the definitions makes the port read them again at once (a field just created in Pipedrive).
 */
final class ReferenceData {

    private static final int MAX_PRODUCTS = 10_000;
    private static final String DEAL_FIELDS = "dealFields";

    private final Cache<Long, Optional<Product>> products;
    private final Cache<String, Map<String, DealField>> dealFields;

    ReferenceData(Duration ttl) {
        products = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_PRODUCTS).build();
        dealFields = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1).build();
    }

    /** The product, read once by concurrent callers; a failed read is not kept. */
    Optional<Product> product(long id, Supplier<Optional<Product>> read) {
        return products.get(id, key -> read.get());
    }

    Map<String, DealField> dealFields(Supplier<Map<String, DealField>> read) {
        return dealFields.get(DEAL_FIELDS, key -> read.get());
    }

    void forgetDealFields() {
        dealFields.invalidateAll();
    }
}
