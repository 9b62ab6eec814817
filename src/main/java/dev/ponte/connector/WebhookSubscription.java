package dev.ponte.connector;

/**
 * A source whose webhooks are subscribed by API: Ponte subscribes when a connection is switched on and removes the
 * subscription when it is switched off (R17). The connector keeps the secret deliveries must carry in the
 * connection's credentials ({@link ConnectionAccess#storeCredentials}), where its {@link WebhookInbound} checks it.
 */
public interface WebhookSubscription {

    /** Subscribes {@code url} to the events Ponte acts on, with a new secret; replaces an earlier subscription. */
    void subscribe(String url);

    /** Removes every subscription of {@code url}. */
    void unsubscribe(String url);
}
