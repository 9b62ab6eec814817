package dev.ponte.connection;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tenants and their API keys, and who a presented key belongs to. Keys are random 256-bit values shown once and
 * stored only as SHA-256 hashes (a fast hash suffices for keys with that much entropy).
 */
@ApplicationScoped
public class TenantService {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] adminKeyHash;

    TenantService(Clock clock, @ConfigProperty(name = "ponte.bootstrap-api-key") Optional<String> bootstrapKey) {
        this.clock = clock;
        this.adminKeyHash = bootstrapKey.filter(k -> !k.isBlank()).map(TenantService::digest).orElse(null);
    }

    void onStart(@Observes StartupEvent event) {
        if (adminKeyHash == null && LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            String key = newKey();
            adminKeyHash = digest(key);
            // Demo only: the run command has no other way to hand the newcomer an admin key.
            Log.infof("Demo admin API key (set PONTE_BOOTSTRAP_API_KEY to choose your own): %s", key);
        } else if (adminKeyHash == null) {
            Log.warn("No PONTE_BOOTSTRAP_API_KEY is set: no one can create tenants");
        }
    }

    /** The caller a bearer key stands for, if any: the admin, or a tenant whose key is not revoked. */
    @Transactional
    public Optional<Caller> authenticate(String presentedKey) {
        byte[] hash = digest(presentedKey);
        if (adminKeyHash != null && MessageDigest.isEqual(hash, adminKeyHash)) {
            return Optional.of(Caller.ADMIN);
        }
        return ApiKey.<ApiKey>find("keyHash = ?1 and revokedAt is null", HexFormat.of().formatHex(hash))
                .firstResultOptional().map(k -> Caller.tenant(k.tenantId));
    }

    /** A new tenant and its first key, which is answered once and never again. */
    @Transactional
    public NewKey createTenant(String name) {
        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.name = name;
        tenant.createdAt = clock.instant();
        tenant.persist();
        return addKey(tenant.id, "first key");
    }

    @Transactional
    public List<Tenant> tenants() {
        return Tenant.listAll();
    }

    @Transactional
    public NewKey addKey(UUID tenantId, String label) {
        if (Tenant.findById(tenantId) == null) {
            throw new NotFoundException("tenant");
        }
        String key = newKey();
        ApiKey apiKey = new ApiKey();
        apiKey.id = UUID.randomUUID();
        apiKey.tenantId = tenantId;
        apiKey.keyHash = HexFormat.of().formatHex(digest(key));
        apiKey.label = label;
        apiKey.createdAt = clock.instant();
        apiKey.persist();
        return new NewKey(tenantId, apiKey.id, key);
    }

    @Transactional
    public void revokeKey(UUID tenantId, UUID keyId) {
        ApiKey key = ApiKey.findById(keyId);
        if (key == null || !key.tenantId.equals(tenantId)) {
            throw new NotFoundException("API key");
        }
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
        }
    }

    private String newKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key just made: the only moment its plaintext exists outside the caller's hands. */
    public record NewKey(UUID tenantId, UUID keyId, String key) {
    }
}
