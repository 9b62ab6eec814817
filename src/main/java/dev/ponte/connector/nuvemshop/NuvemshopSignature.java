package dev.ponte.connector.nuvemshop;

import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.WebhookInbound.Delivery;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A delivery's {@code X-Linkedstore-HMAC-SHA256}: the hex HMAC-SHA256 of the raw body keyed with the app's secret
 * [V webhook.md], compared in constant time before any byte of the body is parsed. The app's secret signs every
 * store's deliveries, the per-store ones and the app-wide privacy ones alike.
 */
final class NuvemshopSignature {

    /** As Ponte reads it: delivery headers arrive with lower-case names. */
    static final String HEADER = "x-linkedstore-hmac-sha256";
    /** The same header as some frameworks rename it [V webhook.md]. */
    static final String HEADER_RENAMED = "http_x_linkedstore_hmac_sha256";

    private NuvemshopSignature() {
    }

    /** Throws {@link CredentialsFailure} unless {@code delivery} is signed with {@code appSecret} (null: none set). */
    static void verify(byte[] appSecret, Delivery delivery) {
        if (appSecret == null) {
            throw new CredentialsFailure("Ponte has no Nuvemshop app secret configured to verify deliveries");
        }
        String given = delivery.headers().getOrDefault(HEADER, delivery.headers().get(HEADER_RENAMED));
        if (given == null || given.isBlank()) {
            throw new CredentialsFailure("the delivery carries no " + HEADER);
        }
        byte[] expected = hmac(appSecret, delivery.body() == null ? new byte[0] : delivery.body())
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected,
                given.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new CredentialsFailure("the delivery's " + HEADER + " does not match its body");
        }
    }

    private static String hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
