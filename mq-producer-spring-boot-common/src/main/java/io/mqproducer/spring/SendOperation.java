package io.mqproducer.spring;

import java.util.Locale;

/** What kind of send a {@link SendObservation} observes. */
public enum SendOperation {
    /** One message (sync, async, oneway, orderly or delayed). */
    SEND,
    /** Several messages of one topic sent as a batch. */
    BATCH,
    /** A transactional message: half message, local transaction, commit or rollback. */
    TRANSACTION;

    /** The lower-case name used in observation key values: {@code send}, {@code batch} or {@code transaction}. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
