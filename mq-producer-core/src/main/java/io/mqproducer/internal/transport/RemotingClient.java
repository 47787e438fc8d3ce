package io.mqproducer.internal.transport;

import io.mqproducer.Credentials;
import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.TlsException;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.internal.auth.RequestSigner;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.codec.RemotingCommand;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.Timer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends remoting requests over one lazily created, reused Netty channel per address. Every request gets a
 * timeout on a wheel timer; the returned future completes exactly once with the response or a typed error.
 */
public final class RemotingClient implements AutoCloseable {
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final Timer timer;
    private final HeaderFormat headerFormat;
    private final InboundRequestHandler inboundRequests;
    private final Credentials credentials;
    private final TlsSettings tls;
    private final ConcurrentHashMap<String, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger opaques = new AtomicInteger();
    private volatile boolean closed;

    public RemotingClient(int ioThreads, Duration connectTimeout, HeaderFormat headerFormat,
                          InboundRequestHandler inboundRequests) {
        this(ioThreads, connectTimeout, headerFormat, inboundRequests, null, null);
    }

    /**
     * A client that signs every request with {@code credentials} (null: no signing) and secures connections
     * with {@code tls} (null: plain TCP).
     */
    public RemotingClient(int ioThreads, Duration connectTimeout, HeaderFormat headerFormat,
                          InboundRequestHandler inboundRequests, Credentials credentials, TlsSettings tls) {
        this.headerFormat = headerFormat;
        this.inboundRequests = inboundRequests;
        this.credentials = credentials;
        this.tls = tls;
        this.group = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("mq-producer-io", true));
        this.timer = SharedTimer.acquire();
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    }

    /** A fresh request id. */
    public int nextOpaque() {
        return opaques.incrementAndGet();
    }

    /** Sends {@code request} and completes with the peer's response, or fails after {@code timeoutMillis}. */
    public CompletableFuture<RemotingCommand> invoke(String address, RemotingCommand request, long timeoutMillis) {
        CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new ProducerClosedException("producer is closed"));
            return future;
        }
        Connection connection = connection(address);
        int opaque = request.opaque();
        Timeout timeout = timer.newTimeout(t -> connection.pending().fail(opaque, new RequestTimeoutException(
                "no answer from " + address + " within " + timeoutMillis + " ms (request code " + request.code() + ")")),
                Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
        connection.pending().add(opaque, future, timeout);
        write(connection, request, () -> { }, error -> connection.pending().fail(opaque, error));
        return future;
    }

    /** Sends {@code request} without waiting for an answer; completes once it is written to the socket. */
    public CompletableFuture<Void> invokeOneway(String address, RemotingCommand request, long timeoutMillis) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new ProducerClosedException("producer is closed"));
            return future;
        }
        Timeout timeout = timer.newTimeout(t -> future.completeExceptionally(new RequestTimeoutException(
                "could not write to " + address + " within " + timeoutMillis + " ms")), Math.max(1, timeoutMillis),
                TimeUnit.MILLISECONDS);
        future.whenComplete((ok, error) -> timeout.cancel());
        write(connection(address), request.asOneway(), () -> future.complete(null), future::completeExceptionally);
        return future;
    }

    /** Writes once the connection is up; reports a failed connect or write as a typed error. */
    private static void write(Connection connection, RemotingCommand command, Runnable onWritten,
                              java.util.function.Consumer<ProducerException> onFailure) {
        ChannelFuture connect = connection.connectFuture();
        if (connect.isDone()) {
            // The common case: connected long ago; skip registering a listener on the connect future.
            writeConnected(connection, connect, command, onWritten, onFailure);
        } else {
            connect.addListener(done -> writeConnected(connection, connect, command, onWritten, onFailure));
        }
    }

    private static void writeConnected(Connection connection, ChannelFuture connect, RemotingCommand command,
                                       Runnable onWritten, java.util.function.Consumer<ProducerException> onFailure) {
        if (!connect.isSuccess()) {
            onFailure.accept(connectFailure(connection.address(), connect.cause()));
            return;
        }
        connection.channel().writeAndFlush(command).addListener(written -> {
            if (written.isSuccess()) {
                onWritten.run();
            } else {
                onFailure.accept(writeFailure(connection.address(), written.cause()));
            }
        });
    }

    /** Number of requests awaiting an answer, over all connections (for tests and metrics). */
    public int pendingRequests() {
        return connections.values().stream().mapToInt(c -> c.pending().size()).sum();
    }

    /** Number of open or opening connections. */
    public int connectionCount() {
        return (int) connections.values().stream().filter(Connection::isUsable).count();
    }

    private Connection connection(String address) {
        Connection existing = connections.get(address);
        if (existing != null && existing.isUsable()) {
            return existing;
        }
        return connections.compute(address, (key, current) ->
                current != null && current.isUsable() ? current : connect(key));
    }

    private Connection connect(String address) {
        PendingRequests pending = new PendingRequests();
        InetSocketAddress remote = socketAddress(address);
        Bootstrap perAddress = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                if (tls != null) {
                    channel.pipeline().addLast(new SslHandler(tls.newEngine(remote.getHostString(), remote.getPort())));
                }
                channel.pipeline().addLast(
                        new RemotingFrameEncoder(headerFormat,
                                credentials == null ? null : new RequestSigner(credentials)),
                        new RemotingFrameDecoder(),
                        new ResponseDispatchHandler(address, pending, inboundRequests, () -> closed));
            }
        });
        ChannelFuture connectFuture = perAddress.connect(remote);
        Connection connection = new Connection(address, connectFuture, pending);
        connectFuture.channel().closeFuture().addListener(f -> connections.remove(address, connection));
        return connection;
    }

    private static InetSocketAddress socketAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new BrokerUnavailableException("address '" + address + "' is not host:port");
        }
        try {
            return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new BrokerUnavailableException("address '" + address + "' is not host:port", e);
        }
    }

    private static ProducerException writeFailure(String address, Throwable cause) {
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (current instanceof javax.net.ssl.SSLException) {
                return new TlsException("TLS connection to " + address + " failed: " + current.getMessage(), cause);
            }
        }
        return new BrokerUnavailableException("cannot write to " + address + ": " + cause, cause);
    }

    private static BrokerUnavailableException connectFailure(String address, Throwable cause) {
        return new BrokerUnavailableException("cannot connect to " + address + ": "
                + (cause == null ? "unknown" : cause.getMessage()), cause);
    }

    /** Closes every connection (pending requests fail with ProducerClosedException) and stops the threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connections.values().forEach(Connection::close);
        for (Connection connection : connections.values()) {
            connection.channel().closeFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        connections.clear();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        SharedTimer.release();
    }
}
