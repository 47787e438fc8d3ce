package io.mqproducer;

/** The outcome of a local transaction, which decides the fate of its half message. */
public enum TransactionState {
    /** Make the message visible to consumers. */
    COMMIT,
    /** Discard the message. */
    ROLLBACK,
    /** Not decided yet: the broker will ask the producer group's checker later. */
    UNKNOWN
}
