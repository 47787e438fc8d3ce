package io.mqproducer.benchmark;

/** One way of sending (sync with N threads, async with a window), run once per client with the same limits. */
public interface Scenario {

    /** The name shown in the results table. */
    String name();

    /**
     * Warms {@code client} up, measures it, and returns the measured phase.
     *
     * @param clientThreads the client's own threads, charged together with the scenario's sender threads
     */
    RunResult run(BenchmarkClient client, ThreadUsage.ThreadSelector clientThreads) throws InterruptedException;
}
