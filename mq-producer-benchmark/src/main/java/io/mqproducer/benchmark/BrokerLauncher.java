package io.mqproducer.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link BrokerProcess} in a child JVM with this JVM's classpath and {@code --add-opens} flags and a small heap,
 * and stops it on {@link #close()} (or when this JVM exits). The child's output goes to a log file.
 */
final class BrokerLauncher implements AutoCloseable {
    /** The broker JVM: small fixed heap, serial GC so that it keeps to few threads on a small machine. */
    static final List<String> BROKER_JVM_ARGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseSerialGC");
    private static final long START_TIMEOUT_SECONDS = 120;

    private final Process process;
    private final String nameServerAddress;
    private final Thread shutdownHook;

    private BrokerLauncher(Process process, String nameServerAddress) {
        this.process = process;
        this.nameServerAddress = nameServerAddress;
        this.shutdownHook = new Thread(process::destroyForcibly, "benchmark-broker-reaper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the broker JVM and waits until it prints the name server address. */
    static BrokerLauncher launch(String topic, int queues, int topicCount, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BROKER_JVM_ARGS);
        command.addAll(moduleFlagsOfThisJvm());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
                topic, Integer.toString(queues), Integer.toString(topicCount)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String address = awaitAddress(process, log);
        BrokerCpu.track(process.toHandle());
        return new BrokerLauncher(process, address);
    }

    String nameServerAddress() {
        return nameServerAddress;
    }

    /** Asks the broker to stop, and kills it if it has not exited after a few seconds. */
    @Override
    public void close() {
        try (PrintWriter stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8)) {
            stdin.println("stop");
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway and finds the process gone
        }
    }

    /** The broker needs the same module openings this JVM was given (RocketMQ unmaps files through JDK internals). */
    private static List<String> moduleFlagsOfThisJvm() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("--add-exports")
                        || arg.startsWith("--sun-misc-unsafe-memory-access"))
                .toList();
    }

    /** Reads the child's output until the address line, copying everything to the log; fails if it exits first. */
    private static String awaitAddress(Process process, Path log) throws IOException, InterruptedException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        OutputStream logFile = Files.newOutputStream(log);
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly(); // ends the read below with EOF
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "benchmark-broker-start-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        String line;
        while ((line = output.readLine()) != null) {
            logFile.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            if (line.startsWith(BrokerProcess.READY_PREFIX)) {
                watchdog.interrupt();
                copyInBackground(output, logFile);
                return line.substring(BrokerProcess.READY_PREFIX.length()).trim();
            }
        }
        logFile.close();
        process.waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException("the broker JVM exited before it was ready; see " + log.toAbsolutePath());
    }

    /** Keeps draining the child's output so that it never blocks on a full pipe. */
    private static void copyInBackground(BufferedReader output, OutputStream logFile) {
        Thread drain = new Thread(() -> {
            try (logFile; output) {
                String line;
                while ((line = output.readLine()) != null) {
                    logFile.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, "benchmark-broker-output");
        drain.setDaemon(true);
        drain.start();
    }
}
