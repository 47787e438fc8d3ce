package io.mqproducer.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A RocketMQ cluster of any released version, every server in a JVM of its own started from that release's jars the
 * way operators start it: one name server, one or more broker groups (a master, optionally with a slave), optionally a
 * 5.x proxy in cluster mode, optionally with ACL. What a client sent is read back by the official consumer of the
 * same version, also in a JVM of its own.
 *
 * <pre>{@code
 * try (RocketMQCluster cluster = RocketMQCluster.builder(RocketMQDistribution.fromSystemProperty("4.9.7"))
 *         .brokerGroup("broker-a").start()) {
 *     cluster.createTopic("orders", 4);
 *     // ... send through cluster.clientEndpoint() ...
 *     List<StoredMessage> stored = cluster.readBack("orders", 10, Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>Ports are free ports of 127.0.0.1, stores are small, and everything lives in a temporary directory that
 * {@link #close()} deletes, after copying the servers' logs where {@link #keepLogsIn(Path)} asked. Servers exit with
 * the test JVM however it ends: their stdin is a pipe from it.
 */
public final class RocketMQCluster implements AutoCloseable {

    private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READ_BACK_QUIET = Duration.ofSeconds(2);

    private final Builder settings;
    private final StoreDirectory directory;
    private final ServerFiles files;
    private final List<ServerProcess> processes = new ArrayList<>();
    private final Map<BrokerNode, ServerProcess> brokers = new LinkedHashMap<>();
    private ServerProcess nameServer;
    private ServerProcess proxy;
    private NameServerRoutes routes;
    private ClusterAdmin admin;
    private Path keepLogsIn;
    private long startMillis;

    private RocketMQCluster(Builder settings) {
        this.settings = settings;
        this.directory = StoreDirectory.create();
        this.files = new ServerFiles(directory.root());
    }

    /** Starts describing a cluster of {@code distribution}'s version. */
    public static Builder builder(RocketMQDistribution distribution) {
        return new Builder(Objects.requireNonNull(distribution, "distribution"));
    }

    /** The name server's address, {@code 127.0.0.1:port}. */
    public String nameServerAddress() {
        return nameServer.address();
    }

    /** The address a client is given as its name server: the proxy's remoting port if there is a proxy. */
    public String clientEndpoint() {
        return proxy != null ? proxy.address() : nameServer.address();
    }

    /** Whether the cluster has a proxy in front of its brokers. */
    public boolean hasProxy() {
        return proxy != null;
    }

    public String version() {
        return settings.distribution.version();
    }

    public String clusterName() {
        return settings.clusterName;
    }

    /** How long {@link Builder#start()} took, every server registered. */
    public Duration startupTime() {
        return Duration.ofMillis(startMillis);
    }

    /** The names of the broker groups, in the order they were added. */
    public List<String> brokerNames() {
        return brokers.keySet().stream().map(BrokerNode::brokerName).distinct().toList();
    }

    /** The address of broker group {@code brokerName}'s master. */
    public String masterAddress(String brokerName) {
        return node(brokerName, 0).address();
    }

    /** Creates {@code topic} with {@code queues} queues on every master and waits until the name server routes it. */
    public void createTopic(String topic, int queues) {
        createTopic(topic, queues, null);
    }

    /**
     * Like {@link #createTopic(String, int)}, with RocketMQ 5's {@code message.type} attribute ({@code NORMAL},
     * {@code FIFO}, {@code DELAY}, {@code TRANSACTION}, {@code MIXED}), which a 5.x proxy checks every message against.
     */
    public void createTopic(String topic, int queues, String messageType) {
        List<BrokerNode> masters = brokers.keySet().stream().filter(node -> node.brokerId() == 0).toList();
        admin.createTopic(topic, queues, messageType, masters.stream().map(BrokerNode::address).toList());
        for (BrokerNode master : masters) {
            Polling.await(REGISTER_TIMEOUT, () -> routes.routes(topic, master.brokerName(), master.address(), queues),
                    () -> "the name server to route " + topic + " to " + master.brokerName());
        }
    }

    /**
     * Reads {@code topic} from the beginning with the official consumer of this version: waits until at least
     * {@code expected} messages arrived (0 to not wait), then until none arrives for 2 seconds, and returns them all,
     * duplicates included.
     *
     * @throws AssertionError listing what did arrive, if fewer than {@code expected} arrive within {@code timeout}
     */
    public List<StoredMessage> readBack(String topic, int expected, Duration timeout) {
        return admin.readBack(topic, expected, timeout, READ_BACK_QUIET);
    }

    /** Kills broker group {@code brokerName}'s master with SIGKILL. */
    public void killMaster(String brokerName) {
        brokers.get(node(brokerName, 0)).kill();
    }

    /** Stops broker group {@code brokerName}'s master with SIGTERM, as a service manager would. */
    public void stopMaster(String brokerName) {
        brokers.get(node(brokerName, 0)).stop();
    }

    /** Starts a stopped or killed master again on its address and store and waits until it is registered. */
    public void restartMaster(String brokerName) {
        BrokerNode master = node(brokerName, 0);
        ServerProcess process = brokers.get(master);
        process.stop();
        process.start();
        awaitRegistered(master, process);
    }

    /** Where {@link #close()} copies every server's log; call it when a test failed. */
    public void keepLogsIn(Path target) {
        this.keepLogsIn = target;
    }

    /** Stops every server (SIGTERM, then SIGKILL) and deletes the cluster's directory. */
    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        if (routes != null) {
            routes.close();
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).kill();
        }
        copyLogs();
        directory.delete();
    }

    @Override
    public String toString() {
        return "RocketMQCluster[" + version() + ", " + clusterName() + ", " + brokers.keySet().stream()
                .map(BrokerNode::processName).toList() + (proxy != null ? ", proxy" : "") + "]";
    }

    private void start() {
        long started = System.nanoTime();
        JvmSettings.apply();
        int nameServerPort = Loopback.freePort();
        nameServer = launch(ServerProcess.Kind.NAME_SERVER, "namesrv", nameServerPort,
                List.of("-c", files.nameServer("namesrv", nameServerPort).toString()));
        routes = new NameServerRoutes(nameServer.address());
        if (settings.accessKey != null && settings.distribution.isVersion4()) {
            files.plainAcl(settings.accessKey, settings.secretKey);
        }
        for (BrokerNode node : settings.nodes()) {
            Map<String, String> extra = new LinkedHashMap<>(settings.aclProperties());
            extra.putAll(settings.brokerProperties);
            Path config = files.broker(node.processName(), node, settings.clusterName, nameServer.address(),
                    settings.autoCreateTopics, extra);
            ServerProcess broker = launch(ServerProcess.Kind.BROKER, node.processName(), node.ports().listen(),
                    List.of("-c", config.toString()));
            brokers.put(node, broker);
            awaitRegistered(node, broker);
        }
        if (settings.proxy) {
            int remoting = Loopback.freePort();
            Path config = files.proxy("proxy", settings.clusterName, nameServer.address(), remoting,
                    Loopback.freePort());
            proxy = launch(ServerProcess.Kind.PROXY, "proxy", remoting,
                    List.of("-pc", config.toString(), "-pm", "cluster"));
        }
        admin = new ClusterAdmin(settings.distribution, directory.root(), nameServer.address(), settings.accessKey,
                settings.secretKey);
        startMillis = (System.nanoTime() - started) / 1_000_000;
    }

    private ServerProcess launch(ServerProcess.Kind kind, String name, int port, List<String> arguments) {
        ServerProcess process = new ServerProcess(settings.distribution, kind, name, files.home(), arguments, port);
        processes.add(process);
        process.start();
        return process;
    }

    private void awaitRegistered(BrokerNode node, ServerProcess process) {
        Polling.await(REGISTER_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(process + " exited while registering; " + process.tail());
            }
            return routes.registers(node.brokerName(), node.brokerId(), node.address());
        }, () -> "the name server to register " + process + "; " + process.tail());
    }

    private BrokerNode node(String brokerName, int brokerId) {
        return brokers.keySet().stream()
                .filter(node -> node.brokerName().equals(brokerName) && node.brokerId() == brokerId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no broker " + brokerName + "/" + brokerId
                        + " in " + this));
    }

    private void copyLogs() {
        if (keepLogsIn == null) {
            return;
        }
        try (Stream<Path> logs = Files.walk(directory.root())) {
            Files.createDirectories(keepLogsIn);
            for (Path log : logs.filter(path -> path.toString().endsWith(".log")).toList()) {
                Path target = keepLogsIn.resolve(directory.root().relativize(log).toString().replace('/', '_'));
                Files.copy(log, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the test's own failure is what matters.
        }
    }

    /** What a {@link RocketMQCluster} consists of. */
    public static final class Builder {

        private final RocketMQDistribution distribution;
        private final List<String> groups = new ArrayList<>();
        private final List<String> groupsWithSlave = new ArrayList<>();
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private String clusterName = "compat-cluster";
        private boolean proxy;
        private boolean autoCreateTopics = true;
        private String accessKey;
        private String secretKey;

        private Builder(RocketMQDistribution distribution) {
            this.distribution = distribution;
        }

        public Builder clusterName(String clusterName) {
            this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
            return this;
        }

        /** Adds a broker group of one master. */
        public Builder brokerGroup(String brokerName) {
            groups.add(Objects.requireNonNull(brokerName, "brokerName"));
            return this;
        }

        /** Adds a broker group of a master and a slave replicating from it. */
        public Builder brokerGroupWithSlave(String brokerName) {
            groupsWithSlave.add(Objects.requireNonNull(brokerName, "brokerName"));
            return brokerGroup(brokerName);
        }

        /** Puts a proxy in cluster mode in front of the brokers (RocketMQ 5.x). */
        public Builder proxy() {
            if (!distribution.hasProxy()) {
                throw new IllegalStateException("the class path of RocketMQ " + distribution.version()
                        + " has no rocketmq-proxy jar");
            }
            this.proxy = true;
            return this;
        }

        /** Whether brokers create unknown topics on first send (default true). */
        public Builder autoCreateTopics(boolean autoCreateTopics) {
            this.autoCreateTopics = autoCreateTopics;
            return this;
        }

        /**
         * Turns on authentication with one all-powerful account: {@code plain_acl.yml} with {@code aclEnable} on 4.x,
         * ACL 2.0 with a super user on 5.x.
         */
        public Builder acl(String accessKey, String secretKey) {
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /** A broker setting of every broker, such as {@code maxMessageSize}. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        /** Starts every server and returns once all brokers are registered and the proxy accepts connections. */
        public RocketMQCluster start() {
            if (groups.isEmpty()) {
                throw new IllegalStateException("a cluster needs at least one broker group");
            }
            RocketMQCluster cluster = new RocketMQCluster(this);
            try {
                cluster.start();
                return cluster;
            } catch (RuntimeException | Error e) {
                cluster.keepLogsIn(Path.of("target", "rocketmq-logs", "failed-start-" + System.currentTimeMillis()));
                cluster.close();
                throw e;
            }
        }

        private List<BrokerNode> nodes() {
            List<BrokerNode> nodes = new ArrayList<>();
            for (String group : groups) {
                nodes.add(new BrokerNode(group, 0, BrokerPorts.findFree()));
                if (groupsWithSlave.contains(group)) {
                    nodes.add(new BrokerNode(group, 1, BrokerPorts.findFree()));
                }
            }
            return nodes;
        }

        private Map<String, String> aclProperties() {
            if (accessKey == null) {
                return Map.of();
            }
            if (distribution.isVersion4()) {
                return Map.of("aclEnable", "true");
            }
            Map<String, String> acl = new LinkedHashMap<>();
            acl.put("authenticationEnabled", "true");
            acl.put("authenticationProvider",
                    "org.apache.rocketmq.auth.authentication.provider.DefaultAuthenticationProvider");
            acl.put("authenticationMetadataProvider",
                    "org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider");
            acl.put("initAuthenticationUser", "{\"username\":\"" + accessKey + "\",\"password\":\"" + secretKey
                    + "\",\"userType\":\"Super\"}");
            acl.put("innerClientAuthenticationCredentials", "{\"accessKey\":\"" + accessKey + "\",\"secretKey\":\""
                    + secretKey + "\"}");
            return acl;
        }
    }
}
