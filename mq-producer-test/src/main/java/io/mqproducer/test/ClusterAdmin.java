package io.mqproducer.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The official admin client and consumer of a {@link RocketMQDistribution}, in a JVM of their own that lives as long as
 * the cluster: commands go to {@link ClusterAdminMain} over its stdin, answers come back in files.
 */
final class ClusterAdmin implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_SLACK = Duration.ofSeconds(30);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

    private final ChildJvm jvm;
    private final Path directory;
    private final AtomicInteger replies = new AtomicInteger();

    ClusterAdmin(RocketMQDistribution distribution, Path directory, String nameServer, String accessKey,
            String secretKey) {
        this.directory = directory;
        String classPath = distribution.joined() + java.io.File.pathSeparator + ChildJvm.ownLocation();
        this.jvm = ChildJvm.launch(classPath, List.of("-Xmx192m", "-XX:+UseSerialGC", "-Duser.home=" + directory),
                ClusterAdminMain.class.getName(), List.of(nameServer, orNone(accessKey), orNone(secretKey)),
                directory.resolve("cluster-admin.log"));
        Polling.await(START_TIMEOUT, () -> jvm.hasPrinted("READY") || !jvm.isAlive(),
                () -> "the RocketMQ " + distribution.version() + " admin client to start; " + jvm.tail());
        if (!jvm.isAlive()) {
            throw new IllegalStateException("the RocketMQ " + distribution.version() + " admin client exited; "
                    + jvm.tail());
        }
    }

    void createTopic(String topic, int queues, String messageType, List<String> brokerAddresses) {
        run(Duration.ZERO, ClusterAdminMain.CREATE_TOPIC, topic, Integer.toString(queues), orNone(messageType),
                String.join(",", brokerAddresses));
    }

    List<StoredMessage> readBack(String topic, int expected, Duration timeout, Duration quiet) {
        List<String> lines = run(timeout.plus(quiet), ClusterAdminMain.READ_BACK, topic, Integer.toString(expected),
                Long.toString(timeout.toMillis()), Long.toString(quiet.toMillis()));
        return lines.stream().map(StoredMessage::fromLine).toList();
    }

    @Override
    public void close() {
        if (jvm.isAlive() && !jvm.closeInputAndAwaitExit(EXIT_TIMEOUT)) {
            jvm.kill(EXIT_TIMEOUT);
        }
    }

    private List<String> run(Duration duration, String... command) {
        Path reply = directory.resolve("reply-" + replies.incrementAndGet());
        List<String> line = new ArrayList<>(List.of(reply.toString()));
        line.addAll(List.of(command));
        jvm.tell(String.join("\t", line));
        Polling.await(duration.plus(COMMAND_SLACK), () -> Files.exists(reply) || !jvm.isAlive(),
                () -> "the admin client to answer " + String.join(" ", command) + "; " + jvm.tail());
        if (!Files.exists(reply)) {
            throw new IllegalStateException("the admin client exited; " + jvm.tail());
        }
        try {
            List<String> lines = Files.readAllLines(reply, StandardCharsets.UTF_8);
            if (!ClusterAdminMain.OK.equals(lines.get(0))) {
                throw new AssertionError(String.join(" ", command) + " failed: "
                        + String.join(System.lineSeparator(), lines));
            }
            return lines.subList(1, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orNone(String value) {
        return value == null ? ClusterAdminMain.NONE : value;
    }
}
