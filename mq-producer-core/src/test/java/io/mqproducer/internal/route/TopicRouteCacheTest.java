package io.mqproducer.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.NameServerNotReadyException;
import io.mqproducer.error.NameServerUnavailableException;
import io.mqproducer.error.TopicNotWritableException;
import io.mqproducer.error.TopicRouteNotFoundException;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.transport.EmbeddedPeers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routes from scripted name servers on EmbeddedChannels (see EmbeddedPeers): no sockets, no waiting. */
class TopicRouteCacheTest {
    private static final String NAME_SERVER = "10.0.0.1:9876";
    private static final String OTHER_NAME_SERVER = "10.0.0.2:9876";

    private static final String ROUTE = "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"127.0.0.1:1\"},\"brokerName\":\"a\"}],"
            + "\"queueDatas\":[{\"brokerName\":\"a\",\"perm\":6,\"readQueueNums\":8,\"writeQueueNums\":8}]}";

    private final EmbeddedPeers peers = new EmbeddedPeers();
    private final List<String> announced = new CopyOnWriteArrayList<>();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final io.mqproducer.internal.log.OperatorLog operatorLog = new io.mqproducer.internal.log.OperatorLog(
            (warn, line) -> logged.add((warn ? "WARN " : "INFO ") + line), 30_000, System::currentTimeMillis);

    @AfterEach
    void close() {
        peers.close();
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

    private TopicRouteCache cache(String... nameServers) {
        return new TopicRouteCache(new NameServerClient(peers.client(), List.of(nameServers), 1000, 1000, operatorLog),
                announced::add, operatorLog);
    }

    private String nameServer(java.util.function.Function<RemotingCommand, RemotingCommand> answer) {
        return nameServer(NAME_SERVER, answer);
    }

    private String nameServer(String address, java.util.function.Function<RemotingCommand, RemotingCommand> answer) {
        return peers.peer(address, EmbeddedPeers.answering(answer));
    }

    private <T> T await(CompletableFuture<T> future) {
        return peers.await(future);
    }

    private <T> CompletableFuture<T> settled(CompletableFuture<T> future) {
        return peers.settled(future);
    }

    @Test
    void concurrentDemandFetchesOnceAndAnnouncesNewBrokersOnce() {
        AtomicInteger requests = new AtomicInteger();
        TopicRouteCache cache = cache(nameServer(r -> {
            requests.incrementAndGet();
            return route(r);
        }));
        List<CompletableFuture<TopicPublishInfo>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(cache.publishInfo("T"));
        }
        for (CompletableFuture<TopicPublishInfo> future : futures) {
            assertThat(await(future).queues()).hasSize(8);
        }
        assertThat(requests).hasValue(1);

        await(cache.refresh("T"));
        assertThat(requests).hasValue(2);
        assertThat(announced).containsExactly("127.0.0.1:1");
        assertThat(cache.brokerAddresses()).containsExactly("127.0.0.1:1");
    }

    @Test
    void refreshesOfOneTopicRunOneAtATime() {
        AtomicInteger requests = new AtomicInteger();
        TopicRouteCache cache = cache(nameServer(r -> {
            requests.incrementAndGet();
            return route(r);
        }));
        await(cache.publishInfo("T"));
        CompletableFuture<Void> first = cache.refresh("T");
        CompletableFuture<Void> second = cache.refresh("T");
        assertThat(second).as("joins the refresh under way").isSameAs(first);
        await(first);
        assertThat(requests).hasValue(2);
    }

    @Test
    void unknownTopicIsRoutedThroughTheTemplateTopic() {
        String nameServer = nameServer(r -> "TBW102".equals(r.extField("topic"))
                ? route(r) : RemotingCommand.responseTo(r, ResponseCode.TOPIC_NOT_EXIST, "no route"));
        TopicPublishInfo info = await(cache(nameServer).publishInfo("Fresh"));
        assertThat(info.viaDefaultTopic()).isTrue();
        assertThat(info.queues()).hasSize(4).allMatch(q -> q.topic().equals("Fresh"));
    }

    @Test
    void noRouteAndNoAutoCreateIsATypedError() {
        String nameServer = nameServer(r -> RemotingCommand.responseTo(r, ResponseCode.TOPIC_NOT_EXIST, "no route"));
        CompletableFuture<TopicPublishInfo> future = settled(cache(nameServer).publishInfo("Nowhere"));
        assertThatThrownBy(future::join).hasCauseInstanceOf(TopicRouteNotFoundException.class)
                .hasMessageContaining("auto-create is off");
    }

    @Test
    void cachedRouteOutlivesTheNameServersHoweverLong() {
        TopicRouteCache cache = cache(nameServer(TopicRouteCacheTest::route));
        TopicPublishInfo first = await(cache.publishInfo("T"));
        peers.down(NAME_SERVER);

        for (int i = 0; i < 5; i++) { // every scheduled refresh fails: the route stays
            await(cache.refresh("T"));
            assertThat(await(cache.publishInfo("T"))).as("still served from the cache").isSameAs(first);
        }
        assertThat(peers.connects(NAME_SERVER)).as("each refresh tried again").isEqualTo(6);
    }

    @Test
    void aRestartedNameServerThatDoesNotKnowTheTopicYetLeavesTheCachedRouteAlone() {
        AtomicReference<String> state = new AtomicReference<>("full");
        TopicRouteCache cache = cache(nameServer(r -> switch (state.get()) {
            case "full" -> route(r);
            // One broker with auto-create registered again: the template topic is known, the topic not yet.
            case "partly" -> "TBW102".equals(r.extField("topic")) ? route(r) : knowsNoTopic(r, ONE_BROKER);
            default -> knowsNoTopic(r, NO_BROKERS);
        }));
        TopicPublishInfo first = await(cache.publishInfo("T"));
        for (String restarted : List.of("empty", "partly")) {
            state.set(restarted);
            await(cache.refresh("T"));
            assertThat(await(cache.publishInfo("T"))).as(restarted).isSameAs(first);
        }
        assertThat(logged).containsExactly("WARN name servers no longer know topic T (restarted?); keeping its "
                + "cached route");
    }

    @Test
    void aChangedRouteIsLoggedOnceWithWhatChanged() {
        String twoBrokers = ROUTE.replace("\"brokerName\":\"a\"}]", "\"brokerName\":\"a\"},"
                + "{\"brokerAddrs\":{0:\"127.0.0.1:2\"},\"brokerName\":\"b\"}]")
                .replace("\"writeQueueNums\":8}]", "\"writeQueueNums\":8},{\"brokerName\":\"b\",\"perm\":6,"
                        + "\"writeQueueNums\":4}]");
        AtomicReference<String> current = new AtomicReference<>(ROUTE);
        TopicRouteCache cache = cache(nameServer(r -> success(r, current.get())));
        await(cache.publishInfo("T"));
        await(cache.refresh("T"));
        assertThat(logged).as("nothing changed").isEmpty();
        current.set(twoBrokers);
        await(cache.refresh("T"));
        assertThat(await(cache.publishInfo("T")).queues()).hasSize(12);
        assertThat(logged).containsExactly("INFO route of topic T changed: brokers added [b]; writable queues per "
                + "broker {a=8} -> {a=8, b=4}");
        assertThat(announced).containsExactly("127.0.0.1:1", "127.0.0.1:2");
    }

    @Test
    void nameServerFailoverAndOutageAreLogged() {
        String dead = OTHER_NAME_SERVER; // no peer: connections are refused
        String live = nameServer(TopicRouteCacheTest::route);
        TopicRouteCache cache = cache(dead, live);
        for (int i = 0; i < 3; i++) {
            await(cache.refresh("T"));
        }
        assertThat(await(cache.publishInfo("T")).queues()).hasSize(8);
        // Whether the dead one is asked first is random; if it is, the switch is logged once, and it is not asked again.
        assertThat(peers.connects(dead)).isLessThanOrEqualTo(1);
        assertThat(logged).hasSize(peers.connects(dead)).allMatch(line -> line.equals("WARN name server " + dead
                + " did not answer (connection refused); switching to " + live));

        logged.clear();
        TopicRouteCache alone = cache(dead);
        for (int i = 0; i < 3; i++) {
            await(alone.refresh("T"));
        }
        assertThat(logged).as("once, not per refresh").singleElement().asString()
                .startsWith("WARN no name server answered (tried [" + dead + "], last: connection refused)");
    }

    @Test
    void aSilentNameServerIsLeftForTheNextAtTheRequestTimeout() {
        String silent = peers.peer(OTHER_NAME_SERVER, EmbeddedPeers.silent());
        String live = nameServer(TopicRouteCacheTest::route);
        TopicRouteCache cache = new TopicRouteCache(new NameServerClient(peers.client(), List.of(silent, live), 1000,
                3000, operatorLog), announced::add, operatorLog);
        for (int i = 0; i < 2; i++) { // the first asked is random: after two fetches the silent one was asked once
            CompletableFuture<TopicPublishInfo> future = cache.publishInfo("T" + i);
            peers.runUntilIdle();
            if (!future.isDone()) {
                peers.advance(java.time.Duration.ofMillis(999));
                assertThat(future).as("waits for the silent one until its timeout").isNotDone();
                peers.advance(java.time.Duration.ofMillis(20));
            }
            assertThat(await(future).queues()).hasSize(8);
        }
        assertThat(logged).allMatch(line -> line.equals("WARN name server " + silent
                + " did not answer (timed out); switching to " + live));
    }

    @Test
    void anEmptyNameServerIsNotReportedAsAMissingTopic() {
        String nameServer = nameServer(r -> knowsNoTopic(r, NO_BROKERS));
        CompletableFuture<TopicPublishInfo> future = settled(cache(nameServer).publishInfo("Orders"));
        assertThatThrownBy(future::join).cause().isInstanceOf(NameServerNotReadyException.class)
                .hasMessageContaining("know no broker yet").hasMessageNotContaining("create the topic");
    }

    @Test
    void aMissingTopicOnNameServersThatKnowBrokersAdvisesCreatingIt() {
        String nameServer = nameServer(r -> knowsNoTopic(r, ONE_BROKER));
        CompletableFuture<TopicPublishInfo> future = settled(cache(nameServer).publishInfo("Orders"));
        assertThatThrownBy(future::join).cause()
                .isExactlyInstanceOf(TopicRouteNotFoundException.class).hasMessageContaining("create the topic first");
    }

    @Test
    void oneNameServerThatDoesNotKnowTheTopicDoesNotHideTheRouteAnotherKnows() {
        String empty = nameServer(OTHER_NAME_SERVER, r -> knowsNoTopic(r, NO_BROKERS));
        String full = nameServer(TopicRouteCacheTest::route);
        for (int i = 0; i < 8; i++) { // the first name server asked is random: try a few caches
            TopicPublishInfo info = await(cache(empty, full).publishInfo("T"));
            assertThat(info.viaDefaultTopic()).isFalse();
            assertThat(info.queues()).hasSize(8);
        }
    }

    @Test
    void unreachableNameServersAreATypedError() {
        CompletableFuture<TopicPublishInfo> future = settled(cache(NAME_SERVER).publishInfo("T"));
        assertThatThrownBy(future::join).cause().isInstanceOf(NameServerUnavailableException.class)
                .hasMessageContaining("no name server answered");
    }

    @Test
    void aTopicWithoutWritableQueuesIsATypedError() {
        String readOnly = ROUTE.replace("\"perm\":6", "\"perm\":4");
        CompletableFuture<TopicPublishInfo> future = settled(cache(nameServer(r -> success(r, readOnly)))
                .publishInfo("T"));
        assertThatThrownBy(future::join).cause().isInstanceOf(TopicNotWritableException.class)
                .hasMessageContaining("no writable queue");
    }
}
