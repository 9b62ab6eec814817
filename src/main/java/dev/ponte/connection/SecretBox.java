package dev.ponte.connection;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts credentials with AES-256-GCM. Each value gets a fresh 96-bit nonce, and the record it belongs to is bound
 * as associated data, so a ciphertext copied onto another connection does not decrypt.
 */
@ApplicationScoped
public class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(SecretsConfig config) {
        this.key = config.key().map(SecretBox::decodeKey).orElse(null);
    }

    void checkOnStart(@Observes StartupEvent event) {
        if (key == null && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException(
                    "PONTE_SECRETS_KEY is not set: give a base64-encoded 256-bit key (e.g. `openssl rand -base64 32`)");
        }
    }

    public String seal(String plaintext, String boundTo) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, boundTo);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a secret", e);
        }
    }

    public String open(String sealed, String boundTo) {
        if (sealed == null || !sealed.startsWith("v1:")) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
            byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, boundTo);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt a secret: wrong PONTE_SECRETS_KEY or tampered data", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String boundTo) throws GeneralSecurityException {
        if (key == null) {
            throw new IllegalStateException("PONTE_SECRETS_KEY is not set");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKey decodeKey(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("PONTE_SECRETS_KEY must decode to 32 bytes (256 bits), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
