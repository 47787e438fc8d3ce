package io.mqproducer.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.NameServerNotReadyException;
import io.mqproducer.error.NameServerUnavailableException;
import io.mqproducer.error.TopicNotWritableException;
import io.mqproducer.error.TopicRouteNotFoundException;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.transport.InboundRequestHandler;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.testing.FakeServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicRouteCacheTest {
    private static final String ROUTE = "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"127.0.0.1:1\"},\"brokerName\":\"a\"}],"
            + "\"queueDatas\":[{\"brokerName\":\"a\",\"perm\":6,\"readQueueNums\":8,\"writeQueueNums\":8}]}";

    private final RemotingClient client = new RemotingClient(1, Duration.ofSeconds(1), HeaderFormat.BINARY,
            InboundRequestHandler.UNSUPPORTED);
    private final List<String> announced = new CopyOnWriteArrayList<>();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final io.mqproducer.internal.log.OperatorLog operatorLog = new io.mqproducer.internal.log.OperatorLog(
            (warn, line) -> logged.add((warn ? "WARN " : "INFO ") + line), 30_000, System::currentTimeMillis);

    @AfterEach
    void close() {
        client.close();
    }

    private static RemotingCommand route(RemotingCommand request) {
        return new RemotingCommand(ResponseCode.SUCCESS, RemotingCommand.FLAG_RESPONSE, request.opaque(), 1, "JAVA", null,
                Map.of(), ROUTE.getBytes(StandardCharsets.UTF_8));
    }

    private static RemotingCommand success(RemotingCommand request, String json) {
        return new RemotingCommand(ResponseCode.SUCCESS, RemotingCommand.FLAG_RESPONSE, request.opaque(), 1, "JAVA", null,
                Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static RemotingCommand notFound(RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST, "no route");
    }

    /** A name server that knows no topic, and brokers as {@code clusterInfo} says. */
    private static RemotingCommand knowsNoTopic(RemotingCommand request, String clusterInfo) {
        return request.code() == RequestCode.GET_BROKER_CLUSTER_INFO ? success(request, clusterInfo) : notFound(request);
    }

    private static final String NO_BROKERS = "{\"brokerAddrTable\":{},\"clusterAddrTable\":{}}";
    private static final String ONE_BROKER = "{\"brokerAddrTable\":{\"a\":{\"brokerName\":\"a\",\"brokerAddrs\":"
            + "{0:\"127.0.0.1:1\"}}},\"clusterAddrTable\":{\"c\":[\"a\"]}}";

    private TopicRouteCache cache(FakeServer... nameServers) {
        List<String> addresses = java.util.Arrays.stream(nameServers).map(FakeServer::address).toList();
        return new TopicRouteCache(new NameServerClient(client, addresses, 1000, 1000, operatorLog), announced::add, operatorLog);
    }

    @Test
    void concurrentDemandFetchesOnceAndAnnouncesNewBrokersOnce() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (FakeServer nameServer = new FakeServer(FakeServer.answering(r -> {
            requests.incrementAndGet();
            return route(r);
        }))) {
            TopicRouteCache cache = cache(nameServer);
            List<CompletableFuture<TopicPublishInfo>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(cache.publishInfo("T"));
            }
            for (CompletableFuture<TopicPublishInfo> future : futures) {
                assertThat(future.get(5, TimeUnit.SECONDS).queues()).hasSize(8);
            }
            assertThat(requests).hasValue(1);
            cache.refresh("T");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (requests.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(requests).hasValue(2);
            assertThat(announced).containsExactly("127.0.0.1:1");
            assertThat(cache.brokerAddresses()).containsExactly("127.0.0.1:1");
        }
    }

    @Test
    void unknownTopicIsRoutedThroughTheTemplateTopic() throws Exception {
        try (FakeServer nameServer = new FakeServer(FakeServer.answering(r -> "TBW102".equals(r.extField("topic"))
                ? route(r) : RemotingCommand.responseTo(r, ResponseCode.TOPIC_NOT_EXIST, "no route")))) {
            TopicPublishInfo info = cache(nameServer).publishInfo("Fresh").get(5, TimeUnit.SECONDS);
            assertThat(info.viaDefaultTopic()).isTrue();
            assertThat(info.queues()).hasSize(4).allMatch(q -> q.topic().equals("Fresh"));
        }
    }

    @Test
    void noRouteAndNoAutoCreateIsATypedError() throws Exception {
        try (FakeServer nameServer = new FakeServer(FakeServer.answering(r ->
                RemotingCommand.responseTo(r, ResponseCode.TOPIC_NOT_EXIST, "no route")))) {
            CompletableFuture<TopicPublishInfo> future = cache(nameServer).publishInfo("Nowhere");
            assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicRouteNotFoundException.class)
                    .hasMessageContaining("auto-create is off");
        }
    }

    @Test
    void cachedRouteOutlivesTheNameServersHoweverLong() throws Exception {
        FakeServer nameServer = new FakeServer(FakeServer.answering(TopicRouteCacheTest::route));
        TopicRouteCache cache = cache(nameServer);
        TopicPublishInfo first = cache.publishInfo("T").get(5, TimeUnit.SECONDS);
        nameServer.close();

        for (int i = 0; i < 5; i++) { // every scheduled refresh fails: the route stays
            cache.refresh("T").get(5, TimeUnit.SECONDS);
            assertThat(cache.publishInfo("T").get(5, TimeUnit.SECONDS)).as("still served from the cache").isSameAs(first);
        }
    }

    @Test
    void aRestartedNameServerThatDoesNotKnowTheTopicYetLeavesTheCachedRouteAlone() throws Exception {
        AtomicReference<String> state = new AtomicReference<>("full");
        try (FakeServer nameServer = new FakeServer(FakeServer.answering(r -> switch (state.get()) {
            case "full" -> route(r);
            // One broker with auto-create registered again: the template topic is known, the topic not yet.
            case "partly" -> "TBW102".equals(r.extField("topic")) ? route(r) : knowsNoTopic(r, ONE_BROKER);
            default -> knowsNoTopic(r, NO_BROKERS);
        }))) {
            TopicRouteCache cache = cache(nameServer);
            TopicPublishInfo first = cache.publishInfo("T").get(5, TimeUnit.SECONDS);
            for (String restarted : List.of("empty", "partly")) {
                state.set(restarted);
                cache.refresh("T").get(5, TimeUnit.SECONDS);
                assertThat(cache.publishInfo("T").get(5, TimeUnit.SECONDS)).as(restarted).isSameAs(first);
            }
            assertThat(logged).containsExactly("WARN name servers no longer know topic T (restarted?); keeping its "
                    + "cached route");
        }
    }

    @Test
    void aChangedRouteIsLoggedOnceWithWhatChanged() throws Exception {
        String twoBrokers = ROUTE.replace("\"brokerName\":\"a\"}]", "\"brokerName\":\"a\"},"
                + "{\"brokerAddrs\":{0:\"127.0.0.1:2\"},\"brokerName\":\"b\"}]")
                .replace("\"writeQueueNums\":8}]", "\"writeQueueNums\":8},{\"brokerName\":\"b\",\"perm\":6,"
                        + "\"writeQueueNums\":4}]");
        AtomicReference<String> current = new AtomicReference<>(ROUTE);
        try (FakeServer nameServer = new FakeServer(FakeServer.answering(r -> success(r, current.get())))) {
            TopicRouteCache cache = cache(nameServer);
            cache.publishInfo("T").get(5, TimeUnit.SECONDS);
            cache.refresh("T").get(5, TimeUnit.SECONDS);
            assertThat(logged).as("nothing changed").isEmpty();
            current.set(twoBrokers);
            cache.refresh("T").get(5, TimeUnit.SECONDS);
            assertThat(cache.publishInfo("T").get(5, TimeUnit.SECONDS).queues()).hasSize(12);
            assertThat(logged).containsExactly("INFO route of topic T changed: brokers added [b]; writable queues per "
                    + "broker {a=8} -> {a=8, b=4}");
        }
    }

    @Test
    void nameServerFailoverAndOutageAreLogged() throws Exception {
        FakeServer dead = new FakeServer(FakeServer.answering(TopicRouteCacheTest::route));
        dead.close();
        try (FakeServer live = new FakeServer(FakeServer.answering(TopicRouteCacheTest::route))) {
            TopicRouteCache cache = cache(dead, live);
            for (int i = 0; i < 3; i++) {
                cache.refresh("T").get(5, TimeUnit.SECONDS);
            }
            assertThat(cache.publishInfo("T").get(5, TimeUnit.SECONDS).queues()).hasSize(8);
            // Whether the dead one is asked first is random; if it is, the switch is logged once.
            assertThat(logged).hasSizeLessThanOrEqualTo(1).allMatch(line -> line.equals("WARN name server " + dead.address()
                    + " did not answer (connection refused); switching to " + live.address()));
        }
        logged.clear();
        TopicRouteCache alone = cache(dead);
        for (int i = 0; i < 3; i++) {
            alone.refresh("T").get(5, TimeUnit.SECONDS);
        }
        assertThat(logged).as("once, not per refresh").singleElement().asString()
                .startsWith("WARN no name server answered (tried [" + dead.address() + "], last: connection refused)");
    }

    @Test
    void anEmptyNameServerIsNotReportedAsAMissingTopic() throws Exception {
        try (FakeServer nameServer = new FakeServer(FakeServer.answering(r -> knowsNoTopic(r, NO_BROKERS)))) {
            CompletableFuture<TopicPublishInfo> future = cache(nameServer).publishInfo("Orders");
            assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(NameServerNotReadyException.class)
                    .hasMessageContaining("know no broker yet").hasMessageNotContaining("create the topic");
        }
    }

    @Test
    void aMissingTopicOnNameServersThatKnowBrokersAdvisesCreatingIt() throws Exception {
        try (FakeServer nameServer = new FakeServer(FakeServer.answering(r -> knowsNoTopic(r, ONE_BROKER)))) {
            CompletableFuture<TopicPublishInfo> future = cache(nameServer).publishInfo("Orders");
            assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause()
                    .isExactlyInstanceOf(TopicRouteNotFoundException.class).hasMessageContaining("create the topic first");
        }
    }

    @Test
    void oneNameServerThatDoesNotKnowTheTopicDoesNotHideTheRouteAnotherKnows() throws Exception {
        try (FakeServer empty = new FakeServer(FakeServer.answering(r -> knowsNoTopic(r, NO_BROKERS)));
             FakeServer full = new FakeServer(FakeServer.answering(TopicRouteCacheTest::route))) {
            for (int i = 0; i < 4; i++) { // the first name server asked is random: try a few caches
                TopicPublishInfo info = cache(empty, full).publishInfo("T").get(5, TimeUnit.SECONDS);
                assertThat(info.viaDefaultTopic()).isFalse();
                assertThat(info.queues()).hasSize(8);
            }
        }
    }

    @Test
    void unreachableNameServersAreATypedError() throws Exception {
        FakeServer nameServer = new FakeServer(FakeServer.answering(TopicRouteCacheTest::route));
        nameServer.close();
        CompletableFuture<TopicPublishInfo> future = cache(nameServer).publishInfo("T");
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(NameServerUnavailableException.class)
                .hasMessageContaining("no name server answered");
    }

    @Test
    void aTopicWithoutWritableQueuesIsATypedError() throws Exception {
        String readOnly = ROUTE.replace("\"perm\":6", "\"perm\":4");
        try (FakeServer nameServer = new FakeServer(FakeServer.answering(r -> success(r, readOnly)))) {
            CompletableFuture<TopicPublishInfo> future = cache(nameServer).publishInfo("T");
            assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(TopicNotWritableException.class)
                    .hasMessageContaining("no writable queue");
        }
    }
}
