package io.mqproducer.benchmark;

/**
 * The measured phase of one client in one scenario.
 *
 * @param scenario       scenario name
 * @param client         client label
 * @param messages       sends that succeeded in the measured phase
 * @param errors         sends that failed in the measured phase
 * @param elapsedNanos   wall time of the measured phase, until the last send completed
 * @param latencies      per-send latency, from the call to the broker's answer
 * @param cpuNanos       CPU time of the sender threads and the client's own threads
 * @param allocatedBytes heap bytes allocated by those threads
 * @param threads        threads charged
 * @param lostThreads    charged threads that died during the phase (their share is missing)
 * @param brokerCpuNanos CPU time of the whole broker JVM during the phase, −1 when unknown
 */
public record RunResult(String scenario, String client, long messages, long errors, long elapsedNanos,
                        LatencyRecorder latencies, long cpuNanos, long allocatedBytes, int threads, int lostThreads,
                        long brokerCpuNanos) {

    /** Successful sends per second. */
    public double messagesPerSecond() {
        return elapsedNanos == 0 ? Double.NaN : messages * 1e9 / elapsedNanos;
    }

    /** Latency percentile in milliseconds, NaN without samples. */
    public double latencyMillis(double quantile) {
        return latencies.count() == 0 ? Double.NaN : latencies.percentile(quantile) / 1e6;
    }

    /** Charged CPU microseconds per successful send. */
    public double cpuMicrosPerMessage() {
        return messages == 0 ? Double.NaN : cpuNanos / 1e3 / messages;
    }

    /** Broker CPU microseconds per successful send (the broker's own work, including its garbage collection). */
    public double brokerCpuMicrosPerMessage() {
        return messages == 0 || brokerCpuNanos < 0 ? Double.NaN : brokerCpuNanos / 1e3 / messages;
    }

    /** Charged heap bytes allocated per successful send. */
    public double allocatedBytesPerMessage() {
        return messages == 0 ? Double.NaN : (double) allocatedBytes / messages;
    }
}
