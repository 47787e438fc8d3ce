package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.NameServerNotReadyException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.ReadBackConsumer;
import io.mqproducer.testing.FakeServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/**
 * The producer's name server goes away for far longer than many route refreshes, then comes back empty (restarted,
 * brokers not registered yet), while the real broker stays up: every send must still succeed, and a new topic must
 * fail as "name server not ready", not "create the topic". The name server the producer sees is scripted (the
 * embedded one cannot be stopped alone); the broker, and the consumer that reads everything back, are real.
 */
class RouteOutageIT {
    private static final String TOPIC = "RouteOutageIT";
    private static final int QUEUES = 4;
    private static final Duration REFRESH = Duration.ofMillis(100);
    /** Sends per phase; the outage phase lasts at least 30 refresh intervals as well. */
    private static final int SENDS_PER_PHASE = 100;

    @Test
    void cachedRoutesOutliveTheNameServersWhileTheBrokerAnswers() throws Exception {
        try (EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.builder().autoCreateTopics(false).build()) {
            rocketMQ.createTopic(TOPIC, QUEUES);
            String route = "{\"brokerDatas\":[{\"cluster\":\"" + rocketMQ.clusterName() + "\",\"brokerName\":\""
                    + rocketMQ.brokerName() + "\",\"brokerAddrs\":{0:\"" + rocketMQ.brokerAddress() + "\"}}],"
                    + "\"queueDatas\":[{\"brokerName\":\"" + rocketMQ.brokerName() + "\",\"perm\":6,\"readQueueNums\":"
                    + QUEUES + ",\"writeQueueNums\":" + QUEUES + "}]}";
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            int port = socket.getLocalPort();
            AtomicInteger routeRequests = new AtomicInteger();
            FakeServer nameServer = new FakeServer(FakeServer.answering(r -> {
                routeRequests.incrementAndGet();
                return answer(r, route);
            }), socket);
            Set<String> acked = new HashSet<>();
            int sent = 0;
            try (Producer producer = Producer.create(ProducerOptions.builder(nameServer.address())
                    .routeRefreshInterval(REFRESH).build()).start()) {
                sent += sendAll(producer, "up", acked);

                nameServer.close(); // every name server gone
                long outageStart = System.nanoTime();
                int requestsBefore = routeRequests.get();
                while (System.nanoTime() - outageStart < REFRESH.multipliedBy(30).toNanos()) {
                    sent += sendAll(producer, "down", acked);
                }
                assertThat(routeRequests.get()).as("nothing answered during the outage").isEqualTo(requestsBefore);

                // Restarted on the same address, empty: it knows no topic and no broker yet.
                try (FakeServer restarted = new FakeServer(FakeServer.answering(RouteOutageIT::empty),
                        reuse(port))) {
                    sent += sendAll(producer, "empty", acked);
                    assertThatThrownBy(() -> producer.send(Message.of("NewTopic", body("new"))))
                            .isInstanceOf(NameServerNotReadyException.class)
                            .hasMessageContaining("know no broker yet").hasMessageNotContaining("create the topic");
                }
            }
            assertThat(acked).as("every send acknowledged").hasSize(sent);
            try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), TOPIC)) {
                List<MessageExt> read = consumer.await(sent, Duration.ofSeconds(60));
                Set<String> bodies = new HashSet<>();
                read.forEach(m -> bodies.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                assertThat(bodies).as("read back by the official consumer").isEqualTo(acked);
                System.out.printf("RouteOutageIT: sent %d, acknowledged %d, failed 0, read back %d distinct of %d%n",
                        sent, acked.size(), bodies.size(), read.size());
            }
        }
    }

    private static int sendAll(Producer producer, String phase, Set<String> acked) {
        for (int i = 0; i < SENDS_PER_PHASE; i++) {
            String body = phase + "-" + acked.size();
            producer.send(Message.of(TOPIC, body(body)));
            acked.add(body);
        }
        return SENDS_PER_PHASE;
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ServerSocket reuse(int port) throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private static RemotingCommand answer(RemotingCommand request, String json) {
        return new RemotingCommand(ResponseCode.SUCCESS, RemotingCommand.FLAG_RESPONSE, request.opaque(), 1, "JAVA", null,
                Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static RemotingCommand empty(RemotingCommand request) {
        return request.code() == RequestCode.GET_BROKER_CLUSTER_INFO
                ? answer(request, "{\"brokerAddrTable\":{},\"clusterAddrTable\":{}}")
                : RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST, "No topic route info in name server");
    }
}
