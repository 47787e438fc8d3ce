package io.mqproducer.internal.protocol;

import io.mqproducer.message.MessageRules;

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
    public static final char NAME_VALUE_SEPARATOR = MessageRules.NAME_VALUE_SEPARATOR;
    /** Ends one key/value pair. */
    public static final char PROPERTY_SEPARATOR = MessageRules.PROPERTY_SEPARATOR;
    /** Separates several keys in the KEYS property. */
    public static final String KEY_SEPARATOR = MessageRules.KEY_SEPARATOR;

    private MessageProperty() {
    }
}
