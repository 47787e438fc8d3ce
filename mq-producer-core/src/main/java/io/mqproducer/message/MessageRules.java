package io.mqproducer.message;

import io.mqproducer.error.InvalidMessageException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules a message must follow before it may go on the wire. */
public final class MessageRules {

    /** Levels of the broker's default {@code messageDelayLevel} list. */
    public static final int MAX_DELAY_LEVEL = 18;
    /** The longest topic name brokers accept. */
    public static final int MAX_TOPIC_LENGTH = 127;
    /** Separates a property's name from its value on the wire; no tag, key or property may contain it. */
    public static final char NAME_VALUE_SEPARATOR = 1;
    /** Ends one property on the wire; no tag, key or property may contain it. */
    public static final char PROPERTY_SEPARATOR = 2;
    /** Separates several keys in the wire's KEYS property; a single key may not contain it. */
    public static final String KEY_SEPARATOR = " ";
    /** Topics whose names start with this are the broker's own. */
    public static final String SYSTEM_TOPIC_PREFIX = "rmq_sys_";

    /** Broker-internal topics (RocketMQ 5.5 list); producers may not send to them. */
    private static final Set<String> SYSTEM_TOPICS = Set.of(
            "SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRANS_HALF_TOPIC", "RMQ_SYS_TRACE_TOPIC", "CHECKPOINT_TOPIC",
            "RMQ_SYS_TRANS_OP_HALF_TOPIC", "BenchmarkTest", "TRANS_CHECK_MAX_TIME_TOPIC", "OFFSET_MOVED_EVENT",
            "RMQ_SYS_ROCKSDB_TRANS_OP_HALF_TOPIC", "TBW102", "RMQ_SYS_ROCKSDB_TRANS_HALF_TOPIC",
            "SELF_TEST_TOPIC");

    /** Property names the broker or client sets itself; a user property may not use them (RocketMQ 5.5 list). */
    public static final Set<String> RESERVED_PROPERTY_NAMES = Set.of(
            "ORIGIN_GROUP", "ARRIVE_TIME", "TIMER_DELAY_SEC", "DLQ_ORIGIN_TOPIC", "CONSUME_START_TIME",
            "INSTANCE_ID", "TIMER_OUT_MS", "TIMER_DELAY_LEVEL", "PUSH_REPLY_TIME", "TIMER_DEL_UNIQKEY",
            "ORIGIN_MESSAGE_ID", "RETRY_TOPIC", "BUYER_ID", "MSG_REGION", "TIMER_DELIVER_MS", "UNIQ_KEY",
            "1ST_POP_TIME", "CLUSTER", "PGROUP", "CORRELATION_ID", "RECONSUME_TIME", "POP_CK_OFFSET",
            "__CRC32#", "TIMER_ENQUEUE_MS", "DUP_INFO", "INNER_MULTI_QUEUE_OFFSET", "MIN_OFFSET",
            "TRANSFER_FLAG", "TIMER_DELAY_MS", "MSG_TYPE", "POP_CK", "MQ2_FLAG", "DELAY", "TAGS",
            "EXTEND_UNIQ_INFO", "DLQ_ORIGIN_MESSAGE_ID", "TRAN_MSG", "__BORNHOST", "TTL", "TIMER_ROLL_TIMES",
            "REPLY_TO_CLIENT", "BORN_TIMESTAMP", "KEYS", "WAIT", "_SYS_MSG_PRIORITY_",
            "TRAN_PREPARED_QUEUE_OFFSET", "TRACE_ON", "TIMER_DEQUEUE_MS", "CORRECTION_FLAG",
            "MAX_RECONSUME_TIMES", "REAL_TOPIC", "__LITE_TOPIC", "MAX_OFFSET", "REAL_QID");

    private MessageRules() {
    }

    /** Topic: not blank, at most 127 characters of {@code [%|a-zA-Z0-9_-]}, not a broker-internal topic. */
    public static void checkTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new InvalidMessageException("topic must not be null or blank");
        }
        if (topic.length() > MAX_TOPIC_LENGTH) {
            throw new InvalidMessageException("topic is " + topic.length() + " characters long, the limit is "
                    + MAX_TOPIC_LENGTH);
        }
        for (int i = 0; i < topic.length(); i++) {
            if (!isTopicChar(topic.charAt(i))) {
                throw new InvalidMessageException("topic '" + printable(topic) + "' contains the illegal character "
                        + describe(topic.charAt(i)) + "; allowed are letters, digits, '%', '|', '_' and '-'");
            }
        }
        if (isSystemTopic(topic)) {
            throw new InvalidMessageException("topic '" + topic + "' is a RocketMQ system topic and cannot be sent to");
        }
    }

    /** Whether {@code topic} is one of the broker's own, which producers may not send to. */
    public static boolean isSystemTopic(String topic) {
        return SYSTEM_TOPICS.contains(topic) || topic.startsWith(SYSTEM_TOPIC_PREFIX);
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
            if (key.contains(KEY_SEPARATOR)) {
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
            if (RESERVED_PROPERTY_NAMES.contains(name)) {
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
            if (c == NAME_VALUE_SEPARATOR || c == PROPERTY_SEPARATOR) {
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
