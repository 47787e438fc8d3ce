package io.mqproducer.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One RocketMQ server (name server, broker or proxy) started the way an operator starts it: the release's own
 * start-up class in a JVM of its own, with the release's class path and a configuration file, so that servers of
 * another version than the test's run side by side with it.
 */
final class ServerProcess {

    /** The three kinds of server and the start-up class each release ships for it. */
    enum Kind {
        NAME_SERVER("org.apache.rocketmq.namesrv.NamesrvStartup", "-Xmx192m"),
        BROKER("org.apache.rocketmq.broker.BrokerStartup", "-Xmx384m"),
        PROXY("org.apache.rocketmq.proxy.ProxyStartup", "-Xmx384m");

        private final String mainClass;
        private final String heap;

        Kind(String mainClass, String heap) {
            this.mainClass = mainClass;
            this.heap = heap;
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(20);

    private final RocketMQDistribution distribution;
    private final Kind kind;
    private final String name;
    private final Path home;
    private final List<String> arguments;
    private final int port;
    private ChildJvm jvm;
    private int launches;

    /**
     * @param home the RocketMQ home of the cluster: {@code conf/} with the logging and ACL files; also the user home,
     *        so that RocketMQ's own log files land under it
     * @param arguments the start-up class's arguments, such as {@code -c broker.properties}
     * @param port the port that accepts connections once the server is up
     */
    ServerProcess(RocketMQDistribution distribution, Kind kind, String name, Path home, List<String> arguments,
            int port) {
        this.distribution = distribution;
        this.kind = kind;
        this.name = name;
        this.home = home;
        this.arguments = List.copyOf(arguments);
        this.port = port;
    }

    /** Starts the server and returns once its port accepts connections. */
    void start() {
        launches++;
        List<String> flags = new ArrayList<>(List.of(kind.heap, "-XX:+UseSerialGC", "-Xss512k",
                "-Drocketmq.home.dir=" + home, "-Duser.home=" + home));
        List<String> mainAndArguments = new ArrayList<>(List.of(kind.mainClass));
        mainAndArguments.addAll(arguments);
        jvm = ChildJvm.launch(distribution.joined() + java.io.File.pathSeparator + ChildJvm.ownLocation(), flags,
                ServerMain.class.getName(), mainAndArguments, home.resolve(name + "-" + launches + ".log"));
        Polling.await(START_TIMEOUT, () -> Loopback.isAccepting(port) || !jvm.isAlive(),
                () -> this + " to accept connections on port " + port + "; " + jvm.tail());
        if (!jvm.isAlive()) {
            throw new IllegalStateException(this + " exited with code " + jvm.exitCode() + " while starting; "
                    + jvm.tail());
        }
    }

    /** SIGKILL: no shutdown hook runs, clients and name servers learn it from closed connections. */
    void kill() {
        if (jvm != null && jvm.isAlive()) {
            jvm.kill(EXIT_TIMEOUT);
        }
    }

    /** SIGTERM, as a service manager stops a server: its shutdown hook runs; SIGKILL if it has not exited in 20 s. */
    void stop() {
        if (jvm != null && jvm.isAlive()) {
            try {
                jvm.terminate(EXIT_TIMEOUT);
            } catch (IllegalStateException stillRunning) {
                jvm.kill(EXIT_TIMEOUT);
            }
        }
    }

    boolean isAlive() {
        return jvm != null && jvm.isAlive();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String address() {
        return BrokerSetup.HOST + ":" + port;
    }

    /** The end of the server's console output, for error messages. */
    String tail() {
        return jvm == null ? "(not started)" : jvm.tail();
    }

    @Override
    public String toString() {
        return "RocketMQ " + distribution.version() + " " + kind.name().toLowerCase().replace('_', ' ') + " " + name
                + " at " + address() + (jvm == null ? "" : " (pid " + jvm.pid() + ")");
    }
}
