package dev.ponte.connector;

import java.net.URI;
import java.util.Map;

/**
 * A system's OAuth2 authorization-code connect flow (R16), for a ledger or a source alike: the consent URL to send
 * the user to, and the exchange of the code the vendor sends back for the credentials to store.
 */
public interface OAuth2Connect {

    /**
     * A key {@link #exchangeCode} may add to its answer: the name of the person who gave the consent, as the vendor's
     * identity claims tell it (R11: "the user who activated the connection"). It is not a credential: the connect
     * flow takes it out before storing the credentials, and records it as the connection's {@code activatedBy}
     * setting when nobody has set one.
     */
    String CONSENTING_USER = "ponte.consenting_user";

    URI authorizeUrl(String state, String redirectUri);

    /**
     * Exchanges the code for the credentials (tokens and their expiry) in the form the connector reads; they are
     * stored beside the connection's other credentials, which they never replace. May carry
     * {@link #CONSENTING_USER}, which is not stored.
     */
    Map<String, String> exchangeCode(String code, String redirectUri);
}
