package io.mqproducer.internal.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Netty event loops and the channel type that goes with them (native epoll or NIO, see {@link NettyTransport}).
 * One producer owns its own; producers that share resources share one instance, and its owner shuts it down.
 */
public final class EventLoops {
    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final int threads;

    private EventLoops(EventLoopGroup group, Class<? extends SocketChannel> channelType, int threads) {
        this.group = group;
        this.channelType = channelType;
        this.threads = threads;
    }

    /** {@code threads} event loops on the best transport this JVM offers, named {@code mq-producer-io-*}. */
    public static EventLoops create(int threads) {
        NettyTransport transport = NettyTransport.detect();
        return new EventLoops(transport.newGroup(threads, "mq-producer-io"), transport.channelType(), threads);
    }

    EventLoopGroup group() {
        return group;
    }

    Class<? extends SocketChannel> channelType() {
        return channelType;
    }

    /** How many event-loop threads there are. */
    public int threads() {
        return threads;
    }

    /** Stops the threads, waiting up to a few seconds. */
    public void shutdown() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
