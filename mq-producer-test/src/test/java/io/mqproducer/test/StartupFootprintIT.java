package io.mqproducer.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Measures what an embedded RocketMQ costs; the numbers go into this module's README. */
class StartupFootprintIT {

    private static final long MIB = 1024 * 1024;

    @Test
    void startsQuicklyAndUsesLittleHeap() {
        long heapBefore = heapUsedAfterGc();
        long nonHeapBefore = nonHeapUsed();
        int threadsBefore = threadCount();

        long start = System.nanoTime();
        EmbeddedRocketMQ first = EmbeddedRocketMQ.start();
        long firstStartMillis = millisSince(start);
        long heapAfterFirst = heapUsedAfterGc();
        long nonHeapAfterFirst = nonHeapUsed();
        int threadsAfterFirst = threadCount();

        start = System.nanoTime();
        EmbeddedRocketMQ second = EmbeddedRocketMQ.start();
        long secondStartMillis = millisSince(start);
        long heapAfterSecond = heapUsedAfterGc();

        start = System.nanoTime();
        first.close();
        second.close();
        long closeMillis = millisSince(start);

        System.out.printf("EmbeddedRocketMQ started in %d ms (first in this JVM, includes class loading), heap used"
                        + " %d MiB (+%d MiB), non-heap +%d MiB, threads %d (+%d)%n", firstStartMillis,
                heapAfterFirst / MIB, (heapAfterFirst - heapBefore) / MIB, (nonHeapAfterFirst - nonHeapBefore) / MIB,
                threadsAfterFirst, threadsAfterFirst - threadsBefore);
        System.out.printf("EmbeddedRocketMQ started in %d ms (second instance), heap used %d MiB (+%d MiB)%n",
                secondStartMillis, heapAfterSecond / MIB, (heapAfterSecond - heapAfterFirst) / MIB);
        System.out.printf("EmbeddedRocketMQ closed two instances in %d ms (threads finish in the background)%n",
                closeMillis);

        assertThat(secondStartMillis).isLessThan(15_000);
        assertThat((heapAfterSecond - heapAfterFirst) / MIB).isLessThan(128);
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Metaspace and code cache: mostly RocketMQ's classes. */
    private static long nonHeapUsed() {
        return ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
    }

    private static int threadCount() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
