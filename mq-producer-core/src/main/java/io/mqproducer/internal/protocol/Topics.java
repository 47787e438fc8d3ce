package io.mqproducer.internal.protocol;

import java.util.Set;

/** Topic names with a special meaning to RocketMQ. */
public final class Topics {
    /** The broker's template topic: sending with it as default topic lets an auto-create broker make the topic. */
    public static final String AUTO_CREATE_TEMPLATE = "TBW102";
    /** Queues a topic gets when the broker creates it from the template. */
    public static final int DEFAULT_TOPIC_QUEUE_NUMS = 4;
    public static final int MAX_LENGTH = 127;
    public static final String SYSTEM_PREFIX = "rmq_sys_";
    /** Consumer groups' retry topics start with this; brokers refuse batches to them. */
    public static final String RETRY_PREFIX = "%RETRY%";

    /** Broker-internal topics (RocketMQ 5.5 list); producers may not send to them. */
    public static final Set<String> SYSTEM = Set.of(
            "SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRANS_HALF_TOPIC", "RMQ_SYS_TRACE_TOPIC", "CHECKPOINT_TOPIC",
            "RMQ_SYS_TRANS_OP_HALF_TOPIC", "BenchmarkTest", "TRANS_CHECK_MAX_TIME_TOPIC", "OFFSET_MOVED_EVENT",
            "RMQ_SYS_ROCKSDB_TRANS_OP_HALF_TOPIC", AUTO_CREATE_TEMPLATE, "RMQ_SYS_ROCKSDB_TRANS_HALF_TOPIC",
            "SELF_TEST_TOPIC");

    private Topics() {
    }

    public static boolean isSystem(String topic) {
        return SYSTEM.contains(topic) || topic.startsWith(SYSTEM_PREFIX);
    }
}
