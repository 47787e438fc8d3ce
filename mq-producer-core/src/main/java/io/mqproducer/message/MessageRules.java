package io.mqproducer.message;

import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.internal.protocol.Topics;
import java.util.List;
import java.util.Map;

/** The rules a message must follow before it may go on the wire. */
public final class MessageRules {

    /** Levels of the broker's default {@code messageDelayLevel} list. */
    public static final int MAX_DELAY_LEVEL = 18;

    private MessageRules() {
    }

    /** Topic: not blank, at most 127 characters of {@code [%|a-zA-Z0-9_-]}, not a broker-internal topic. */
    public static void checkTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new InvalidMessageException("topic must not be null or blank");
        }
        if (topic.length() > Topics.MAX_LENGTH) {
            throw new InvalidMessageException("topic is " + topic.length() + " characters long, the limit is "
                    + Topics.MAX_LENGTH);
        }
        for (int i = 0; i < topic.length(); i++) {
            if (!isTopicChar(topic.charAt(i))) {
                throw new InvalidMessageException("topic '" + printable(topic) + "' contains the illegal character "
                        + describe(topic.charAt(i)) + "; allowed are letters, digits, '%', '|', '_' and '-'");
            }
        }
        if (Topics.isSystem(topic)) {
            throw new InvalidMessageException("topic '" + topic + "' is a RocketMQ system topic and cannot be sent to");
        }
    }

    /** Body: present and not empty. The size limit is the producer's, checked at send time. */
    public static void checkBody(byte[] body) {
        if (body == null) {
            throw new InvalidMessageException("message body must not be null");
        }
        if (body.length == 0) {
            throw new InvalidMessageException("message body must not be empty");
        }
    }

    /** Body against the producer's configured maximum. */
    public static void checkBodySize(byte[] body, int maxBytes) {
        if (body.length > maxBytes) {
            throw new InvalidMessageException("message body is " + body.length + " bytes, the limit is "
                    + maxBytes + " bytes");
        }
    }

    static void checkTags(String tags) {
        if (tags != null) {
            if (tags.isBlank()) {
                throw new InvalidMessageException("tags must not be blank when set");
            }
            checkNoSeparators("tags", tags);
        }
    }

    static void checkKeys(List<String> keys) {
        for (String key : keys) {
            if (key == null || key.isBlank()) {
                throw new InvalidMessageException("message keys must not be null or blank");
            }
            if (key.contains(MessageProperty.KEY_SEPARATOR)) {
                throw new InvalidMessageException("message key '" + printable(key)
                        + "' contains a space, which separates keys on the wire");
            }
            checkNoSeparators("message key", key);
        }
    }

    static void checkProperties(Map<String, String> properties) {
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String name = property.getKey();
            if (name.isBlank()) {
                throw new InvalidMessageException("property names must not be blank");
            }
            if (MessageProperty.RESERVED.contains(name)) {
                throw new InvalidMessageException("property name '" + name + "' is reserved by RocketMQ");
            }
            if (property.getValue() == null) {
                throw new InvalidMessageException("property '" + printable(name) + "' has a null value");
            }
            checkNoSeparators("property name", name);
            if (separatorAt(property.getValue()) >= 0) { // the description only when it fails: this runs on every send
                checkNoSeparators("value of property '" + printable(name) + "'", property.getValue());
            }
        }
    }

    static void checkDelay(int delayLevel, long deliverAtMillis, long delayMillis) {
        int kinds = (delayLevel != 0 ? 1 : 0) + (deliverAtMillis != 0 ? 1 : 0) + (delayMillis != 0 ? 1 : 0);
        if (kinds > 1) {
            throw new InvalidMessageException("use one of delay level, deliver-at time and deliver-after delay, not several");
        }
        if (delayLevel < 0 || delayLevel > MAX_DELAY_LEVEL) {
            throw new InvalidMessageException("delay level must be between 1 and " + MAX_DELAY_LEVEL + ", was " + delayLevel);
        }
        if (deliverAtMillis < 0) {
            throw new InvalidMessageException("deliver-at time must be after 1970");
        }
        if (delayMillis < 0) {
            throw new InvalidMessageException("deliver-after delay must not be negative, was " + delayMillis + " ms");
        }
    }

    private static void checkNoSeparators(String what, String value) {
        int at = separatorAt(value);
        if (at >= 0) {
            throw new InvalidMessageException(what + " contains the control character " + describe(value.charAt(at))
                    + ", which the wire format uses as a separator");
        }
    }

    /** Index of the first wire separator in {@code value}, or -1. */
    private static int separatorAt(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == MessageProperty.NAME_VALUE_SEPARATOR || c == MessageProperty.PROPERTY_SEPARATOR) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isTopicChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '%' || c == '|' || c == '_' || c == '-';
    }

    private static String describe(char c) {
        return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 64));
        for (int i = 0; i < value.length() && i < 64; i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 ? '?' : c);
        }
        return value.length() > 64 ? out.append("...").toString() : out.toString();
    }
}
