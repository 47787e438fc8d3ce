package io.mqproducer.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.ProtocolException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.ResponseCode;
import io.netty.channel.ConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's request lifecycle against scripted peers on EmbeddedChannels, with a clock that moves only when the
 * test moves it. RemotingClientIT covers what needs real sockets (connects that are refused or hang).
 */
class RemotingClientTest {
    private static final String BROKER = "10.0.0.1:10911";

    private final EmbeddedPeers peers = new EmbeddedPeers();
    private final RemotingClient client = peers.client();

    @AfterEach
    void close() {
        peers.close();
    }

    private RemotingCommand request() {
        return RemotingCommand.request(105, client.nextOpaque(), Map.of("topic", "T"), null);
    }

    private Throwable failureOf(CompletableFuture<?> future) {
        CompletableFuture<?> settled = peers.settled(future);
        assertThat(settled).isCompletedExceptionally();
        try {
            settled.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void silentPeerTimesOutAtTheConfiguredTimeAndLeavesNoPendingEntry() {
        peers.peer(BROKER, EmbeddedPeers.silent());
        CompletableFuture<RemotingCommand> future = client.invoke(BROKER, request(), 300);
        peers.runUntilIdle();
        assertThat(client.pendingRequests()).isEqualTo(1);

        peers.advance(Duration.ofMillis(299));
        assertThat(future).as("not before its deadline").isNotDone();
        peers.advance(Duration.ofMillis(Connection.SWEEP_INTERVAL_MILLIS));

        assertThat(failureOf(future)).isInstanceOf(RequestTimeoutException.class)
                .hasMessage("no answer from " + BROKER + " within 300 ms (request code 105)");
        assertThat(client.pendingRequests()).isZero();
    }

    @Test
    void responsesAreMatchedByOpaqueEvenOutOfOrder() {
        List<EmbeddedPeers.Link> links = new ArrayList<>();
        List<RemotingCommand> received = new ArrayList<>();
        peers.peer(BROKER, (link, request) -> {
            links.add(link);
            received.add(request);
            if (received.size() == 2) {
                link.answer(RemotingCommand.responseTo(received.get(1), 0, "second"));
                link.answer(RemotingCommand.responseTo(received.get(0), 0, "first"));
            }
        });
        RemotingCommand first = request();
        RemotingCommand second = request();
        CompletableFuture<RemotingCommand> a = client.invoke(BROKER, first, 5000);
        CompletableFuture<RemotingCommand> b = client.invoke(BROKER, second, 5000);

        assertThat(peers.await(a).remark()).isEqualTo("first");
        assertThat(peers.await(b).remark()).isEqualTo("second");
        assertThat(peers.await(a).opaque()).isEqualTo(first.opaque());
        assertThat(links).as("one channel per address").allMatch(link -> link == links.get(0));
        assertThat(peers.connects(BROKER)).isEqualTo(1);
        assertThat(client.connectionCount()).isEqualTo(1);
        assertThat(client.pendingRequests()).isZero();
    }

    @Test
    void goAwayFromAShuttingDownProxySendsTheRequestOnceMoreOnANewConnection() {
        peers.peer(BROKER, (link, request) -> link.answer(RemotingCommand.responseTo(request,
                link.number() == 1 ? ResponseCode.GO_AWAY : 0, link.number() == 1 ? "going away" : "served")));

        RemotingCommand answer = peers.await(client.invoke(BROKER, request(), 5000));
        assertThat(answer.code()).isZero();
        assertThat(answer.remark()).isEqualTo("served");
        assertThat(peers.connects(BROKER)).as("the request went again on a second connection").isEqualTo(2);

        RemotingCommand next = peers.await(client.invoke(BROKER, request(), 5000));
        assertThat(next.remark()).as("later requests use the new connection").isEqualTo("served");
        assertThat(peers.connects(BROKER)).isEqualTo(2);
    }

    @Test
    void goAwayAfterTheDeadlinePassedFailsAsATimeoutWithoutAnotherConnection() {
        List<EmbeddedPeers.Link> links = new ArrayList<>();
        List<RemotingCommand> requests = new ArrayList<>();
        peers.peer(BROKER, (link, request) -> {
            links.add(link);
            requests.add(request);
        });
        CompletableFuture<RemotingCommand> future = client.invoke(BROKER, request(), 300);
        peers.runUntilIdle();
        peers.advance(Duration.ofNanos(299_500_000)); // no sweep has expired it yet; GO_AWAY comes with 0 ms left
        assertThat(future).isNotDone();
        links.get(0).answer(RemotingCommand.responseTo(requests.get(0), ResponseCode.GO_AWAY, "going away"));

        assertThat(failureOf(future)).isInstanceOf(RequestTimeoutException.class);
        assertThat(peers.connects(BROKER)).isEqualTo(1);
    }

    @Test
    void goAwayTwiceFailsTheRequestAsUnavailable() {
        peers.peer(BROKER, EmbeddedPeers.answering(request ->
                RemotingCommand.responseTo(request, ResponseCode.GO_AWAY, "going away")));
        Throwable failure = failureOf(client.invoke(BROKER, request(), 5000));
        assertThat(failure).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("GO_AWAY");
        assertThat(peers.connects(BROKER)).isEqualTo(2);
        assertThat(client.pendingRequests()).isZero();
    }

    @Test
    void garbageFromThePeerIsAProtocolError() {
        peers.peer(BROKER, (link, request) -> link.sendBytes(new byte[] {0, 0, 0, 8, 9, 0, 0, 0, 1, 2, 3, 4}));
        Throwable failure = failureOf(client.invoke(BROKER, request(), 5000));
        assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("malformed");
        assertThat(client.pendingRequests()).isZero();
        assertThat(client.connectionCount()).as("the connection is dropped").isZero();
    }

    @Test
    void hugeFrameLengthIsAProtocolError() {
        peers.peer(BROKER, (link, request) -> link.sendBytes(new byte[] {0x7f, 0, 0, 0, 0, 0, 0, 0}));
        assertThat(failureOf(client.invoke(BROKER, request(), 5000))).isInstanceOf(ProtocolException.class);
    }

    @Test
    void peerClosingMidFrameFailsThePendingRequest() {
        peers.peer(BROKER, (link, request) -> {
            link.sendBytes(new byte[] {0, 0, 0, 100, 1, 0, 0});
            link.close();
        });
        Throwable failure = failureOf(client.invoke(BROKER, request(), 5000));
        assertThat(failure).isInstanceOf(BrokerUnavailableException.class)
                .hasMessage("connection to " + BROKER + " closed before the answer arrived");
    }

    @Test
    void refusedConnectionIsBrokerUnavailable() {
        Throwable failure = failureOf(client.invoke(BROKER, request(), 5000));
        assertThat(failure).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageStartingWith("cannot connect to " + BROKER);
        assertThat(FailureReasons.describe(failure)).isEqualTo("connection refused");
        assertThat(client.pendingRequests()).isZero();
        assertThat(client.connectionCount()).isZero();
    }

    @Test
    void requestWaitingForAHangingConnectTimesOutAtItsOwnDeadline() {
        peers.hangConnects(BROKER);
        CompletableFuture<RemotingCommand> future = client.invoke(BROKER, request(), 300);
        peers.advance(Duration.ofMillis(299));
        assertThat(future).isNotDone();
        assertThat(client.pendingRequests()).as("queued behind the connect").isEqualTo(1);
        peers.advance(Duration.ofMillis(Connection.SWEEP_INTERVAL_MILLIS));

        assertThat(failureOf(future)).isInstanceOf(RequestTimeoutException.class).hasMessageContaining("300 ms");
        assertThat(client.pendingRequests()).as("nothing left queued").isZero();
    }

    @Test
    void requestsQueuedBehindAConnectThatFailsFailAsUnavailable() {
        peers.hangConnects(BROKER);
        CompletableFuture<RemotingCommand> future = client.invoke(BROKER, request(), 10_000);
        peers.advance(Duration.ofMillis(100));
        peers.failHangingConnects(BROKER, new ConnectTimeoutException("connection timed out after 3000 ms"));

        Throwable failure = failureOf(future);
        assertThat(failure).isInstanceOf(BrokerUnavailableException.class).hasMessageStartingWith("cannot connect");
        assertThat(FailureReasons.describe(failure)).isEqualTo("timed out");
        assertThat(client.connectionCount()).isZero();
    }

    @Test
    void reconnectsAfterThePeerClosedTheChannel() {
        peers.peer(BROKER, (link, request) -> {
            link.answer(RemotingCommand.responseTo(request, 0, "once"));
            link.close(); // one answer per connection
        });
        for (int i = 1; i <= 3; i++) {
            assertThat(peers.await(client.invoke(BROKER, request(), 5000)).remark()).isEqualTo("once");
            assertThat(client.connectionCount()).isZero();
            assertThat(peers.connects(BROKER)).isEqualTo(i);
        }
    }

    @Test
    void closingFailsInflightRequestsWithProducerClosed() {
        peers.peer(BROKER, EmbeddedPeers.silent());
        CompletableFuture<RemotingCommand> future = client.invoke(BROKER, request(), 10_000);
        peers.runUntilIdle();
        assertThat(client.pendingRequests()).isEqualTo(1);

        client.close();

        assertThat(failureOf(future)).isInstanceOf(ProducerClosedException.class);
        assertThat(failureOf(client.invoke(BROKER, request(), 100))).isInstanceOf(ProducerClosedException.class);
    }

    @Test
    void onewayCompletesOnceWrittenAndIsMarkedOneway() {
        List<RemotingCommand> received = new ArrayList<>();
        peers.peer(BROKER, (link, request) -> received.add(request));
        CompletableFuture<Void> written = client.invokeOneway(BROKER, request(), 5000);

        assertThat(peers.settled(written)).isCompletedWithValue(null);
        assertThat(received).singleElement().matches(RemotingCommand::isOneway);
        assertThat(client.pendingRequests()).isZero();
    }

    @Test
    void addressesThatAreNotHostAndPortFailBeforeTheWire() {
        assertThat(failureOf(client.invoke("no-port", request(), 5000))).isInstanceOf(BrokerUnavailableException.class)
                .hasMessage("address 'no-port' is not host:port");
        assertThat(failureOf(client.invoke("host:port", request(), 5000))).isInstanceOf(BrokerUnavailableException.class);
        assertThat(peers.connects("no-port")).isZero();
    }
}
