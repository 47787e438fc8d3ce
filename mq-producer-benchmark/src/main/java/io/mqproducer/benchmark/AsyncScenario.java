package io.mqproducer.benchmark;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Non-blocking sends from one thread with at most {@code window} outstanding, bounded by a semaphore the benchmark
 * holds for both clients (each client's own back-pressure stays at or above the window and never engages). Latency is
 * from the call to the completion callback, so it includes waiting in the client behind the other outstanding sends.
 */
final class AsyncScenario implements Scenario {
    private final int window;
    private final PhaseLimit warmUp;
    private final PhaseLimit measured;
    private final Duration drainLimit;

    AsyncScenario(int window, PhaseLimit warmUp, PhaseLimit measured, Duration sendTimeout) {
        this.window = window;
        this.warmUp = warmUp;
        this.measured = measured;
        // Every outstanding send ends within its timeout; a little more covers callback scheduling.
        this.drainLimit = sendTimeout.plusSeconds(10);
    }

    @Override
    public String name() {
        return "async, window " + window;
    }

    @Override
    public RunResult run(BenchmarkClient client, ThreadUsage.ThreadSelector clientThreads)
            throws InterruptedException {
        LatencyRecorder latencies = new LatencyRecorder();
        FailureTally failures = new FailureTally();
        Semaphore permits = new Semaphore(window);
        MeasurementGate gate = new MeasurementGate(1);
        long warmUpDeadline = warmUp.deadlineFrom(System.nanoTime());

        SenderThreads sender = SenderThreads.start(1, () -> {
            for (int i = 0; i < warmUp.messages() && System.nanoTime() - warmUpDeadline < 0; i++) {
                permits.acquire();
                client.sendAsync(error -> permits.release());
            }
            drain(permits, new FailureTally());
            gate.awaitStart();
            for (int i = 0; i < measured.messages() && gate.open(); i++) {
                permits.acquire();
                long start = System.nanoTime();
                client.sendAsync(error -> {
                    if (error == null) {
                        latencies.record(System.nanoTime() - start);
                    } else {
                        failures.add(error);
                    }
                    permits.release(); // after recording, so a drained window has every result in
                });
            }
            drain(permits, failures);
            gate.finishAndHold();
        });
        MeasurementGate.Window measuredWindow = gate.measure(warmUp, measured);
        sender.join();
        failures.report(name() + " / " + client.label());
        ThreadUsage.Usage usage = measuredWindow.after().since(measuredWindow.before(),
                (id, threadName) -> sender.contains(id) || clientThreads.test(id, threadName));
        return new RunResult(name(), client.label(), latencies.count(), failures.count(),
                measuredWindow.elapsedNanos(), latencies, usage.cpuNanos(), usage.allocatedBytes(), usage.threads(),
                usage.lostThreads(), measuredWindow.brokerCpuNanos());
    }

    /** Waits until no send is outstanding; sends that never complete count as failures. */
    private void drain(Semaphore permits, FailureTally failures) throws InterruptedException {
        if (permits.tryAcquire(window, drainLimit.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.release(window);
        } else {
            failures.addUnknown(window - permits.availablePermits(), "sends still outstanding after " + drainLimit);
        }
    }
}
