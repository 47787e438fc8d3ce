package io.mqproducer;

import java.util.Map;

/**
 * A transactional message whose outcome the broker asks about, as given to a
 * {@link io.mqproducer.spi.TransactionChecker}.
 *
 * @param topic         the topic as the application names it
 * @param messageId     the unique id the message was sent with
 * @param transactionId the broker's transaction id
 * @param properties    all properties of the stored message (user and system)
 * @param body          the body, decompressed
 */
public record HalfMessage(String topic, String messageId, String transactionId, Map<String, String> properties,
                          byte[] body) {

    public HalfMessage {
        properties = Map.copyOf(properties);
    }

    /** A user property, or null. */
    public String property(String name) {
        return properties.get(name);
    }
}
