package io.mqproducer.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine and JVM a run happened on, for the report header. */
record MachineInfo(int cores, String cpu, String jvm, String os, long memoryBytes, double loadAverage) {

    /** Describes this machine now. */
    static MachineInfo current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                memory, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One Markdown line. */
    String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB RAM, %s, %s, load average %.2f at start", cores,
                cpu, memoryBytes / (1024.0 * 1024 * 1024), jvm, os, loadAverage);
    }

    /** The CPU model from Linux's /proc/cpuinfo, or "unknown CPU" elsewhere. */
    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
