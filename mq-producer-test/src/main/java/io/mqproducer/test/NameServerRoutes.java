package io.mqproducer.test;

import java.util.List;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RemotingSysResponseCode;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * Asks a name server over the network what it routes, the way clients see it. Built on RocketMQ's bare remoting client
 * rather than an admin or producer client: those start a process-wide client instance with heartbeats and scheduled
 * tasks, and take seconds to shut down.
 */
final class NameServerRoutes implements AutoCloseable {

    private static final long REQUEST_TIMEOUT_MILLIS = 3_000;

    private final String nameServerAddress;
    private final NettyRemotingClient client;

    NameServerRoutes(String nameServerAddress) {
        this.nameServerAddress = nameServerAddress;
        NettyClientConfig config = new NettyClientConfig();
        config.setClientWorkerThreads(1);
        config.setClientCallbackExecutorThreads(1);
        this.client = new NettyRemotingClient(config);
        client.updateNameServerAddressList(List.of(nameServerAddress));
        client.start();
    }

    /**
     * True when the name server routes {@code topic} to broker {@code brokerName} with exactly {@code queues} write
     * queues and names {@code brokerAddress} as that broker's master; false also when it cannot be asked right now.
     */
    boolean routes(String topic, String brokerName, String brokerAddress, int queues) {
        TopicRouteData route = route(topic);
        return route != null && hasQueues(route, brokerName, queues) && hasMaster(route, brokerName, brokerAddress);
    }

    /** True when the name server lists {@code brokerAddress} as the master of broker {@code brokerName}. */
    boolean registers(String brokerName, String brokerAddress) {
        return registers(brokerName, MixAll.MASTER_ID, brokerAddress);
    }

    /** True when the name server lists {@code brokerAddress} as broker {@code brokerId} of group {@code brokerName}. */
    boolean registers(String brokerName, long brokerId, String brokerAddress) {
        byte[] body = ask(RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null));
        ClusterInfo cluster = body == null ? null : ClusterInfo.decode(body, ClusterInfo.class);
        BrokerData broker = cluster == null || cluster.getBrokerAddrTable() == null ? null
                : cluster.getBrokerAddrTable().get(brokerName);
        return broker != null && brokerAddress.equals(broker.getBrokerAddrs().get(brokerId));
    }

    /** Stops the client in the background: RocketMQ's shutdown waits for an idle event thread. */
    @Override
    public void close() {
        Background.run("name-server-routes-close", client::shutdown);
    }

    private TopicRouteData route(String topic) {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        byte[] body = ask(RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header));
        return body == null ? null : TopicRouteData.decode(body, TopicRouteData.class);
    }

    /** The body of a successful answer, or null for any other answer or none. */
    private byte[] ask(RemotingCommand request) {
        try {
            RemotingCommand response = client.invokeSync(nameServerAddress, request, REQUEST_TIMEOUT_MILLIS);
            // Anything but success, most likely TOPIC_NOT_EXIST, means "not yet" to callers that poll.
            return response.getCode() == RemotingSysResponseCode.SUCCESS ? response.getBody() : null;
        } catch (RemotingException e) {
            return null; // a busy or unreachable name server: the caller polls again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the name server at " + nameServerAddress, e);
        }
    }

    private static boolean hasQueues(TopicRouteData route, String brokerName, int queues) {
        List<QueueData> queueDatas = route.getQueueDatas();
        return queueDatas != null && queueDatas.stream()
                .anyMatch(queue -> queue.getBrokerName().equals(brokerName) && queue.getWriteQueueNums() == queues);
    }

    private static boolean hasMaster(TopicRouteData route, String brokerName, String brokerAddress) {
        List<BrokerData> brokers = route.getBrokerDatas();
        return brokers != null && brokers.stream()
                .anyMatch(broker -> broker.getBrokerName().equals(brokerName)
                        && brokerAddress.equals(broker.getBrokerAddrs().get(MixAll.MASTER_ID)));
    }
}
