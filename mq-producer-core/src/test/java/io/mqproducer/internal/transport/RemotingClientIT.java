package io.mqproducer.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.internal.codec.FrameCodec;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.testing.FakeServer;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What only real sockets show (RemotingClientTest covers the request lifecycle on EmbeddedChannels): frames cross
 * TCP whole on NIO and, in the native run, on epoll; the kernel refuses a connect; a connect hangs in a full accept
 * queue while the request's own deadline still holds.
 */
class RemotingClientIT {
    private final RemotingClient client = new RemotingClient(1, Duration.ofSeconds(10), HeaderFormat.BINARY,
            InboundRequestHandler.UNSUPPORTED, null, null);

    @AfterEach
    void close() {
        client.close();
    }

    private RemotingCommand request() {
        return RemotingCommand.request(105, client.nextOpaque(), Map.of("topic", "T"), null);
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("did not fail");
    }

    @Test
    void answersOutOfOrderOverOneSocketReachTheirRequests() throws Exception {
        try (FakeServer server = new FakeServer((in, out) -> {
            List<byte[]> frames = new ArrayList<>(List.of(FakeServer.readFrame(in), FakeServer.readFrame(in)));
            Collections.reverse(frames);
            for (byte[] frame : frames) {
                RemotingCommand request = FrameCodec.decode(Unpooled.wrappedBuffer(frame));
                out.write(FakeServer.encode(RemotingCommand.responseTo(request, 0, "to " + request.opaque())));
            }
            out.flush();
            in.read();
        })) {
            RemotingCommand first = request();
            RemotingCommand second = request();
            CompletableFuture<RemotingCommand> a = client.invoke(server.address(), first, 5000);
            CompletableFuture<RemotingCommand> b = client.invoke(server.address(), second, 5000);
            assertThat(a.get(5, TimeUnit.SECONDS).remark()).isEqualTo("to " + first.opaque());
            assertThat(b.get(5, TimeUnit.SECONDS).remark()).isEqualTo("to " + second.opaque());
            assertThat(client.connectionCount()).isEqualTo(1);
            assertThat(client.pendingRequests()).isZero();
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
        assertThat(FailureReasons.describe(failure)).isEqualTo("connection refused");
        assertThat(client.pendingRequests()).isZero();
    }

    @Test
    void requestWaitingForAHangingConnectTimesOutAtItsOwnDeadline() throws Exception {
        // A listener whose accept queue is full drops further SYNs: the connect hangs well past the request timeout.
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
            boolean queueFull = false;
            for (int i = 0; i < 16 && !queueFull; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(address, 200);
                } catch (SocketTimeoutException dropped) {
                    queueFull = true;
                }
            }
            assertThat(queueFull).as("the listener's accept queue filled up, so connects hang").isTrue();

            CompletableFuture<RemotingCommand> future = client.invoke("127.0.0.1:" + listener.getLocalPort(),
                    request(), 300);
            assertThatThrownBy(() -> future.get(200, TimeUnit.MILLISECONDS)).as("not before its deadline")
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(failureOf(future)).as("long before the 10 s connect timeout")
                    .isInstanceOf(RequestTimeoutException.class).hasMessageContaining("300 ms");
            assertThat(client.pendingRequests()).as("nothing left queued").isZero();
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }
}
