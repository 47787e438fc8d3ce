package io.mqproducer.test;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/** A RocketMQ name server in this JVM on a free loopback port; answers route questions without a network client. */
final class EmbeddedNameServer {

    private final NamesrvController controller;
    private final int port;

    private EmbeddedNameServer(NamesrvController controller, int port) {
        this.controller = controller;
        this.port = port;
    }

    static EmbeddedNameServer start(StoreDirectory directory) {
        NamesrvConfig config = new NamesrvConfig();
        config.setRocketmqHome(directory.root().toString());
        config.setKvConfigPath(directory.file("namesrv", "kvConfig.json"));
        config.setConfigStorePath(directory.file("namesrv", "namesrv.properties"));
        config.setDefaultThreadPoolNums(2);
        config.setClientRequestThreadPoolNums(2);

        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress(BrokerSetup.HOST);
        server.setListenPort(0); // the OS picks a free port at bind time: no race with other processes
        server.setServerSelectorThreads(1);
        server.setServerWorkerThreads(2);
        server.setServerCallbackExecutorThreads(1);

        NettyClientConfig client = new NettyClientConfig();
        client.setClientWorkerThreads(1);
        client.setClientCallbackExecutorThreads(1);
        // Otherwise the name server keeps probing itself on the host's external address, where it does not listen.
        client.setScanAvailableNameSrv(false);

        NamesrvController controller = new NamesrvController(config, server, client);
        try {
            if (!controller.initialize()) {
                throw new IllegalStateException("the embedded name server failed to initialize");
            }
            controller.start();
        } catch (Exception e) {
            controller.shutdown();
            throw new IllegalStateException("the embedded name server failed to start", e);
        }
        return new EmbeddedNameServer(controller, controller.getRemotingServer().localListenPort());
    }

    String address() {
        return BrokerSetup.HOST + ":" + port;
    }

    int port() {
        return port;
    }

    /** The master address the given broker registered, if it is registered now. */
    Optional<String> registeredMaster(String brokerName) {
        ClusterInfo cluster = controller.getRouteInfoManager().getAllClusterInfo();
        Map<String, BrokerData> brokers = cluster == null ? null : cluster.getBrokerAddrTable();
        BrokerData broker = brokers == null ? null : brokers.get(brokerName);
        return Optional.ofNullable(broker == null ? null : broker.getBrokerAddrs().get(MixAll.MASTER_ID));
    }

    /** True when the route of {@code topic} lists {@code brokerName} with exactly {@code queues} write queues. */
    boolean routes(String topic, String brokerName, int queues) {
        TopicRouteData route = controller.getRouteInfoManager().pickupTopicRouteData(topic);
        if (route == null || route.getQueueDatas() == null) {
            return false;
        }
        for (QueueData queue : route.getQueueDatas()) {
            if (queue.getBrokerName().equals(brokerName) && queue.getWriteQueueNums() == queues) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops the name server in the background: its port closes at once, its threads take seconds.
     *
     * @return completes once the name server has stopped completely
     */
    CompletableFuture<Void> stop() {
        // RocketMQ stops its own client first, which waits up to 3 seconds for an event thread, and only then closes
        // the port; closing the port in parallel lets callers see the name server gone at once.
        return Background.run("embedded-rocketmq-stop-namesrv-" + port,
                controller::shutdown,
                () -> controller.getRemotingServer().shutdown());
    }
}
