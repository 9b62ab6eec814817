package dev.ponte.connector;

import java.net.URI;
import java.util.Map;

/**
 * A ledger's OAuth2 authorization-code connect flow (R16), registered by {@link #system()} name: the consent URL to
 * send the user to, and the exchange of the code the ledger sends back for the credentials to store.
 */
public interface LedgerOAuth {

    String system();

    URI authorizeUrl(String state, String redirectUri);

    /** Exchanges the code for credentials (tokens and their expiry) in the form the ledger's connector reads. */
    Map<String, String> exchangeCode(String code, String redirectUri);
}
