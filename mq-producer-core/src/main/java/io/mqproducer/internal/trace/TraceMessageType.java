package io.mqproducer.internal.trace;

/**
 * The kind of a traced message; trace records carry its ordinal, which must stay the order of RocketMQ's own
 * {@code MessageType} (normal, transaction half, transaction commit, delay, order).
 */
public enum TraceMessageType {
    NORMAL,
    TRANSACTION_HALF,
    TRANSACTION_COMMIT,
    DELAY,
    ORDER
}
