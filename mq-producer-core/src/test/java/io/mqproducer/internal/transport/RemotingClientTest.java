package io.mqproducer.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.ProtocolException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.internal.codec.FrameCodec;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.codec.RemotingCommand;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.testing.FakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemotingClientTest {
    private final RemotingClient client = new RemotingClient(1, Duration.ofSeconds(1), HeaderFormat.BINARY,
            InboundRequestHandler.UNSUPPORTED);

    @AfterEach
    void close() {
        client.close();
    }

    private RemotingCommand request() {
        return RemotingCommand.request(105, client.nextOpaque(), Map.of("topic", "T"), null);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        try {
            future.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] response(byte[] requestFrame, String remark) {
        RemotingCommand request = FrameCodec.decode(Unpooled.wrappedBuffer(requestFrame));
        return FakeServer.encode(RemotingCommand.responseTo(request, 0, remark));
    }

    @Test
    void silentServerTimesOutAtTheConfiguredTimeAndLeavesNoPendingEntry() throws Exception {
        try (FakeServer server = new FakeServer((in, out) -> {
            while (true) {
                FakeServer.readFrame(in); // accept, never answer
            }
        })) {
            long start = System.nanoTime();
            CompletableFuture<RemotingCommand> future = client.invoke(server.address(), request(), 300);
            Throwable failure = failureOf(future);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertThat(failure).isInstanceOf(RequestTimeoutException.class).hasMessageContaining("300 ms");
            assertThat(elapsed).isBetween(250L, 2000L);
            assertThat(client.pendingRequests()).isZero();
        }
    }

    @Test
    void responsesAreMatchedByOpaqueEvenOutOfOrder() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        try (FakeServer server = new FakeServer((in, out) -> {
            List<byte[]> frames = new ArrayList<>();
            frames.add(FakeServer.readFrame(in));
            frames.add(FakeServer.readFrame(in));
            Collections.reverse(frames);
            for (byte[] frame : frames) {
                out.write(response(frame, "answer"));
            }
            out.flush();
            both.countDown();
            in.read();
        })) {
            RemotingCommand first = request();
            RemotingCommand second = request();
            CompletableFuture<RemotingCommand> a = client.invoke(server.address(), first, 5000);
            CompletableFuture<RemotingCommand> b = client.invoke(server.address(), second, 5000);
            assertThat(a.get(5, TimeUnit.SECONDS).opaque()).isEqualTo(first.opaque());
            assertThat(b.get(5, TimeUnit.SECONDS).opaque()).isEqualTo(second.opaque());
            assertThat(client.connectionCount()).as("one channel per address").isEqualTo(1);
            assertThat(client.pendingRequests()).isZero();
        }
    }

    @Test
    void goAwayFromAShuttingDownProxySendsTheRequestOnceMoreOnANewConnection() throws Exception {
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        try (FakeServer server = new FakeServer((in, out) -> {
            boolean first = connections.incrementAndGet() == 1;
            while (true) {
                RemotingCommand request = FrameCodec.decode(Unpooled.wrappedBuffer(FakeServer.readFrame(in)));
                out.write(FakeServer.encode(RemotingCommand.responseTo(request,
                        first ? ResponseCode.GO_AWAY : 0, first ? "going away" : "served")));
                out.flush();
            }
        })) {
            RemotingCommand answer = client.invoke(server.address(), request(), 5000).get(5, TimeUnit.SECONDS);
            assertThat(answer.code()).isZero();
            assertThat(answer.remark()).isEqualTo("served");
            assertThat(connections).as("the request went again on a second connection").hasValue(2);
            RemotingCommand next = client.invoke(server.address(), request(), 5000).get(5, TimeUnit.SECONDS);
            assertThat(next.remark()).as("later requests use the new connection").isEqualTo("served");
            assertThat(connections).hasValue(2);
        }
    }

    @Test
    void goAwayTwiceFailsTheRequestAsUnavailable() throws Exception {
        try (FakeServer server = new FakeServer(FakeServer.answering(request ->
                RemotingCommand.responseTo(request, ResponseCode.GO_AWAY, "going away")))) {
            Throwable failure = failureOf(client.invoke(server.address(), request(), 5000));
            assertThat(failure).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("GO_AWAY");
            assertThat(client.pendingRequests()).isZero();
        }
    }

    @Test
    void garbageFromTheServerIsAProtocolError() throws Exception {
        try (FakeServer server = new FakeServer((in, out) -> {
            FakeServer.readFrame(in);
            out.write(new byte[] {0, 0, 0, 8, 9, 0, 0, 0, 1, 2, 3, 4}); // serialize type 9
            out.flush();
            in.read();
        })) {
            Throwable failure = failureOf(client.invoke(server.address(), request(), 5000));
            assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("malformed");
            assertThat(client.pendingRequests()).isZero();
        }
    }

    @Test
    void hugeFrameLengthIsAProtocolError() throws Exception {
        try (FakeServer server = new FakeServer((in, out) -> {
            FakeServer.readFrame(in);
            out.write(new byte[] {0x7f, 0, 0, 0, 0, 0, 0, 0});
            out.flush();
            in.read();
        })) {
            assertThat(failureOf(client.invoke(server.address(), request(), 5000))).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void serverClosingMidFrameFailsThePendingRequest() throws Exception {
        try (FakeServer server = new FakeServer((in, out) -> {
            FakeServer.readFrame(in);
            out.write(new byte[] {0, 0, 0, 100, 1, 0, 0});
            out.flush();
            out.close();
        })) {
            Throwable failure = failureOf(client.invoke(server.address(), request(), 5000));
            assertThat(failure).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void requestWaitingForAHangingConnectTimesOutAtItsOwnDeadline() throws Exception {
        // A listener whose accept queue is full drops further SYNs: our connect hangs, well past the request timeout.
        List<java.net.Socket> fillers = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             RemotingClient slowConnects = new RemotingClient(1, Duration.ofSeconds(10), HeaderFormat.BINARY,
                     InboundRequestHandler.UNSUPPORTED)) {
            java.net.InetSocketAddress address = new java.net.InetSocketAddress(listener.getInetAddress(),
                    listener.getLocalPort());
            boolean queueFull = false;
            for (int i = 0; i < 16 && !queueFull; i++) {
                java.net.Socket filler = new java.net.Socket();
                fillers.add(filler);
                try {
                    filler.connect(address, 200);
                } catch (java.net.SocketTimeoutException dropped) {
                    queueFull = true;
                }
            }
            assertThat(queueFull).as("the listener's accept queue filled up, so connects hang").isTrue();
            long start = System.nanoTime();
            Throwable failure = failureOf(slowConnects.invoke("127.0.0.1:" + listener.getLocalPort(),
                    RemotingCommand.request(105, slowConnects.nextOpaque(), Map.of(), null), 300));
            long elapsed = (System.nanoTime() - start) / 1_000_000;

            assertThat(failure).isInstanceOf(RequestTimeoutException.class).hasMessageContaining("300 ms");
            assertThat(elapsed).isBetween(250L, 2000L);
            assertThat(slowConnects.pendingRequests()).as("nothing left queued").isZero();
        } finally {
            for (java.net.Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void refusedConnectionIsBrokerUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Throwable failure = failureOf(client.invoke("127.0.0.1:" + port, request(), 5000));
        assertThat(failure).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("cannot connect");
        assertThat(client.pendingRequests()).isZero();
    }

    @Test
    void reconnectsAfterTheServerClosedTheChannel() throws Exception {
        try (FakeServer server = new FakeServer((in, out) -> {
            out.write(response(FakeServer.readFrame(in), "once"));
            out.flush();
            out.close(); // one answer per connection
        })) {
            for (int i = 0; i < 3; i++) {
                RemotingCommand answer = client.invoke(server.address(), request(), 5000).get(5, TimeUnit.SECONDS);
                assertThat(answer.remark()).isEqualTo("once");
                awaitNoConnection();
            }
        }
    }

    private void awaitNoConnection() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (client.connectionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(client.connectionCount()).isZero();
    }

    @Test
    void closingFailsInflightRequestsWithProducerClosed() throws Exception {
        try (FakeServer server = new FakeServer((in, out) -> {
            while (true) {
                FakeServer.readFrame(in);
            }
        })) {
            CompletableFuture<RemotingCommand> future = client.invoke(server.address(), request(), 10_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (client.connectionCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(50);
            client.close();
            assertThat(failureOf(future)).isInstanceOf(ProducerClosedException.class);
            assertThat(failureOf(client.invoke(server.address(), request(), 100))).isInstanceOf(ProducerClosedException.class);
        }
    }

    @Test
    void onewayCompletesOnceWritten() throws Exception {
        CompletableFuture<byte[]> received = new CompletableFuture<>();
        try (FakeServer server = new FakeServer((DataInputStream in, OutputStream out) -> {
            received.complete(FakeServer.readFrame(in));
            in.read();
        })) {
            client.invokeOneway(server.address(), request(), 5000).get(5, TimeUnit.SECONDS);
            RemotingCommand sent = FrameCodec.decode(Unpooled.wrappedBuffer(received.get(5, TimeUnit.SECONDS)));
            assertThat(sent.isOneway()).isTrue();
        }
    }
}
