package io.mqproducer.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

/**
 * Command line entry: runs this project's producer and Apache RocketMQ's {@code DefaultMQProducer} against the same
 * broker with the same settings, prints a Markdown results table and writes it to the output file. See README.md.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        if (BenchmarkOptions.wantsHelp(args)) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        // Before the broker starts, so that the load average shows what else the machine was doing.
        MachineInfo machine = MachineInfo.current();
        ZonedDateTime started = ZonedDateTime.now();
        String report = run(options, machine, started);
        System.out.println(report);
        Path output = options.output().toAbsolutePath();
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        System.err.println("written to " + output);
        // The official client can leave non-daemon threads winding down; the results are out, so leave now.
        System.exit(0);
    }

    private static String run(BenchmarkOptions options, MachineInfo machine, ZonedDateTime started)
            throws IOException, InterruptedException {
        if (options.footprint() > 0) {
            return footprint(options);
        }
        if (options.nameServer() != null) {
            List<ClientRuns> results = runAgainst(options.nameServer(), options);
            return Report.markdown(options, machine, "existing name server " + options.nameServer(), started, results);
        }
        Path log = options.output().toAbsolutePath().resolveSibling("broker-process.log");
        System.err.println("starting the broker JVM (log: " + log + ")");
        try (BrokerLauncher broker = BrokerLauncher.launch(options.topic(), options.queues(),
                options.topicCount(), log)) {
            List<ClientRuns> results = runAgainst(broker.nameServerAddress(), options);
            return Report.markdown(options, machine, "embedded RocketMQ 5.5.0 name server + broker (async flush, full-size store files) in a "
                    + "child JVM (" + String.join(" ", BrokerLauncher.BROKER_JVM_ARGS) + "), topic with "
                    + options.queues() + " queues", started, results);
        }
    }

    private static String footprint(BenchmarkOptions options) throws IOException, InterruptedException {
        if (options.nameServer() != null) {
            return ProducerFootprint.measure(settings(options.nameServer(), options), options.footprint());
        }
        Path log = options.output().toAbsolutePath().resolveSibling("broker-process.log");
        try (BrokerLauncher broker = BrokerLauncher.launch(options.topic(), options.queues(), 1, log)) {
            return ProducerFootprint.measure(settings(broker.nameServerAddress(), options), options.footprint());
        }
    }

    private static List<ClientRuns> runAgainst(String nameServer, BenchmarkOptions options)
            throws InterruptedException {
        return new BenchmarkRunner(options, settings(nameServer, options)).run();
    }

    static ClientSettings settings(String nameServer, BenchmarkOptions options) {
        byte[] body = options.jsonBody() ? jsonBody(options.bodySize()) : body(options.bodySize());
        return new ClientSettings(nameServer, options.topic(), body,
                options.sendTimeout(), options.retries(), options.asyncWindow(), options.binaryHeaders(),
                options.batchLingerMicros(), options.adaptiveBatching(), options.compression(),
                new MessageShape(options.traced(), options.topic(), options.topicCount()), null);
    }

    /** Order-like JSON of {@code size} bytes, as compressible as real payloads (about 10:1 with zlib). */
    static byte[] jsonBody(int size) {
        StringBuilder json = new StringBuilder(size + 64).append("{\"lines\":[");
        Random random = new Random(42);
        while (json.length() < size - 2) {
            json.append("{\"sku\":\"SKU-").append(random.nextInt(500)).append("\",\"qty\":")
                    .append(random.nextInt(20)).append(",\"price\":").append(random.nextInt(100_000) / 100.0)
                    .append(",\"note\":\"gift wrap\"},");
        }
        json.setLength(size - 2);
        return json.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Random-looking but repeatable bytes, so that no layer can shortcut a run of zeros. */
    private static byte[] body(int size) {
        byte[] body = new byte[size];
        new Random(42).nextBytes(body);
        return body;
    }
}
