package io.mqproducer.benchmark;

import io.mqproducer.ProducerResources;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each additional producer in one JVM costs: live threads and retained heap (after full collections) with one
 * producer and with {@code n}, each started and past its first send (route and connection made). Our producer with
 * its own threads, ours on one shared {@link ProducerResources}, and the official client (each with its own instance
 * name, so its own client instance, as separate producers of one application with different settings get).
 */
final class ProducerFootprint {
    private ProducerFootprint() {
    }

    static String measure(ClientSettings settings, int n) throws InterruptedException {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| client | threads, 1 producer | threads, %d producers | threads per additional producer "
                        + "| heap KiB per additional producer |%n|---|---:|---:|---:|---:|%n", n));
        row(table, "mq-producer, own threads", n, () -> new OurClient(settings));
        try (ProducerResources shared = ProducerResources.create()) {
            ClientSettings onShared = new ClientSettings(settings.nameServer(), settings.topic(), settings.body(),
                    settings.sendTimeout(), settings.retries(), settings.asyncWindow(), settings.binaryHeaders(),
                    settings.batchLingerMicros(), settings.adaptiveBatching(), settings.compression(),
                    settings.shape(), shared);
            row(table, "mq-producer, shared ProducerResources", n, () -> new OurClient(onShared));
        }
        row(table, "rocketmq-client", n, () -> new OfficialClient(settings));
        return table.toString();
    }

    private interface Factory {
        BenchmarkClient start();
    }

    private static void row(StringBuilder table, String label, int n, Factory factory) throws InterruptedException {
        System.err.println("footprint / " + label);
        long[] baseline = snapshot();
        long[] one = null;
        List<BenchmarkClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                BenchmarkClient client = factory.start();
                clients.add(client);
                client.send();
                if (i == 0) {
                    one = snapshot();
                }
            }
            long[] all = snapshot();
            double threadsEach = (all[0] - one[0]) / (double) (n - 1);
            double heapEach = (all[1] - one[1]) / 1024.0 / (n - 1);
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %,.0f |%n", label, one[0] - baseline[0],
                    all[0] - baseline[0], threadsEach, heapEach));
        } catch (Exception e) {
            throw new IllegalStateException(label + " failed", e);
        } finally {
            clients.forEach(BenchmarkClient::close);
            Thread.sleep(2000); // let the threads wind down before the next client's baseline
        }
    }

    /** Live threads and used heap after full collections. */
    static long[] snapshot() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return new long[] {ManagementFactory.getThreadMXBean().getThreadCount(), memory.getHeapMemoryUsage().getUsed()};
    }
}
