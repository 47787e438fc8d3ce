package io.mqproducer.internal.reply;

import io.mqproducer.ReplyMessage;
import io.mqproducer.error.ProtocolException;
import io.mqproducer.internal.codec.CodecException;
import io.mqproducer.internal.codec.MessagePropertiesCodec;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.codec.StoredMessageDecoder;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.transport.InboundRequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the replies brokers push ({@code PUSH_REPLY_MESSAGE_TO_CLIENT}) and completes the request each belongs to;
 * every other broker request goes to {@code others}. Runs on the network thread: decoding and completing a future is
 * all it does (the producer hands the result on to a callback thread).
 */
public final class ReplyPushHandler implements InboundRequestHandler {
    private static final Logger log = LoggerFactory.getLogger(ReplyPushHandler.class);
    /** Requests that may wait for a reply at once; more fail with ProducerBusyException instead of using memory. */
    private static final int MAX_PENDING = 100_000;

    private final InboundRequestHandler others;
    private final PendingReplies pending;

    public ReplyPushHandler(InboundRequestHandler others) {
        this(others, new PendingReplies(MAX_PENDING));
    }

    ReplyPushHandler(InboundRequestHandler others, PendingReplies pending) {
        this.others = others;
        this.pending = pending;
    }

    PendingReplies pending() {
        return pending;
    }

    @Override
    public RemotingCommand handle(String address, RemotingCommand request) {
        if (request.code() != RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT) {
            return others.handle(address, request);
        }
        Map<String, String> properties;
        try {
            properties = MessagePropertiesCodec.decode(request.extField("properties"));
        } catch (CodecException e) {
            return answer(request, ResponseCode.SYSTEM_ERROR, "unreadable reply properties");
        }
        String correlationId = properties.get(MessageProperty.CORRELATION_ID);
        byte[] body;
        try {
            body = StoredMessageDecoder.uncompressedBody(request.body() == null ? new byte[0] : request.body(),
                    parseInt(request.extField("sysFlag")));
        } catch (CodecException | NumberFormatException e) {
            // Fail the request now rather than let it time out with the reason lost.
            pending.fail(correlationId, new ProtocolException("reply from " + address + " is unreadable: "
                    + e.getMessage(), e));
            return answer(request, ResponseCode.SYSTEM_ERROR, "unreadable reply body");
        }
        ReplyMessage reply = new ReplyMessage(request.extField("topic"), correlationId,
                properties.get(MessageProperty.UNIQ_KEY), body, properties);
        if (!pending.complete(correlationId, reply)) {
            log.debug("reply {} from {} matches no waiting request (timed out, or not ours)", correlationId, address);
        }
        return answer(request, ResponseCode.SUCCESS, null);
    }

    private static RemotingCommand answer(RemotingCommand request, int code, String remark) {
        return request.isOneway() ? null : RemotingCommand.responseTo(request, code, remark);
    }

    private static int parseInt(String value) {
        return value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
    }
}
