package io.mqproducer.spi;

import io.mqproducer.HalfMessage;
import io.mqproducer.TransactionState;

/**
 * Answers the broker's question about a half message whose local transaction outcome it has not heard
 * (the producer crashed, or the local transaction returned UNKNOWN). Runs on a producer callback thread.
 */
@FunctionalInterface
public interface TransactionChecker {

    /** The local transaction's outcome for {@code message}; UNKNOWN makes the broker ask again later. */
    TransactionState check(HalfMessage message);
}
