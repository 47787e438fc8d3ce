package io.mqproducer.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Entry point of a {@link ChildBroker}'s JVM: starts one broker as {@link ChildBrokerSpec} describes, creates its
 * topics, prints {@value #READY} on stdout and then follows commands on stdin until stdin closes, which happens when
 * the parent closes it or dies; then it stops the broker and exits.
 */
final class ChildBrokerMain {

    /** Printed, followed by the broker's address, once the broker has started and created its topics. */
    static final String READY = "READY";
    /** A line on stdin that makes the broker send its registration to the name server again. */
    static final String REGISTER = "register";

    /** How long to wait for the client port to close on the way out; the rest of RocketMQ's shutdown is skipped. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private ChildBrokerMain() {
    }

    public static void main(String[] arguments) {
        try {
            ChildBrokerSpec spec = ChildBrokerSpec.fromArguments(arguments);
            JvmSettings.apply();
            EmbeddedBroker broker = new EmbeddedBroker(spec.setup());
            broker.start();
            spec.topics().forEach(broker::createTopic);
            // SIGTERM: shut down as RocketMQ's own start script does, through the broker's shutdown.
            java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (stopped.compareAndSet(false, true)) {
                    stop(broker, spec.ports().listen());
                }
            }, "child-broker-shutdown"));
            System.out.println(READY + " " + spec.brokerAddress());
            System.out.flush();
            followCommands(broker);
            if (stopped.compareAndSet(false, true)) {
                stop(broker, spec.ports().listen());
            }
            System.exit(0);
        } catch (Throwable e) {
            // RocketMQ leaves non-daemon threads behind after a failed start: exit explicitly, or the parent waits.
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Reads stdin line by line until it closes. */
    private static void followCommands(EmbeddedBroker broker) throws IOException {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (REGISTER.equals(line.trim())) {
                broker.register();
            }
        }
    }

    /**
     * Closing the client port also unregisters the broker from the name server, which is all the parent cares about;
     * RocketMQ's remaining shutdown sleeps for seconds in fixed steps and the store is deleted by the parent anyway.
     */
    private static void stop(EmbeddedBroker broker, int port) {
        broker.stop();
        try {
            Polling.await(EXIT_WAIT, () -> !Loopback.isAccepting(port), () -> "the broker's port to close");
        } catch (IllegalStateException e) {
            // Exiting closes it anyway.
        }
    }
}
