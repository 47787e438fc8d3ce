package io.mqproducer;

import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.transport.InboundRequestHandler;

/**
 * The network client's handler for requests brokers send to the producer. The parts that answer them (transaction
 * check-backs, pushed replies) send through the client themselves, so they are connected here once, after the
 * client exists: the one late binding in the producer's assembly. Nothing arrives before it, since connections are
 * only made by sends.
 */
final class InboundRequests implements InboundRequestHandler {
    private volatile InboundRequestHandler target;

    /** Connects the handler; once. */
    void connect(InboundRequestHandler handler) {
        if (target != null) {
            throw new IllegalStateException("inbound requests are already connected");
        }
        target = handler;
    }

    @Override
    public RemotingCommand handle(String address, RemotingCommand request) {
        InboundRequestHandler handler = target;
        return (handler == null ? InboundRequestHandler.UNSUPPORTED : handler).handle(address, request);
    }
}
