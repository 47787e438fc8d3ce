package io.mqproducer.internal.transport;

import io.mqproducer.internal.codec.FrameCodec;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.codec.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Peers of a {@link RemotingClient} without sockets or threads: every connection the client opens is an
 * EmbeddedChannel whose frames a scripted peer answers on the test's thread, and time moves only when the test
 * advances it. Nothing runs unless the test pumps ({@link #runUntilIdle()}, {@link #await}), so the outcome of a
 * test does not depend on scheduling. Public for the tests of other internal packages (routes).
 */
public final class EmbeddedPeers implements AutoCloseable {

    /** What a peer does with the frames the client writes to it. */
    public interface Peer {
        void received(Link link, RemotingCommand request);
    }

    /** One connection, as its peer sees it. */
    public static final class Link {
        private final String address;
        private final EmbeddedChannel channel;
        private final Peer peer;
        private final int number;
        private final ByteBuf unread = Unpooled.buffer();

        private Link(String address, EmbeddedChannel channel, Peer peer, int number) {
            this.address = address;
            this.channel = channel;
            this.peer = peer;
            this.number = number;
        }

        /** 1 for the first connection to this peer's address, 2 for the next, ... */
        public int number() {
            return number;
        }

        public void answer(RemotingCommand response) {
            ByteBuf frame = Unpooled.buffer();
            FrameCodec.encode(response, HeaderFormat.BINARY, frame);
            channel.writeInbound(frame);
        }

        public void sendBytes(byte[] bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        }

        /** The peer closes the connection. */
        public void close() {
            channel.close();
        }

        public boolean isOpen() {
            return channel.isOpen();
        }

        /** Hands complete frames the client wrote to the peer; whether anything was written. */
        private boolean deliver() {
            boolean progress = false;
            ByteBuf written;
            while ((written = channel.readOutbound()) != null) {
                unread.writeBytes(written);
                written.release();
                progress = true;
            }
            while (unread.readableBytes() >= 4 && unread.readableBytes() >= 4 + unread.getInt(unread.readerIndex())) {
                int length = unread.readInt();
                ByteBuf frame = unread.readRetainedSlice(length);
                RemotingCommand request;
                try {
                    request = FrameCodec.decode(frame);
                } finally {
                    frame.release();
                }
                peer.received(this, request);
            }
            unread.discardReadBytes();
            return progress;
        }
    }

    private final MockTicker clock = Ticker.newMockTicker();
    private final Map<String, Peer> peers = new HashMap<>();
    private final Map<String, Integer> connects = new HashMap<>();
    private final Map<String, List<ChannelPromise>> hangingConnects = new HashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final List<EmbeddedChannel> pendingCloses = new ArrayList<>();
    private final RemotingClient client;

    public EmbeddedPeers() {
        client = new RemotingClient(this::open, HeaderFormat.BINARY, InboundRequestHandler.UNSUPPORTED);
    }

    /** A peer that answers each request with what {@code answer} returns (null: no answer). */
    public static Peer answering(Function<RemotingCommand, RemotingCommand> answer) {
        return (link, request) -> {
            RemotingCommand response = answer.apply(request);
            if (response != null) {
                link.answer(response);
            }
        };
    }

    /** A peer that reads every request and never answers. */
    public static Peer silent() {
        return (link, request) -> { };
    }

    /** The client, whose connections go to the peers here. */
    public RemotingClient client() {
        return client;
    }

    /** Connections to {@code address} reach {@code peer}; an address without a peer refuses connections. */
    public String peer(String address, Peer peer) {
        peers.put(address, peer);
        return address;
    }

    /** The peer at {@code address} goes away: its connections close, new ones are refused. */
    public void down(String address) {
        peers.remove(address);
        for (Link link : List.copyOf(links)) {
            if (link.address.equals(address)) {
                link.close();
            }
        }
        runUntilIdle();
    }

    /** Connections to {@code address} hang until {@link #failHangingConnects} (or forever). */
    public String hangConnects(String address) {
        hangingConnects.put(address, new ArrayList<>());
        return address;
    }

    /** The connects hanging on {@code address} fail as Netty's connect timeout would. */
    public void failHangingConnects(String address, Throwable cause) {
        hangingConnects.getOrDefault(address, List.of()).forEach(promise -> promise.tryFailure(cause));
        runUntilIdle();
    }

    /** How many connections the client opened to {@code address}. */
    public int connects(String address) {
        return connects.getOrDefault(address, 0);
    }

    private ChannelFuture open(InetSocketAddress remote, ChannelHandler initializer) {
        String address = remote.getHostString() + ":" + remote.getPort();
        int number = connects.merge(address, 1, Integer::sum);
        EmbeddedChannel channel = EmbeddedChannel.builder().ticker(clock).handlers(initializer).build();
        channels.add(channel);
        List<ChannelPromise> hanging = hangingConnects.get(address);
        if (hanging != null) {
            ChannelPromise connect = channel.newPromise();
            hanging.add(connect);
            connect.addListener(done -> pendingCloses.add(channel));
            return connect;
        }
        Peer peer = peers.get(address);
        if (peer == null) {
            pendingCloses.add(channel); // Netty closes a channel whose connect failed, after the attempt
            return channel.newFailedFuture(new ConnectException("Connection refused: " + address));
        }
        links.add(new Link(address, channel, peer, number));
        return channel.newSucceededFuture();
    }

    /** Runs what the client and the peers have to do now, until neither has anything left. */
    public void runUntilIdle() {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (EmbeddedChannel closing : List.copyOf(pendingCloses)) {
                pendingCloses.remove(closing);
                closing.close();
                progress = true;
            }
            for (EmbeddedChannel channel : List.copyOf(channels)) {
                if (channel.hasPendingTasks()) {
                    channel.runPendingTasks();
                    progress = true;
                }
                channel.runScheduledPendingTasks();
                progress |= channel.hasPendingTasks();
                if (!channel.isOpen() && !channel.hasPendingTasks()) {
                    channels.remove(channel);
                }
            }
            for (Link link : List.copyOf(links)) {
                progress |= link.deliver();
                if (!link.channel.isOpen()) {
                    links.remove(link);
                    link.unread.release();
                    progress = true;
                }
            }
        }
    }

    /** Moves the clock on by {@code duration}, in steps, running whatever falls due on the way. */
    public void advance(Duration duration) {
        long left = duration.toNanos();
        long step = TimeUnit.MILLISECONDS.toNanos(1);
        while (left > 0) {
            long now = Math.min(step, left);
            clock.advance(now, TimeUnit.NANOSECONDS);
            left -= now;
            runUntilIdle();
        }
    }

    /** Runs until idle, then the outcome of {@code future}, which must have ended by then. */
    public <T> CompletableFuture<T> settled(CompletableFuture<T> future) {
        runUntilIdle();
        if (!future.isDone()) {
            throw new AssertionError("still pending once nothing was left to run: " + future);
        }
        return future;
    }

    /** Runs until idle and returns the value of {@code future}, which must have completed normally. */
    public <T> T await(CompletableFuture<T> future) {
        return settled(future).join();
    }

    @Override
    public void close() {
        client.close();
        runUntilIdle();
    }
}
