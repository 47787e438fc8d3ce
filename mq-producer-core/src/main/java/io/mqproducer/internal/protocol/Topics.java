package io.mqproducer.internal.protocol;

/** Topic names with a special meaning to RocketMQ (the rules for users' topics are in {@code MessageRules}). */
public final class Topics {
    /** The broker's template topic: sending with it as default topic lets an auto-create broker make the topic. */
    public static final String AUTO_CREATE_TEMPLATE = "TBW102";
    /** Queues a topic gets when the broker creates it from the template. */
    public static final int DEFAULT_TOPIC_QUEUE_NUMS = 4;
    /** Consumer groups' retry topics start with this; brokers refuse batches to them. */
    public static final String RETRY_PREFIX = "%RETRY%";

    private Topics() {
    }
}
