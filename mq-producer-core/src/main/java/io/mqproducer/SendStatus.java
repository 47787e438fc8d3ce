package io.mqproducer;

/** How far the broker got with a message it accepted. Anything but {@link #SEND_OK} is still stored. */
public enum SendStatus {
    /** Stored, and flushed or replicated as the broker's configuration requires. */
    SEND_OK,
    /** Stored, but the synchronous disk flush did not finish in time. */
    FLUSH_DISK_TIMEOUT,
    /** Stored on the master, but the synchronous replication to a slave did not finish in time. */
    FLUSH_SLAVE_TIMEOUT,
    /** Stored on the master; no slave was available for synchronous replication. */
    SLAVE_NOT_AVAILABLE
}
