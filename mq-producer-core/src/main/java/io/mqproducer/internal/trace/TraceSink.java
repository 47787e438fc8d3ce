package io.mqproducer.internal.trace;

import java.util.concurrent.CompletableFuture;

/** Where trace messages go: the producer's own send path, to the trace topic. */
@FunctionalInterface
public interface TraceSink {

    /** Sends one trace message; the future completes when the broker answered (or the send failed). */
    CompletableFuture<?> send(TraceMessage message);
}
