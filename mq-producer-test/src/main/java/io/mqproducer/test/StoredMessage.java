package io.mqproducer.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message as the official consumer of a {@link RocketMQCluster}'s own version read it back from a broker.
 *
 * @param topic the topic it is stored in
 * @param brokerName the broker group that stored it
 * @param queueId its queue
 * @param queueOffset its offset in the queue
 * @param body the body as the consumer returned it (decompressed)
 * @param properties every property, system ones included
 * @param bornTimestamp when the producer made it, epoch millis
 * @param storeTimestamp when the broker stored it in this topic (for delayed messages: when it became due)
 */
public record StoredMessage(String topic, String brokerName, int queueId, long queueOffset, byte[] body,
        Map<String, String> properties, long bornTimestamp, long storeTimestamp) {

    private static final String FIELD_SEPARATOR = "\t";
    private static final char PROPERTY_SEPARATOR = '\n';

    public StoredMessage {
        properties = Map.copyOf(properties);
    }

    /** The producer's unique message id (property {@code UNIQ_KEY}). */
    public String messageId() {
        return properties.get("UNIQ_KEY");
    }

    /** The tag, or null. */
    public String tags() {
        return properties.get("TAGS");
    }

    /** The keys, space separated, or null. */
    public String keys() {
        return properties.get("KEYS");
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** One line of text, written by the consumer's JVM and read by the test's. */
    String toLine() {
        StringBuilder props = new StringBuilder();
        properties.forEach((key, value) -> props.append(key).append('=').append(value).append(PROPERTY_SEPARATOR));
        return String.join(FIELD_SEPARATOR, encode(topic), encode(brokerName), Integer.toString(queueId),
                Long.toString(queueOffset), Base64.getEncoder().encodeToString(body), encode(props.toString()),
                Long.toString(bornTimestamp), Long.toString(storeTimestamp));
    }

    static StoredMessage fromLine(String line) {
        String[] fields = line.split(FIELD_SEPARATOR, -1);
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : decode(fields[5]).split(String.valueOf(PROPERTY_SEPARATOR))) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                properties.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return new StoredMessage(decode(fields[0]), decode(fields[1]), Integer.parseInt(fields[2]),
                Long.parseLong(fields[3]), Base64.getDecoder().decode(fields[4]), properties,
                Long.parseLong(fields[6]), Long.parseLong(fields[7]));
    }

    @Override
    public String toString() {
        String text = bodyText();
        return "StoredMessage[" + topic + "@" + brokerName + "/" + queueId + ":" + queueOffset + " id=" + messageId()
                + " tags=" + tags() + " keys=" + keys() + " body=\""
                + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"]";
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String field) {
        return new String(Base64.getDecoder().decode(field), StandardCharsets.UTF_8);
    }
}
