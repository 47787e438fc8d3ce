package io.mqproducer.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time and allocated heap bytes of every live Java thread at one instant, read from
 * {@link com.sun.management.ThreadMXBean}. Two snapshots give what a set of threads used in between.
 *
 * <p>Blind spots: a thread that dies between the snapshots takes its counters with it (counted as lost), and JIT
 * compiler and GC threads are not Java threads, so their work is not charged to anyone.
 */
final class ThreadUsage {
    private static final com.sun.management.ThreadMXBean THREADS = enabledThreadBean();

    /** One thread's counters. */
    record Sample(String name, long cpuNanos, long allocatedBytes) {
    }

    /** What the selected threads used between two snapshots. */
    record Usage(long cpuNanos, long allocatedBytes, int threads, int lostThreads) {
    }

    private final Map<Long, Sample> samples;

    private ThreadUsage(Map<Long, Sample> samples) {
        this.samples = samples;
    }

    /** Reads every live thread's counters now. */
    static ThreadUsage capture() {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long[] allocated = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Sample> samples = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            // A null info or -1 counter means the thread ended while being read.
            if (infos[i] != null && cpu[i] >= 0 && allocated[i] >= 0) {
                samples.put(ids[i], new Sample(infos[i].getThreadName(), cpu[i], allocated[i]));
            }
        }
        return new ThreadUsage(samples);
    }

    /**
     * Sums what the threads picked by {@code selected} (given id and name) used since {@code before}; threads born
     * since then count from zero.
     */
    Usage since(ThreadUsage before, ThreadSelector selected) {
        long cpu = 0;
        long allocated = 0;
        int threads = 0;
        for (Map.Entry<Long, Sample> entry : samples.entrySet()) {
            Sample now = entry.getValue();
            if (!selected.test(entry.getKey(), now.name())) {
                continue;
            }
            Sample then = before.samples.get(entry.getKey());
            cpu += now.cpuNanos() - (then == null ? 0 : then.cpuNanos());
            allocated += now.allocatedBytes() - (then == null ? 0 : then.allocatedBytes());
            threads++;
        }
        int lost = 0;
        for (Map.Entry<Long, Sample> entry : before.samples.entrySet()) {
            if (!samples.containsKey(entry.getKey()) && selected.test(entry.getKey(), entry.getValue().name())) {
                lost++;
            }
        }
        return new Usage(cpu, allocated, threads, lost);
    }

    /** Whether the thread with this id was alive at this snapshot. */
    boolean contains(long threadId) {
        return samples.containsKey(threadId);
    }

    /** Names of live threads that did not exist in {@code baseline} and that {@code claimed} does not pick. */
    List<String> newThreadsSince(ThreadUsage baseline, ThreadSelector claimed) {
        return samples.entrySet().stream()
                .filter(e -> !baseline.samples.containsKey(e.getKey()))
                .filter(e -> !claimed.test(e.getKey(), e.getValue().name()))
                .map(e -> e.getValue().name())
                .sorted()
                .toList();
    }

    /** Names of all live threads matching {@code filter}, sorted. */
    List<String> names(Predicate<String> filter) {
        return samples.values().stream().map(Sample::name).filter(filter).sorted().toList();
    }

    /** Picks threads by id and name. */
    @FunctionalInterface
    interface ThreadSelector {
        boolean test(long id, String name);
    }

    private static com.sun.management.ThreadMXBean enabledThreadBean() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
                || !bean.isThreadCpuTimeSupported() || !bean.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot report per-thread CPU time and allocations");
        }
        bean.setThreadCpuTimeEnabled(true);
        bean.setThreadAllocatedMemoryEnabled(true);
        return bean;
    }
}
