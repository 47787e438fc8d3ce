package io.mqproducer.internal.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.message.Message;
import io.mqproducer.testing.FakeServer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Name server failover and a topic moving between brokers, against scripted servers on loopback. */
class RouteFailoverLoopbackIT {
    private static final Message MESSAGE = Message.of("T", "x".getBytes(StandardCharsets.UTF_8));
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    private FakeServer server(Function<RemotingCommand, RemotingCommand> answer) throws Exception {
        FakeServer server = new FakeServer(FakeServer.broker(answer));
        closeables.add(server);
        return server;
    }

    private static String route(String brokerName, String address) {
        return "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"" + address + "\"},\"brokerName\":\"" + brokerName + "\"}],"
                + "\"queueDatas\":[{\"brokerName\":\"" + brokerName + "\",\"perm\":6,\"writeQueueNums\":2}]}";
    }

    private static RemotingCommand routeAnswer(RemotingCommand request, String json) {
        return new RemotingCommand(0, RemotingCommand.FLAG_RESPONSE, request.opaque(), 1, "JAVA", null, Map.of(),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static RemotingCommand stored(RemotingCommand request) {
        RemotingCommand response = RemotingCommand.responseTo(request, 0, null);
        response.extFields().put("msgId", "00000000000000000000000000000001");
        response.extFields().put("queueId", request.extField("e"));
        response.extFields().put("queueOffset", "1");
        return response;
    }

    private Producer producer(String... nameServers) {
        Producer producer = Producer.create(ProducerOptions.builder(nameServers).sendTimeout(Duration.ofSeconds(5))
                .build()).start();
        closeables.add(producer);
        return producer;
    }

    @Test
    void unreachableNameServerIsSkippedForTheNextOne() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        FakeServer broker = server(RouteFailoverLoopbackIT::stored);
        FakeServer liveNameServer = server(request -> routeAnswer(request, route("a", broker.address())));
        // Both orders: whichever the producer starts with, a dead name server must not fail the send.
        for (String[] order : new String[][] {{"127.0.0.1:" + deadPort, liveNameServer.address()},
            {liveNameServer.address(), "127.0.0.1:" + deadPort}}) {
            SendResult result = producer(order).send(MESSAGE);
            assertThat(result.queue().brokerName()).isEqualTo("a");
        }
    }

    @Test
    void nameServerGivenAsABracketedIpv6LiteralIsReached() throws Exception {
        FakeServer broker = server(RouteFailoverLoopbackIT::stored);
        ServerSocket ipv6 = new ServerSocket(0, 50, java.net.InetAddress.getByName("::1"));
        FakeServer nameServer = new FakeServer(FakeServer.broker(request -> routeAnswer(request,
                route("a", broker.address()))), ipv6);
        closeables.add(nameServer);
        SendResult result = producer("[::1]:" + ipv6.getLocalPort()).send(MESSAGE);
        assertThat(result.queue().brokerName()).isEqualTo("a");
    }

    @Test
    void aSlaveIsNeverSentToAndATopicWithOnlySlavesIsNotWritable() throws Exception {
        java.util.concurrent.atomic.AtomicInteger toSlave = new java.util.concurrent.atomic.AtomicInteger();
        FakeServer master = server(RouteFailoverLoopbackIT::stored);
        FakeServer slave = server(request -> {
            toSlave.incrementAndGet();
            return stored(request);
        });
        AtomicReference<String> brokerAddrs = new AtomicReference<>("{0:\"" + master.address() + "\",1:\""
                + slave.address() + "\"}");
        FakeServer nameServer = server(request -> routeAnswer(request, "{\"brokerDatas\":[{\"brokerAddrs\":"
                + brokerAddrs.get() + ",\"brokerName\":\"a\"}],\"queueDatas\":[{\"brokerName\":\"a\",\"perm\":6,"
                + "\"writeQueueNums\":2}]}"));
        Producer producer = producer(nameServer.address());
        for (int i = 0; i < 50; i++) {
            producer.send(MESSAGE);
        }
        assertThat(toSlave).as("requests to the slave").hasValue(0);

        brokerAddrs.set("{1:\"" + slave.address() + "\"}"); // the master is gone; only its slave is registered
        Producer fresh = producer(nameServer.address());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fresh.send(MESSAGE))
                .isInstanceOf(io.mqproducer.error.TopicNotWritableException.class);
        assertThat(toSlave).as("requests to the slave").hasValue(0);
    }

    @Test
    void topicMovedToAnotherBrokerIsFollowed() throws Exception {
        FakeServer brokerB = server(RouteFailoverLoopbackIT::stored);
        AtomicReference<String> currentRoute = new AtomicReference<>();
        FakeServer brokerA = server(request -> currentRoute.get().contains("\"a\"") ? stored(request)
                : RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST, "topic moved away"));
        currentRoute.set(route("a", brokerA.address()));
        FakeServer nameServer = server(request -> routeAnswer(request, currentRoute.get()));
        Producer producer = producer(nameServer.address());

        assertThat(producer.send(MESSAGE).queue().brokerName()).isEqualTo("a");
        currentRoute.set(route("b", brokerB.address())); // the topic now lives on broker b only
        SendResult moved = producer.send(MESSAGE);
        assertThat(moved.queue().brokerName()).as("retried after a route refresh").isEqualTo("b");
        assertThat(producer.send(MESSAGE).queue().brokerName()).isEqualTo("b");
    }
}
