package io.mqproducer.internal.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

/** One TCP connection to one address: its connect attempt and the requests awaiting answers on it. */
final class Connection {
    private final String address;
    private final ChannelFuture connectFuture;
    private final PendingRequests pending;

    Connection(String address, ChannelFuture connectFuture, PendingRequests pending) {
        this.address = address;
        this.connectFuture = connectFuture;
        this.pending = pending;
    }

    String address() {
        return address;
    }

    ChannelFuture connectFuture() {
        return connectFuture;
    }

    Channel channel() {
        return connectFuture.channel();
    }

    PendingRequests pending() {
        return pending;
    }

    /** Still connecting, or connected and open: worth reusing. */
    boolean isUsable() {
        if (!connectFuture.isDone()) {
            return true;
        }
        return connectFuture.isSuccess() && connectFuture.channel().isActive();
    }

    void close() {
        connectFuture.channel().close();
    }
}
