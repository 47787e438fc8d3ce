package io.mqproducer.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.mqproducer.error.InvalidMessageException;

/**
 * An immutable message: topic, body, optional tags, keys and user properties. Build one with
 * {@link #builder(String)}; {@link Builder#build()} checks every rule that does not depend on the producer
 * (topic name, empty body, reserved or malformed properties) and throws
 * {@link io.mqproducer.error.InvalidMessageException} on the first broken one.
 */
public final class Message {
    private final String topic;
    private final byte[] body;
    private final String tags;
    private final List<String> keys;
    private final Map<String, String> properties;
    private final int flag;
    private final boolean waitStoreMsgOk;
    private final int delayLevel;
    private final long deliverAtMillis;
    private final long delayMillis;
    private final int priority;

    private Message(Builder builder) {
        this.topic = builder.topic;
        this.body = builder.body;
        this.tags = builder.tags;
        // The builder's own list and map, not copies: the builder copies them before it changes them again.
        this.keys = builder.keys == null ? List.of() : java.util.Collections.unmodifiableList(builder.keys);
        this.properties = builder.properties == null ? Map.of()
                : java.util.Collections.unmodifiableMap(builder.properties);
        this.flag = builder.flag;
        this.waitStoreMsgOk = builder.waitStoreMsgOk;
        this.delayLevel = builder.delayLevel;
        this.deliverAtMillis = builder.deliverAtMillis;
        this.delayMillis = builder.delayMillis;
        this.priority = builder.priority;
    }

    /** Starts a message for {@code topic}. */
    public static Builder builder(String topic) {
        return new Builder(topic);
    }

    /** Shorthand for a message with only a topic and a body. */
    public static Message of(String topic, byte[] body) {
        return builder(topic).body(body).build();
    }

    /** The topic the message goes to. */
    public String topic() {
        return topic;
    }

    /** The body. The array is shared, not copied: do not change it after building the message. */
    public byte[] body() {
        return body;
    }

    /** The tag consumers filter on, or {@code null}. */
    public String tags() {
        return tags;
    }

    /** Business keys the broker indexes for look-up; may be empty. */
    public List<String> keys() {
        return keys;
    }

    /** User properties, in insertion order; read-only. */
    public Map<String, String> properties() {
        return properties;
    }

    /** The application-defined integer flag carried with the message. */
    public int flag() {
        return flag;
    }

    /** Whether a sync send waits until the broker has stored the message (as its flush policy requires). */
    public boolean waitStoreMsgOk() {
        return waitStoreMsgOk;
    }

    /** The classic delay level (1 = the broker's first level, 1 s by default), or 0 for none. */
    public int delayLevel() {
        return delayLevel;
    }

    /** Epoch milliseconds at which a RocketMQ 5 timer message becomes visible, or 0 for none. */
    public long deliverAtMillis() {
        return deliverAtMillis;
    }

    /** Delay in milliseconds after which a RocketMQ 5 timer message becomes visible, or 0 for none. */
    public long delayMillis() {
        return delayMillis;
    }

    /** The RocketMQ 5.4+ priority (0 or more, higher first), or -1 for none. */
    public int priority() {
        return priority;
    }

    /** Whether this is a priority message. */
    public boolean hasPriority() {
        return priority >= 0;
    }

    /** Whether delivery is deferred by a delay level or a timer. */
    public boolean isDelayed() {
        return delayLevel > 0 || deliverAtMillis > 0 || delayMillis > 0;
    }

    /** A builder holding this message's parts, to derive a changed copy. */
    public Builder toBuilder(String newTopic) {
        Builder builder = new Builder(newTopic).body(body).tags(tags).keys(keys).properties(properties).flag(flag)
                .waitStoreMsgOk(waitStoreMsgOk);
        builder.delayLevel = delayLevel;
        builder.deliverAtMillis = deliverAtMillis;
        builder.delayMillis = delayMillis;
        builder.priority = priority;
        return builder;
    }

    @Override
    public String toString() {
        // The body stays out: it may hold personal data.
        return "Message{topic=" + topic + ", tags=" + tags + ", keys=" + keys + ", properties="
                + properties.keySet() + ", bodyBytes=" + body.length + '}';
    }

    /** Collects a message's parts; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private final String topic;
        private byte[] body;
        private String tags;
        // Made on first use: most messages have neither, and a message per send should cost little.
        private List<String> keys;
        private Map<String, String> properties;
        /** Whether a built message holds {@link #keys} and {@link #properties}: the next change works on copies. */
        private boolean shared;
        private int flag;
        private boolean waitStoreMsgOk = true;
        private int delayLevel;
        private long deliverAtMillis;
        private long delayMillis;
        private int priority = -1;

        private Builder(String topic) {
            this.topic = topic;
        }

        /** Sets the body (required, not empty). */
        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        /** Sets the tag consumers can filter on. */
        public Builder tags(String tags) {
            this.tags = tags;
            return this;
        }

        /** Adds business keys; each must be non-blank and contain no space. */
        public Builder keys(String... keys) {
            notNull(keys, "keys");
            java.util.Collections.addAll(keyList(), keys);
            return this;
        }

        /** Adds business keys; each must be non-blank and contain no space. */
        public Builder keys(java.util.Collection<String> keys) {
            notNull(keys, "keys");
            keyList().addAll(keys);
            return this;
        }

        /** Adds a user property; names reserved by RocketMQ are rejected at {@link #build()}. */
        public Builder property(String name, String value) {
            if (name == null) {
                throw new InvalidMessageException("property name must not be null");
            }
            if (properties == null) {
                properties = new LinkedHashMap<>(8);
            } else if (shared) {
                unshare();
            }
            properties.put(name, value);
            return this;
        }

        /** Adds several user properties. */
        public Builder properties(Map<String, String> properties) {
            notNull(properties, "properties");
            properties.forEach(this::property);
            return this;
        }

        /** Sets the application-defined integer flag. */
        public Builder flag(int flag) {
            this.flag = flag;
            return this;
        }

        /** Whether a sync send waits for the store to finish (default {@code true}). */
        public Builder waitStoreMsgOk(boolean waitStoreMsgOk) {
            this.waitStoreMsgOk = waitStoreMsgOk;
            return this;
        }

        /**
         * Defers delivery by a classic delay level: 1..18 map to the broker's {@code messageDelayLevel}
         * list (1s 5s 10s 30s 1m 2m ... 2h by default).
         */
        public Builder delayLevel(int level) {
            this.delayLevel = level;
            return this;
        }

        /** Makes this a RocketMQ 5 timer message that becomes visible at {@code time}. */
        public Builder deliverAt(java.time.Instant time) {
            notNull(time, "deliver-at time");
            this.deliverAtMillis = time.toEpochMilli();
            return this;
        }

        /** Makes this a RocketMQ 5 timer message that becomes visible {@code delay} after the broker got it. */
        public Builder deliverAfter(java.time.Duration delay) {
            notNull(delay, "deliver-after delay");
            this.delayMillis = delay.toMillis();
            return this;
        }

        /**
         * Makes this a priority message (RocketMQ 5.4+): {@code priority} 0 or more, higher is consumed first. The
         * broker stores it in queue {@code min(priority, writeQueues - 1)}, whatever queue the producer picked, so it
         * cannot be combined with a delay or timer, a transaction, an orderly or selector send, or a batch. Through
         * a 5.x proxy the topic's {@code message.type} must be PRIORITY (or MIXED).
         */
        public Builder priority(int priority) {
            if (priority < 0) {
                throw new InvalidMessageException("priority must be 0 or more, was " + priority);
            }
            this.priority = priority;
            return this;
        }

        private static void notNull(Object value, String what) {
            if (value == null) {
                throw new InvalidMessageException(what + " must not be null");
            }
        }

        private List<String> keyList() {
            if (keys == null) {
                keys = new java.util.ArrayList<>(4);
            } else if (shared) {
                unshare();
            }
            return keys;
        }

        /** Copies what the last built message holds, before changing it. */
        private void unshare() {
            keys = keys == null ? null : new java.util.ArrayList<>(keys);
            properties = properties == null ? null : new LinkedHashMap<>(properties);
            shared = false;
        }

        /** Validates and builds the message. */
        public Message build() {
            MessageRules.checkTopic(topic);
            MessageRules.checkBody(body);
            MessageRules.checkTags(tags);
            MessageRules.checkKeys(keys == null ? List.of() : keys);
            MessageRules.checkProperties(properties == null ? Map.of() : properties);
            MessageRules.checkDelay(delayLevel, deliverAtMillis, delayMillis);
            if (priority >= 0 && (delayLevel != 0 || deliverAtMillis != 0 || delayMillis != 0)) {
                throw new InvalidMessageException("a priority message cannot be delayed: the broker stores a delayed "
                        + "message as delayed and drops its priority");
            }
            Message message = new Message(this);
            shared = true;
            return message;
        }
    }
}
