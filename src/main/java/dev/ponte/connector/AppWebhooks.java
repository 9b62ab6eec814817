package dev.ponte.connector;

/**
 * A source whose app has one address for every account's deliveries of some events, set once in the app's own
 * settings rather than subscribed per account (a shop app's privacy webhooks): {@code /hooks/apps/<system>}. Offered
 * by the {@link Connector} bean itself; each verified delivery is then handed to every connection of the system, whose
 * port reads it as its own or refuses it as another account's ({@link CredentialsFailure}).
 */
public interface AppWebhooks {

    /** Throws {@link CredentialsFailure} unless the delivery is signed by the vendor for Ponte's app. */
    void verifyAppDelivery(WebhookInbound.Delivery delivery);
}
