package io.mqproducer.internal.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.ReplyMessage;
import io.mqproducer.error.ProtocolException;
import io.mqproducer.CompressionType;
import io.mqproducer.internal.codec.BodyCompressor;
import io.mqproducer.internal.codec.MessagePropertiesCodec;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.transport.InboundRequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReplyPushHandlerTest {
    private final PendingReplies pending = new PendingReplies(10);
    private final ReplyPushHandler handler = new ReplyPushHandler(InboundRequestHandler.UNSUPPORTED, pending);

    /** A push as a 5.5 broker sends it: the reply's send header fields, its properties and body. */
    private static RemotingCommand push(String correlationId, byte[] body, int sysFlag) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("CORRELATION_ID", correlationId);
        properties.put("REPLY_TO_CLIENT", "client-1");
        properties.put("MSG_TYPE", "reply");
        properties.put("UNIQ_KEY", "7F000001000000000000000000000001");
        properties.put("answer", "yes");
        Map<String, String> header = new HashMap<>();
        header.put("producerGroup", "responders");
        header.put("topic", "DefaultCluster_REPLY_TOPIC");
        header.put("queueId", "0");
        header.put("sysFlag", Integer.toString(sysFlag));
        header.put("bornTimestamp", "1");
        header.put("flag", "0");
        header.put("properties", MessagePropertiesCodec.encode(properties));
        header.put("storeHost", "127.0.0.1:10911");
        return RemotingCommand.request(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT, 7, header, body);
    }

    @Test
    void aPushedReplyCompletesItsRequestAndIsAnsweredSuccess() {
        CompletableFuture<ReplyMessage> waiting = pending.register("corr-1", 60_000);

        RemotingCommand answer = handler.handle("broker:10911", push("corr-1", "pong".getBytes(StandardCharsets.UTF_8), 0));

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(answer.opaque()).isEqualTo(7);
        ReplyMessage reply = waiting.join();
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("pong");
        assertThat(reply.topic()).isEqualTo("DefaultCluster_REPLY_TOPIC");
        assertThat(reply.correlationId()).isEqualTo("corr-1");
        assertThat(reply.messageId()).isEqualTo("7F000001000000000000000000000001");
        assertThat(reply.property("answer")).isEqualTo("yes");
    }

    @Test
    void aZlibCompressedReplyIsInflated() {
        CompletableFuture<ReplyMessage> waiting = pending.register("corr-z", 60_000);
        String large = "compressible ".repeat(1_000);
        byte[] compressed = BodyCompressor.of(CompressionType.ZLIB, 5).compress(large.getBytes(StandardCharsets.UTF_8));

        handler.handle("b", push("corr-z", compressed, 1 | CompressionType.ZLIB.sysFlagBits()));

        assertThat(new String(waiting.join().body(), StandardCharsets.UTF_8)).isEqualTo(large);
    }

    @Test
    void aReplyInAnUnknownCodecFailsItsRequestAtOnce() {
        CompletableFuture<ReplyMessage> waiting = pending.register("corr-odd", 60_000);

        RemotingCommand answer = handler.handle("b", push("corr-odd", new byte[] {1, 2, 3}, 1 | 0x500));

        assertThat(answer.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThatThrownBy(waiting::join).cause().isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown compression type 5");
    }

    @Test
    void aReplyNoOneWaitsForIsStillAcknowledged() {
        assertThat(handler.handle("b", push("unknown", new byte[] {1}, 0)).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void otherBrokerRequestsGoToTheNextHandler() {
        RemotingCommand checkBack = RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE, 9, Map.of(), null);

        assertThat(handler.handle("b", checkBack).code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
    }
}
