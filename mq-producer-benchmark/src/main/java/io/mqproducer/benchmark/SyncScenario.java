package io.mqproducer.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Blocking sends from {@code threads} threads at once; each send's latency is recorded. The threads share one budget
 * of messages per phase, so the count bound holds for the whole run, not per thread.
 */
final class SyncScenario implements Scenario {
    private final int threads;
    private final PhaseLimit warmUp;
    private final PhaseLimit measured;

    SyncScenario(int threads, PhaseLimit warmUp, PhaseLimit measured) {
        this.threads = threads;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    @Override
    public String name() {
        return "sync, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public RunResult run(BenchmarkClient client, ThreadUsage.ThreadSelector clientThreads)
            throws InterruptedException {
        LatencyRecorder latencies = new LatencyRecorder();
        FailureTally failures = new FailureTally();
        AtomicLong warmUpClaims = new AtomicLong();
        AtomicLong claims = new AtomicLong();
        MeasurementGate gate = new MeasurementGate(threads);
        long warmUpDeadline = warmUp.deadlineFrom(System.nanoTime());

        SenderThreads senders = SenderThreads.start(threads, () -> {
            while (warmUpClaims.getAndIncrement() < warmUp.messages() && System.nanoTime() - warmUpDeadline < 0) {
                sendOnce(client, null, new FailureTally());
            }
            gate.awaitStart();
            while (claims.getAndIncrement() < measured.messages() && gate.open()) {
                sendOnce(client, latencies, failures);
            }
            gate.finishAndHold();
        });
        MeasurementGate.Window window = gate.measure(warmUp, measured);
        senders.join();
        failures.report(name() + " / " + client.label());
        ThreadUsage.Usage usage = window.after().since(window.before(),
                (id, threadName) -> senders.contains(id) || clientThreads.test(id, threadName));
        return new RunResult(name(), client.label(), latencies.count(), failures.count(), window.elapsedNanos(),
                latencies, usage.cpuNanos(), usage.allocatedBytes(), usage.threads(), usage.lostThreads(),
                window.brokerCpuNanos());
    }

    private static void sendOnce(BenchmarkClient client, LatencyRecorder latencies, FailureTally failures) {
        long start = System.nanoTime();
        try {
            client.send();
            if (latencies != null) {
                latencies.record(System.nanoTime() - start);
            }
        } catch (Exception e) {
            failures.add(e);
        }
    }
}
