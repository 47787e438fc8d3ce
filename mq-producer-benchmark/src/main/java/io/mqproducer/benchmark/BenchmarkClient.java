package io.mqproducer.benchmark;

import java.util.function.Consumer;

/** One producer library under test, driven through the same calls whichever library it wraps. */
public interface BenchmarkClient extends AutoCloseable {

    /** The name shown in the results table. */
    String label();

    /** Sends one message of the configured topic and body and waits for the broker's answer; throws on failure. */
    void send() throws Exception;

    /**
     * Starts sending one message; {@code done} gets {@code null} on success or the failure, on whatever thread the
     * library completes it.
     */
    void sendAsync(Consumer<Throwable> done);

    /**
     * Whether a thread of this name belongs to this library (its network, timer, callback and housekeeping threads),
     * so that its CPU time and allocations are charged to this client.
     */
    boolean ownsThread(String threadName);

    /** Stops the client and its threads. */
    @Override
    void close();
}
