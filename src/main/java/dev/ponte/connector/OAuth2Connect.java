package dev.ponte.connector;

import java.net.URI;
import java.util.Map;

/**
 * A system's OAuth2 authorization-code connect flow (R16), for a ledger or a source alike: the consent URL to send
 * the user to, and the exchange of the code the vendor sends back for the credentials to store.
 */
public interface OAuth2Connect {

    URI authorizeUrl(String state, String redirectUri);

    /**
     * Exchanges the code for the credentials (tokens and their expiry) in the form the connector reads; they are
     * stored beside the connection's other credentials, which they never replace.
     */
    Map<String, String> exchangeCode(String code, String redirectUri);
}
