package io.mqproducer.test;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One real RocketMQ broker in a child JVM, registered with an existing name server, for tests of what a client does
 * when a broker process dies abruptly: {@link #kill()} is a {@code kill -9}, which an in-JVM broker cannot imitate.
 *
 * <pre>{@code
 * try (EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.start();
 *      ChildBroker other = ChildBroker.start(rocketMQ.nameServerAddress(), rocketMQ.clusterName(), "broker-b",
 *              Map.of("orders", 4))) {
 *     other.kill();      // SIGKILL; returns once the process is gone
 *     other.restart();   // same address and store; returns once the name server routes it again
 * }
 * }</pre>
 *
 * <p>The child runs this JVM's class path with a 256 MiB heap and the {@code --add-opens} flags RocketMQ needs. Its
 * files, and its stdout and stderr ({@code child-broker-N.log}, one per launch), live in a temporary directory that
 * {@link #close()} deletes; failures to start quote the end of that log. The child exits when its stdin closes, so it
 * dies with the test JVM however that ends.
 */
public final class ChildBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    /** How often to ask the child to register again while the name server does not route it yet. */
    private static final long REGISTER_NUDGE_MILLIS = 1_000;

    private final StoreDirectory directory;
    private final NameServerRoutes routes;
    private ChildBrokerSpec spec;
    private ChildJvm jvm;
    private int launches;
    private boolean closed;
    private boolean paused;

    private ChildBroker(ChildBrokerSpec spec, StoreDirectory directory) {
        this.spec = spec;
        this.directory = directory;
        this.routes = new NameServerRoutes(spec.nameServerAddress());
    }

    /**
     * Starts a broker in a new JVM on free ports, creates {@code topics} (name to number of read and write queues) and
     * returns once the name server routes every one of them to it.
     *
     * @param nameServerAddress the name server to register with, {@code host:port}
     * @param clusterName the cluster to join, for example {@link EmbeddedRocketMQ#clusterName()}
     * @param brokerName the broker's name
     * @param topics topics to create, with their queue counts; may be empty
     * @throws IllegalStateException if it does not start and register within a minute; the message ends with the
     *         child's log
     */
    public static ChildBroker start(String nameServerAddress, String clusterName, String brokerName,
            Map<String, Integer> topics) {
        Objects.requireNonNull(nameServerAddress, "nameServerAddress");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(brokerName, "brokerName");
        Objects.requireNonNull(topics, "topics");
        topics.forEach((topic, queues) -> {
            if (queues == null || queues < 1) {
                throw new IllegalArgumentException("topic " + topic + " needs at least one queue but got " + queues);
            }
        });
        JvmSettings.apply(); // the route queries below carry the remoting version too
        StoreDirectory directory = StoreDirectory.create();
        ChildBroker broker = new ChildBroker(new ChildBrokerSpec(nameServerAddress, clusterName, brokerName,
                BrokerPorts.findFree(), directory.root(), topics), directory);
        try {
            broker.launchOnFreePorts();
            return broker;
        } catch (RuntimeException | Error e) {
            broker.close();
            throw e;
        }
    }

    /** The broker's address, {@code 127.0.0.1:port}; the same after {@link #restart()}. */
    public String brokerAddress() {
        return spec.brokerAddress();
    }

    /** The broker's name. */
    public String brokerName() {
        return spec.brokerName();
    }

    /** Whether the broker's process is alive. */
    public synchronized boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    /**
     * Kills the broker's process with SIGKILL (no shutdown, no unregistration: the name server only learns from the
     * closed connection) and returns once the process is gone.
     */
    public synchronized void kill() {
        open();
        if (jvm != null) {
            jvm.kill(EXIT_TIMEOUT);
        }
    }

    /**
     * Shuts the broker down gracefully, as an operator's SIGTERM does: the broker's shutdown unregisters it from the
     * name server and closes its connections; returns once the process exited. {@link #restart()} starts it again.
     */
    public synchronized void terminate() {
        open();
        resumeIfPaused();
        if (jvm != null && jvm.isAlive()) {
            jvm.terminate(EXIT_TIMEOUT.multipliedBy(3));
        }
    }

    /**
     * Freezes the broker's process with SIGSTOP: it keeps its connections and its place in the route but answers
     * nothing, like a broker stuck in a long GC pause or on a hung disk, until {@link #resume()}.
     */
    public synchronized void pause() {
        open();
        jvm.signal("STOP");
        paused = true;
    }

    /** Lets a {@link #pause() paused} broker run on (SIGCONT); what it received meanwhile is then processed. */
    public synchronized void resume() {
        open();
        resumeIfPaused();
    }

    private void resumeIfPaused() {
        if (paused && jvm != null && jvm.isAlive()) {
            jvm.signal("CONT");
        }
        paused = false;
    }

    /**
     * Starts the broker again on the same address and store, so it keeps the messages it had stored, and returns once
     * the name server routes its topics. Kills it first if it still runs.
     *
     * @throws IllegalStateException if it does not start and register within a minute
     */
    public synchronized void restart() {
        open();
        resumeIfPaused();
        if (jvm != null && jvm.isAlive()) {
            jvm.kill(EXIT_TIMEOUT);
        }
        // The name server drops a dead broker once it sees the connection closed; until then the old registration,
        // with the same address and topics, would pass for the new one.
        Polling.await(START_TIMEOUT, () -> !routes.registers(spec.brokerName(), spec.brokerAddress()),
                () -> "the name server to drop the killed " + this);
        launch();
    }

    /**
     * Stops the broker (asks it to exit, and kills it if it does not within 10 seconds) and deletes its directory.
     * Safe to call more than once.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        resumeIfPaused();
        if (jvm != null && jvm.isAlive() && !jvm.closeInputAndAwaitExit(EXIT_TIMEOUT)) {
            jvm.kill(EXIT_TIMEOUT);
        }
        routes.close();
        directory.delete();
    }

    @Override
    public String toString() {
        return "ChildBroker[" + spec.brokerName() + " at " + spec.brokerAddress()
                + (jvm == null ? "" : ", pid " + jvm.pid()) + (closed ? ", closed" : "") + "]";
    }

    private void launchOnFreePorts() {
        for (int attempt = 1; ; attempt++) {
            try {
                launch();
                return;
            } catch (IllegalStateException e) {
                // Another process may have taken a port between the check in this JVM and the bind in the child.
                if (attempt == START_ATTEMPTS || !jvm.hasPrintedAnywhere("BindException")) {
                    throw e;
                }
                spec = spec.withPorts(BrokerPorts.findFree());
            }
        }
    }

    private void launch() {
        launches++;
        jvm = ChildJvm.launch(ChildBrokerMain.class, spec.toArguments(),
                directory.root().resolve("child-broker-" + launches + ".log"));
        try {
            awaitReady();
            awaitRegistered();
        } catch (RuntimeException e) {
            if (jvm.isAlive()) {
                jvm.kill(EXIT_TIMEOUT);
            }
            throw e;
        }
    }

    private void awaitReady() {
        Polling.await(START_TIMEOUT, () -> jvm.hasPrinted(ChildBrokerMain.READY) || !jvm.isAlive(),
                () -> this + " to start; " + jvm.tail());
        if (!jvm.hasPrinted(ChildBrokerMain.READY)) {
            throw new IllegalStateException(this + " exited with code " + jvm.exitCode() + " before it was ready; "
                    + jvm.tail());
        }
    }

    /**
     * RocketMQ registers a starting broker only with name servers its client has already probed; when the probe loses
     * the race the next registration is 10 seconds away, so the child is asked to register again while it is missing.
     */
    private void awaitRegistered() {
        long[] lastNudge = {System.nanoTime()};
        Polling.await(START_TIMEOUT, () -> {
            if (!jvm.isAlive()) {
                throw new IllegalStateException(this + " exited with code " + jvm.exitCode() + " while registering; "
                        + jvm.tail());
            }
            if (isRouted()) {
                return true;
            }
            if (System.nanoTime() - lastNudge[0] > REGISTER_NUDGE_MILLIS * 1_000_000) {
                lastNudge[0] = System.nanoTime();
                jvm.tell(ChildBrokerMain.REGISTER);
            }
            return false;
        }, () -> "the name server to register " + this + " and route " + spec.topics().keySet() + " to it; "
                + jvm.tail());
    }

    private boolean isRouted() {
        return routes.registers(spec.brokerName(), spec.brokerAddress())
                && spec.topics().entrySet().stream().allMatch(topic -> routes.routes(topic.getKey(),
                        spec.brokerName(), spec.brokerAddress(), topic.getValue()));
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }
}
