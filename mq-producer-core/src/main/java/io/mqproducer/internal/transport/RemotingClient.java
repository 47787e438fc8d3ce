package io.mqproducer.internal.transport;

import io.mqproducer.Credentials;
import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.internal.auth.RequestSigner;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.codec.RemotingCommand;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends remoting requests over one lazily created, reused Netty channel per address. Every request ends exactly
 * once, with the response or a typed error, at the latest shortly after its timeout.
 */
public final class RemotingClient implements AutoCloseable {
    /** The event loops to stop on close: null when they are shared (their owner stops them) or a test's. */
    private final EventLoops ownedLoops;
    private final ChannelOpener opener;
    private final HeaderFormat headerFormat;
    private final InboundRequestHandler inboundRequests;
    private final Credentials credentials;
    private final TlsSettings tls;
    private final ConcurrentHashMap<String, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger opaques = new AtomicInteger();
    private volatile Connection lastUsed;
    private volatile boolean closed;

    /**
     * A client that signs every request with {@code credentials} (null: no signing) and secures connections
     * with {@code tls} (null: plain TCP).
     */
    public RemotingClient(int ioThreads, Duration connectTimeout, HeaderFormat headerFormat,
                          InboundRequestHandler inboundRequests, Credentials credentials, TlsSettings tls) {
        this(EventLoops.create(ioThreads), true, connectTimeout, headerFormat, inboundRequests, credentials, tls);
    }

    /**
     * A client on {@code loops}; it shuts them down on {@link #close()} only if {@code ownsLoops} (shared loops
     * are their owner's to stop).
     */
    public RemotingClient(EventLoops loops, boolean ownsLoops, Duration connectTimeout, HeaderFormat headerFormat,
                          InboundRequestHandler inboundRequests, Credentials credentials, TlsSettings tls) {
        this.ownedLoops = ownsLoops ? loops : null;
        Bootstrap bootstrap = new Bootstrap().group(loops.group()).channel(loops.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        this.opener = (remote, initializer) -> bootstrap.clone().handler(initializer).connect(remote);
        this.headerFormat = headerFormat;
        this.inboundRequests = inboundRequests;
        this.credentials = credentials;
        this.tls = tls;
    }

    /**
     * A client whose channels {@code opener} opens, on event loops the opener owns: closing the client closes the
     * channels only. Tests open EmbeddedChannels here, so no socket or thread is involved.
     */
    RemotingClient(ChannelOpener opener, HeaderFormat headerFormat, InboundRequestHandler inboundRequests) {
        this.ownedLoops = null;
        this.opener = opener;
        this.headerFormat = headerFormat;
        this.inboundRequests = inboundRequests;
        this.credentials = null;
        this.tls = null;
    }

    /** Opens the channel to one address with the given initializer; the seam between the client and its sockets. */
    @FunctionalInterface
    interface ChannelOpener {
        ChannelFuture open(InetSocketAddress remote, ChannelHandler initializer);
    }

    /** A fresh request id. */
    public int nextOpaque() {
        return opaques.incrementAndGet();
    }

    /** Sends {@code request} and completes with the peer's response, or fails after {@code timeoutMillis}. */
    public CompletableFuture<RemotingCommand> invoke(String address, RemotingCommand request, long timeoutMillis) {
        CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
        invoke(address, request, timeoutMillis, new FutureCallback<>(future));
        return future;
    }

    /**
     * Sends {@code request}; {@code callback} hears of the response, or of the failure after at most
     * {@code timeoutMillis}. The allocation-lean form for the send path.
     */
    public void invoke(String address, RemotingCommand request, long timeoutMillis, ResponseCallback callback) {
        send(address, request, timeoutMillis, callback, false);
    }

    private void send(String address, RemotingCommand request, long timeoutMillis, ResponseCallback callback,
                      boolean afterGoAway) {
        if (closed) {
            callback.onFailure(new ProducerClosedException("producer is closed"));
            return;
        }
        Connection connection;
        try {
            connection = connection(address);
        } catch (ProducerException e) {
            callback.onFailure(e);
            return;
        }
        connection.send(new OutboundRequest(connection, request, timeoutMillis, callback, afterGoAway));
    }

    /** Sends {@code request} without waiting for an answer; completes once it is written to the socket. */
    public CompletableFuture<Void> invokeOneway(String address, RemotingCommand request, long timeoutMillis) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        invoke(address, request.asOneway(), timeoutMillis, new FutureCallback<>(future));
        return future;
    }

    /** Completes a future with the outcome (a oneway request completes it with null). */
    private record FutureCallback<T>(CompletableFuture<T> future) implements ResponseCallback {
        @Override
        @SuppressWarnings("unchecked")
        public void onResponse(RemotingCommand response) {
            future.complete((T) response);
        }

        @Override
        public void onFailure(ProducerException failure) {
            future.completeExceptionally(failure);
        }
    }

    /** Number of requests queued or awaiting an answer, over all connections. */
    int pendingRequests() {
        return connections.values().stream().mapToInt(Connection::outstanding).sum();
    }

    /** Number of open or opening connections. */
    int connectionCount() {
        return (int) connections.values().stream().filter(Connection::isUsable).count();
    }

    /**
     * A RocketMQ 5 proxy that is shutting down answers GO_AWAY instead of serving the request: its connection takes
     * no more requests and the request goes once more on a new connection (behind a load balancer, to another
     * proxy), within its own deadline. A second GO_AWAY fails it as unavailable, for the send's retry to handle.
     */
    private void sendAgainAfterGoAway(String address, OutboundRequest request) {
        request.connection().retire();
        if (request.afterGoAway) {
            request.fail(new BrokerUnavailableException(address + " is shutting down: it answered GO_AWAY on a new "
                    + "connection too"));
            return;
        }
        long remaining = request.remainingMillis();
        if (remaining <= 0) {
            request.fail(request.timeoutError());
            return;
        }
        send(address, request.command, remaining, request.callback(), true);
    }

    private Connection connection(String address) {
        Connection last = lastUsed;
        if (last != null && last.address().equals(address) && last.isUsable()) {
            return last; // most sends go to the broker the previous one went to: skip the map lookup
        }
        Connection existing = connections.get(address);
        if (existing == null || !existing.isUsable()) {
            existing = connections.compute(address, (key, current) ->
                    current != null && current.isUsable() ? current : connect(key));
        }
        lastUsed = existing;
        return existing;
    }

    private Connection connect(String address) {
        PendingRequests pending = new PendingRequests();
        InetSocketAddress remote = socketAddress(address);
        ChannelHandler initializer = new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                if (tls != null) {
                    channel.pipeline().addLast(new SslHandler(tls.newEngine(remote.getHostString(), remote.getPort())));
                }
                channel.pipeline().addLast(
                        new RemotingFrameEncoder(headerFormat,
                                credentials == null ? null : new RequestSigner(credentials)),
                        new RemotingFrameDecoder(),
                        new ResponseDispatchHandler(address, pending, inboundRequests, () -> closed,
                                request -> sendAgainAfterGoAway(address, request)));
            }
        };
        ChannelFuture connectFuture = opener.open(remote, initializer);
        Connection connection = new Connection(address, connectFuture, pending);
        connectFuture.channel().closeFuture().addListener(f -> connections.remove(address, connection));
        return connection;
    }

    private static InetSocketAddress socketAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new BrokerUnavailableException("address '" + address + "' is not host:port");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 literal, [::1]:9876
        }
        try {
            return new InetSocketAddress(host, Integer.parseInt(address.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new BrokerUnavailableException("address '" + address + "' is not host:port", e);
        }
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
        if (ownedLoops != null) {
            ownedLoops.shutdown();
        }
    }
}
