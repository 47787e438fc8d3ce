package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.ReplyMessage;
import io.mqproducer.error.RequestReplyTimeoutException;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.RequestResponder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Request-reply against a real broker, answered by a responder on the official client. */
@EmbeddedRocketMQTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestReplyIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Producer producer;

    @BeforeAll
    void start(EmbeddedRocketMQ broker) {
        producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress()).producerGroup("request-reply-it")
                .sendTimeout(Duration.ofSeconds(20)).build()).start();
    }

    @AfterAll
    void stop() {
        producer.close();
    }

    private static Message request(String topic, String body) {
        return Message.builder(topic).body(body.getBytes(StandardCharsets.UTF_8)).property("n", body).build();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void manyConcurrentRequestsEachGetTheirOwnReply(EmbeddedRocketMQ broker) {
        String topic = "RequestReplyIT-many";
        broker.createTopic(topic, 4);
        try (RequestResponder responder = RequestResponder.start(broker.nameServerAddress(), topic,
                request -> ("reply to " + text(request.getBody()) + " / " + request.getUserProperty("n"))
                        .getBytes(StandardCharsets.UTF_8))) {
            // One request first: the responder's consumer may take a while to get its queues on a loaded machine.
            assertThat(text(await(producer.request(request(topic, "warm-up"), Duration.ofSeconds(90)), responder)
                    .body())).isEqualTo("reply to warm-up / warm-up");
            List<CompletableFuture<ReplyMessage>> replies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                replies.add(producer.request(request(topic, "request-" + i), TIMEOUT));
            }
            Set<String> correlationIds = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                ReplyMessage reply = await(replies.get(i), responder);
                assertThat(text(reply.body())).isEqualTo("reply to request-" + i + " / request-" + i);
                assertThat(reply.topic()).isEqualTo(broker.clusterName() + "_REPLY_TOPIC");
                assertThat(reply.property("CORRELATION_ID")).isEqualTo(reply.correlationId());
                correlationIds.add(reply.correlationId());
            }
            assertThat(correlationIds).hasSize(50);
            assertThat(responder.failed()).isZero();
        }
    }

    /** The reply, or an assertion error that says how far the responder got. */
    private static ReplyMessage await(CompletableFuture<ReplyMessage> reply, RequestResponder responder) {
        try {
            return reply.join();
        } catch (CompletionException e) {
            throw new AssertionError("no reply; the responder answered " + responder.answered() + " requests, failed "
                    + responder.failed(), e);
        }
    }

    @Test
    void largeRepliesArriveDecompressed(EmbeddedRocketMQ broker) {
        String topic = "RequestReplyIT-large";
        broker.createTopic(topic, 1);
        // Above the official producer's 4 KiB threshold, so the responder sends the reply zlib-compressed.
        String large = "compressible ".repeat(2_000);
        try (RequestResponder responder = RequestResponder.start(broker.nameServerAddress(), topic,
                request -> (large + text(request.getBody())).getBytes(StandardCharsets.UTF_8))) {
            ReplyMessage reply = await(producer.request(request(topic, "big"), Duration.ofSeconds(90)), responder);
            assertThat(text(reply.body())).isEqualTo(large + "big");
        }
    }

    @Test
    void aRequestNobodyAnswersTimesOutTyped(EmbeddedRocketMQ broker) {
        String topic = "RequestReplyIT-unanswered";
        broker.createTopic(topic, 1);
        long started = System.nanoTime();
        CompletableFuture<ReplyMessage> reply = producer.request(request(topic, "anyone?"), Duration.ofSeconds(2));
        assertThatThrownBy(reply::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RequestReplyTimeoutException.class)
                .hasMessageContaining("no reply within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1_500),
                Duration.ofSeconds(10));
    }
}
