package io.mqproducer.internal.transport;

import io.mqproducer.error.ProducerException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;

/**
 * One request from the moment it is queued for writing until its response, its write failure or its deadline.
 * It listens to its own write, so a send allocates no extra listener.
 */
final class OutboundRequest implements ChannelFutureListener {
    final RemotingCommand command;
    final long deadlineNanos;
    private final long timeoutMillis;
    private final ResponseCallback callback;
    private final Connection connection;
    /** Whether this is the second try of a request a shutting-down proxy answered with GO_AWAY. */
    final boolean afterGoAway;

    OutboundRequest(Connection connection, RemotingCommand command, long timeoutMillis, ResponseCallback callback,
                    boolean afterGoAway) {
        this.connection = connection;
        this.afterGoAway = afterGoAway;
        this.command = command;
        this.timeoutMillis = timeoutMillis;
        this.callback = callback;
        this.deadlineNanos = connection.nanoTime() + Math.max(1, timeoutMillis) * 1_000_000L;
    }

    Connection connection() {
        return connection;
    }

    ResponseCallback callback() {
        return callback;
    }

    long remainingMillis() {
        return (deadlineNanos - connection.nanoTime()) / 1_000_000;
    }

    int opaque() {
        return command.opaque();
    }

    boolean isOneway() {
        return command.isOneway();
    }

    void succeed(RemotingCommand response) {
        callback.onResponse(response);
    }

    void fail(ProducerException failure) {
        callback.onFailure(failure);
    }

    RequestTimeoutException timeoutError() {
        if (isOneway()) {
            return new RequestTimeoutException("could not write to " + connection.address() + " within "
                    + timeoutMillis + " ms");
        }
        return new RequestTimeoutException("no answer from " + connection.address() + " within " + timeoutMillis
                + " ms (request code " + command.code() + ")");
    }

    /** The write finished (on the event loop): a oneway request ends here; a failed write ends any request. */
    @Override
    public void operationComplete(ChannelFuture written) {
        connection.written(this, written.isSuccess() ? null : written.cause());
    }
}
