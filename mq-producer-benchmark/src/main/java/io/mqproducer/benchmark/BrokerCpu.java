package io.mqproducer.benchmark;

import java.time.Duration;

/**
 * CPU time of the broker JVM the benchmark started, read from the operating system. The broker shares the machine's
 * cores with the clients, so what a client's requests cost the broker matters for throughput as much as the client's
 * own CPU. Unknown (−1) when the broker is an existing one given by {@code --name-server}.
 */
final class BrokerCpu {
    private static volatile ProcessHandle broker;

    private BrokerCpu() {
    }

    static void track(ProcessHandle process) {
        broker = process;
    }

    /** The broker's total CPU time so far in nanoseconds, or −1 when unknown. */
    static long nanos() {
        ProcessHandle process = broker;
        if (process == null) {
            return -1;
        }
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
