package io.mqproducer.internal.recall;

import io.mqproducer.error.InvalidMessageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a broker's recall handle names. RocketMQ 5.3.2+ builds it as URL-safe Base64 of the space-separated text
 * {@code v1 <topic> <brokerName> <deliverAtMillis> <uniqueId>}; the topic is the broker-side one (with namespace).
 */
record RecallHandle(String wireTopic, String brokerName, String uniqueId) {
    private static final String VERSION_1 = "v1";

    /** @throws InvalidMessageException if {@code handle} is not a version 1 recall handle */
    static RecallHandle parse(String handle) {
        if (handle == null || handle.isBlank()) {
            throw new InvalidMessageException("recall handle must not be null or blank");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(handle.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("recall handle is not a RocketMQ recall handle (not URL-safe Base64)");
        }
        String[] parts = text.split(" ");
        if (parts.length < 5 || !VERSION_1.equals(parts[0])) {
            throw new InvalidMessageException("recall handle is not a RocketMQ v1 recall handle");
        }
        return new RecallHandle(parts[1], parts[2], parts[4]);
    }
}
