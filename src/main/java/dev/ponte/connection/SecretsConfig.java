package dev.ponte.connection;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Encryption of credentials at rest. */
@ConfigMapping(prefix = "ponte.secrets")
public interface SecretsConfig {

    /** A base64-encoded 256-bit AES key (env PONTE_SECRETS_KEY); required in production. */
    Optional<String> key();
}
