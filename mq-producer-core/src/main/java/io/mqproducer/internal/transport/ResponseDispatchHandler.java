package io.mqproducer.internal.transport;

import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.ProtocolException;
import io.mqproducer.error.TlsException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.ResponseCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes pending requests with their responses (on the event loop: completion only hands the result
 * over), answers requests the broker sends, and fails everything pending when the connection ends.
 */
final class ResponseDispatchHandler extends SimpleChannelInboundHandler<RemotingCommand> {
    private static final Logger log = LoggerFactory.getLogger(ResponseDispatchHandler.class);

    private final String address;
    private final PendingRequests pending;
    private final InboundRequestHandler requests;
    private final BooleanSupplier clientClosing;
    private final Consumer<OutboundRequest> goAway;
    private volatile Throwable protocolError;
    private volatile Throwable tlsError;

    /** @param goAway takes over a request whose answer was GO_AWAY, to send it again elsewhere or fail it */
    ResponseDispatchHandler(String address, PendingRequests pending, InboundRequestHandler requests,
                            BooleanSupplier clientClosing, Consumer<OutboundRequest> goAway) {
        this.goAway = goAway;
        this.address = address;
        this.pending = pending;
        this.requests = requests;
        this.clientClosing = clientClosing;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand command) {
        if (command.isResponse()) {
            if (command.code() == ResponseCode.GO_AWAY) {
                OutboundRequest request = pending.remove(command.opaque());
                if (request != null) {
                    goAway.accept(request);
                }
                return;
            }
            if (!pending.complete(command)) {
                log.debug("late response from {} for opaque {} dropped", address, command.opaque());
            }
            return;
        }
        RemotingCommand answer;
        try {
            answer = requests.handle(address, command);
        } catch (RuntimeException e) {
            log.warn("handling request code {} from {} failed: {}", command.code(), address, e.toString());
            answer = command.isOneway() ? null : RemotingCommand.responseTo(command,
                    ResponseCode.SYSTEM_ERROR, e.getClass().getSimpleName());
        }
        if (answer != null) {
            ctx.writeAndFlush(answer);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            tlsError = handshake.cause();
            log.warn("TLS handshake with {} failed: {}", address, rootMessage(handshake.cause()));
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (isTls(cause)) {
            if (tlsError == null) {
                tlsError = cause;
            }
        } else if (cause instanceof DecoderException) {
            protocolError = cause;
            log.warn("closing connection to {}: malformed data ({})", address, rootMessage(cause));
        } else {
            log.debug("closing connection to {}: {}", address, cause.toString());
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Throwable protocol = protocolError;
        Throwable tls = tlsError;
        boolean closing = clientClosing.getAsBoolean();
        pending.failAll(opaque -> {
            if (closing) {
                return new ProducerClosedException("producer closed while a request to " + address + " was in flight");
            }
            if (tls != null) {
                return new TlsException("TLS connection to " + address + " failed: " + rootMessage(tls), tls);
            }
            if (protocol != null) {
                return new ProtocolException("connection to " + address + " closed after malformed data: "
                        + rootMessage(protocol), protocol);
            }
            return new BrokerUnavailableException("connection to " + address + " closed before the answer arrived");
        });
        super.channelInactive(ctx);
    }

    private static boolean isTls(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
