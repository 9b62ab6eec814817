package dev.ponte.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one-way form a match key takes once it may no longer be kept as typed (a CPF, a name: personal data, LGPD/GDPR):
 * an HMAC-SHA256 of the connection, entity type and key under the deployment's secret key, so the same key still
 * finds its ledger record (no duplicate customer) but the stored value cannot be read back, nor guessed from the
 * database alone by hashing every CPF. Without a secret key (only outside production) the HMAC key is a fixed byte,
 * which hides the key from a reader of the table but not from one who knows this code.
 */
@ApplicationScoped
public class MatchKeyDigest {

    /** Every digested key starts with this; no key a flow writes does ("CPF:", "name:", "code:"). */
    public static final String PREFIX = "hmac256:";

    private final byte[] secret;

    MatchKeyDigest(@ConfigProperty(name = "ponte.secrets.key") Optional<String> key) {
        this.secret = key.filter(k -> !k.isBlank()).map(k -> Base64.getDecoder().decode(k.trim()))
                .orElse(new byte[0]);
    }

    public String of(UUID connectionId, String entityType, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[] {0} : secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((connectionId + "\n" + entityType + "\n" + key)
                    .getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static boolean isDigest(String key) {
        return key != null && key.startsWith(PREFIX);
    }
}
