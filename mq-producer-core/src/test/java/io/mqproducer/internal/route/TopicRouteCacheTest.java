package io.mqproducer.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.TopicRouteNotFoundException;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicRouteCacheTest {
    private static final String ROUTE = "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"127.0.0.1:1\"},\"brokerName\":\"a\"}],"
            + "\"queueDatas\":[{\"brokerName\":\"a\",\"perm\":6,\"readQueueNums\":8,\"writeQueueNums\":8}]}";

    private final RemotingClient client = new RemotingClient(1, Duration.ofSeconds(1), HeaderFormat.BINARY,
            InboundRequestHandler.UNSUPPORTED);
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> announced = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        client.close();
    }

    private static RemotingCommand route(RemotingCommand request) {
        return new RemotingCommand(ResponseCode.SUCCESS, RemotingCommand.FLAG_RESPONSE, request.opaque(), 1, "JAVA", null,
                Map.of(), ROUTE.getBytes(StandardCharsets.UTF_8));
    }

    private TopicRouteCache cache(FakeServer nameServer) {
        return new TopicRouteCache(new NameServerClient(client, List.of(nameServer.address()), 1000), announced::add,
                60_000, now::get);
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
    void cachedRouteOutlivesTheNameServerUntilItExpires() throws Exception {
        FakeServer nameServer = new FakeServer(FakeServer.answering(TopicRouteCacheTest::route));
        TopicRouteCache cache = cache(nameServer);
        TopicPublishInfo first = cache.publishInfo("T").get(5, TimeUnit.SECONDS);
        nameServer.close();

        cache.refresh("T");
        now.addAndGet(59_000);
        assertThat(cache.publishInfo("T").get(5, TimeUnit.SECONDS)).as("still served from the cache").isSameAs(first);

        now.addAndGet(2_000);
        CompletableFuture<TopicPublishInfo> expired = cache.publishInfo("T");
        assertThatThrownBy(() -> expired.get(5, TimeUnit.SECONDS)).hasMessageContaining("cached route of topic T expired")
                .hasMessageContaining("no name server answered");
    }
}
