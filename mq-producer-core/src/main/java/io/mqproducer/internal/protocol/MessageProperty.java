package io.mqproducer.internal.protocol;

import java.util.Set;

/** Property names with a meaning to brokers and consumers, and the separators of the encoded property string. */
public final class MessageProperty {
    public static final String KEYS = "KEYS";
    public static final String TAGS = "TAGS";
    public static final String WAIT_STORE_MSG_OK = "WAIT";
    public static final String DELAY_LEVEL = "DELAY";
    public static final String UNIQ_KEY = "UNIQ_KEY";
    public static final String TRANSACTION_PREPARED = "TRAN_MSG";
    public static final String PRODUCER_GROUP = "PGROUP";
    public static final String TIMER_DELIVER_MS = "TIMER_DELIVER_MS";
    public static final String TIMER_DELAY_MS = "TIMER_DELAY_MS";
    public static final String TIMER_DELAY_SEC = "TIMER_DELAY_SEC";
    /** RocketMQ 5.4+: the message's priority; the broker picks the queue from it. */
    public static final String PRIORITY = "_SYS_MSG_PRIORITY_";
    public static final String MSG_REGION = "MSG_REGION";
    public static final String TRACE_ON = "TRACE_ON";
    /** Request-reply: matches a reply to its request. */
    public static final String CORRELATION_ID = "CORRELATION_ID";
    /** Request-reply: the client id of the requester, which the broker pushes the reply to. */
    public static final String REPLY_TO_CLIENT = "REPLY_TO_CLIENT";
    /** Request-reply: how long the requester waits, in milliseconds. */
    public static final String REPLY_TTL = "TTL";
    /** The broker's cluster, stamped on stored messages; replies go to {@code <cluster>_REPLY_TOPIC}. */
    public static final String CLUSTER = "CLUSTER";

    /** Separates a key from its value. */
    public static final char NAME_VALUE_SEPARATOR = 1;
    /** Ends one key/value pair. */
    public static final char PROPERTY_SEPARATOR = 2;
    /** Separates several keys in the KEYS property. */
    public static final String KEY_SEPARATOR = " ";

    /** Names the broker or client sets itself; a user property may not use them (RocketMQ 5.5 list). */
    public static final Set<String> RESERVED = Set.of(
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

    private MessageProperty() {
    }
}
