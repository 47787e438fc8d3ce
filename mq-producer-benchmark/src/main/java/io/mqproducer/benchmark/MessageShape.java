package io.mqproducer.benchmark;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What goes with each body, and to which topic: the same for both clients, from values made up front so that
 * making them costs neither client anything. {@code bare}: nothing. {@code traced}: a tag, two keys (an order
 * and a user id, different per message) and three user properties (a W3C {@code traceparent} different per
 * message, a tenant and a source service), as a message of a traced application carries.
 */
final class MessageShape {
    /** Distinct key and trace values cycled through; enough that no layer can cache one. */
    private static final int POOL = 4096;

    private final boolean traced;
    private final String[] topics;
    private final String[] orderKeys = new String[POOL];
    private final String[] userKeys = new String[POOL];
    private final String[] joinedKeys = new String[POOL];
    private final String[] traceParents = new String[POOL];
    private final AtomicLong sequence = new AtomicLong();

    MessageShape(boolean traced, String topic, int topicCount) {
        this.traced = traced;
        this.topics = new String[topicCount];
        for (int i = 0; i < topicCount; i++) {
            topics[i] = topicName(topic, topicCount, i);
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < POOL; i++) {
            orderKeys[i] = "order-" + (100_000_000 + random.nextInt(900_000_000));
            userKeys[i] = "user-" + random.nextInt(1_000_000);
            joinedKeys[i] = orderKeys[i] + " " + userKeys[i]; // the official client's key format
            traceParents[i] = String.format(Locale.ROOT, "00-%016x%016x-%016x-01", random.nextLong(),
                    random.nextLong(), random.nextLong());
        }
    }

    /** The name of topic {@code index} of {@code count}: the topic itself when there is one. */
    static String topicName(String topic, int count, int index) {
        return count == 1 ? topic : topic + "-" + index;
    }

    /** The next message's number; picks its topic and values. */
    long next() {
        return sequence.getAndIncrement();
    }

    String topic(long n) {
        return topics[(int) (n % topics.length)];
    }

    boolean traced() {
        return traced;
    }

    String tag() {
        return "TagA";
    }

    String orderKey(long n) {
        return orderKeys[(int) (n % POOL)];
    }

    String userKey(long n) {
        return userKeys[(int) (n % POOL)];
    }

    /** Both keys separated by a space, as the official client stores them. */
    String joinedKeys(long n) {
        return joinedKeys[(int) (n % POOL)];
    }

    String traceParent(long n) {
        return traceParents[(int) ((n * 31) % POOL)];
    }

    static final String TENANT = "acme-eu";
    static final String SOURCE = "checkout-service";
}
