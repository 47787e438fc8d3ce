package io.mqproducer;

import java.util.Map;

/**
 * The answer to a {@link Producer#request request}, as the broker pushed it to this producer.
 *
 * @param topic         the reply topic it travelled through ({@code <cluster>_REPLY_TOPIC})
 * @param correlationId the id that matched it to its request
 * @param messageId     the reply's unique id ({@code UNIQ_KEY}), or null if the responder set none
 * @param body          the body, decompressed
 * @param properties    every property of the reply, user and system ones ({@code CORRELATION_ID}, {@code TAGS},
 *                      ...), read-only
 */
public record ReplyMessage(String topic, String correlationId, String messageId, byte[] body,
                           Map<String, String> properties) {

    public ReplyMessage {
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(properties));
    }

    /** One property of the reply, or null. */
    public String property(String name) {
        return properties.get(name);
    }

    /** The reply's tag, or null. */
    public String tags() {
        return properties.get("TAGS");
    }

    @Override
    public String toString() {
        // The body stays out: it may hold personal data.
        return "ReplyMessage{topic=" + topic + ", correlationId=" + correlationId + ", messageId=" + messageId
                + ", bodyBytes=" + (body == null ? 0 : body.length) + '}';
    }
}
