package io.mqproducer.benchmark;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lines sender threads up around the measured phase so that the thread snapshots are taken by the main thread while
 * no sender runs: all senders finish warming up, the main thread snapshots, starts the clock and opens the gate; all
 * senders finish, the main thread stops the clock and snapshots, then lets them exit. Senders stay alive until the
 * second snapshot because a dead thread's counters cannot be read.
 */
final class MeasurementGate {
    /** Extra time a phase may take beyond its limit before the run is declared stuck (one send timeout and more). */
    private static final Duration SLACK = Duration.ofSeconds(60);

    private final CountDownLatch warmedUp;
    private final CountDownLatch go = new CountDownLatch(1);
    private final CountDownLatch finished;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile long deadlineNanos;

    /** The main thread's view of the measured phase. */
    record Window(ThreadUsage before, ThreadUsage after, long elapsedNanos, long brokerCpuNanos) {
    }

    MeasurementGate(int senders) {
        this.warmedUp = new CountDownLatch(senders);
        this.finished = new CountDownLatch(senders);
    }

    /** Sender side: reports its warm-up done and waits for the measured phase to start. */
    void awaitStart() throws InterruptedException {
        warmedUp.countDown();
        go.await();
    }

    /** Whether senders may still start a measured send. */
    boolean open() {
        return System.nanoTime() - deadlineNanos < 0;
    }

    /** Sender side: reports its measured sends done and waits until the closing snapshot is taken. */
    void finishAndHold() throws InterruptedException {
        finished.countDown();
        release.await();
    }

    /**
     * Main side: waits out the warm-up, measures the phase bounded by {@code measured}, and returns the snapshots.
     * Always releases the senders, also on failure.
     */
    Window measure(PhaseLimit warmUp, PhaseLimit measured) throws InterruptedException {
        try {
            await(warmedUp, warmUp.duration().plus(SLACK), "warm-up");
            ThreadUsage before = ThreadUsage.capture();
            long brokerBefore = BrokerCpu.nanos();
            long start = System.nanoTime();
            deadlineNanos = measured.deadlineFrom(start);
            go.countDown();
            await(finished, measured.duration().plus(SLACK), "measured phase");
            long elapsed = System.nanoTime() - start;
            long brokerAfter = BrokerCpu.nanos();
            ThreadUsage after = ThreadUsage.capture();
            long brokerCpu = brokerBefore < 0 || brokerAfter < 0 ? -1 : brokerAfter - brokerBefore;
            return new Window(before, after, elapsed, brokerCpu);
        } finally {
            if (go.getCount() > 0) {
                deadlineNanos = System.nanoTime(); // failed before the start: senders must not run a phase
                go.countDown();
            }
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch, Duration limit, String phase) throws InterruptedException {
        if (!latch.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(phase + " did not finish within " + limit.toSeconds() + " s");
        }
    }
}
