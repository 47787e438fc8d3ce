package io.mqproducer.internal.transport;

import io.mqproducer.internal.codec.RemotingCommand;

/** Answers requests a broker sends to the client (transaction check-back, notifications). */
public interface InboundRequestHandler {

    /** Handles {@code request} from {@code address}; returns the response to write, or null for none. */
    RemotingCommand handle(String address, RemotingCommand request);

    /** Answers every request with "not supported" (oneway requests get no answer). */
    InboundRequestHandler UNSUPPORTED = (address, request) -> request.isOneway() ? null
            : RemotingCommand.responseTo(request, io.mqproducer.internal.protocol.ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request code " + request.code() + " is not supported by this producer");
}
