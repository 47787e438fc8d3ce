package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Credentials;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.TlsContexts;
import io.mqproducer.error.AccessDeniedException;
import io.mqproducer.error.TlsException;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.ReadBackConsumer;
import io.mqproducer.testing.TestTls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** ACL signing and TLS against real brokers configured for them. */
class SecurityIT {
    private static final byte[] BODY = "secure".getBytes(StandardCharsets.UTF_8);

    @Test
    void aclBrokerAcceptsCorrectKeysAndRejectsAWrongSecret() {
        try (EmbeddedRocketMQ broker = EmbeddedRocketMQ.builder().authentication("producer-ak", "producer-sk").build()) {
            broker.createTopic("SecurityIT_acl", 1);
            try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                    .credentials(Credentials.of("producer-ak", "producer-sk")).build()).start()) {
                SendResult result = producer.send(Message.of("SecurityIT_acl", BODY));
                assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
                try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), "SecurityIT_acl",
                        "producer-ak", "producer-sk")) {
                    MessageExt message = consumer.await(1, Duration.ofSeconds(30)).get(0);
                    assertThat(message.getMsgId()).isEqualTo(result.messageId());
                }
            }
            try (Producer wrong = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                    .credentials(Credentials.of("producer-ak", "not-the-secret")).build()).start()) {
                assertThatThrownBy(() -> wrong.send(Message.of("SecurityIT_acl", BODY)))
                        .isInstanceOf(AccessDeniedException.class)
                        .satisfies(e -> assertThat(((AccessDeniedException) e).isRetriable()).isFalse())
                        .satisfies(e -> assertThat(e.toString()).doesNotContain("not-the-secret"));
            }
            try (Producer anonymous = Producer.create(ProducerOptions.builder(broker.nameServerAddress()).build()).start()) {
                assertThatThrownBy(() -> anonymous.send(Message.of("SecurityIT_acl", BODY)))
                        .isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    @Test
    void aclBrokerAcceptsTheBatchesAdaptiveBatchingAssembles() {
        try (EmbeddedRocketMQ broker = EmbeddedRocketMQ.builder().authentication("producer-ak", "producer-sk").build()) {
            broker.createTopic("SecurityIT_acl_batches", 4);
            try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                    .credentials(Credentials.of("producer-ak", "producer-sk")).build()).start()) {
                List<CompletableFuture<SendResult>> futures = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    futures.add(producer.sendAsync(Message.of("SecurityIT_acl_batches", ("m" + i).getBytes(StandardCharsets.UTF_8))));
                }
                List<SendResult> results = futures.stream().map(CompletableFuture::join).toList();
                boolean shared = false;
                for (int i = 1; i < results.size(); i++) {
                    // round robin moves every request to another queue: neighbours on one queue shared a request
                    shared |= results.get(i).queue().equals(results.get(i - 1).queue())
                            && results.get(i).queueOffset() == results.get(i - 1).queueOffset() + 1;
                }
                assertThat(shared).as("overlapping async sends went as signed batch requests").isTrue();
                try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), "SecurityIT_acl_batches",
                        "producer-ak", "producer-sk")) {
                    assertThat(consumer.await(300, Duration.ofSeconds(30)).stream().map(MessageExt::getMsgId))
                            .containsExactlyInAnyOrderElementsOf(results.stream().map(SendResult::messageId).toList());
                }
            }
        }
    }

    @Test
    void tlsBrokerIsReachedOverTlsAndAnUntrustedCertificateFailsTyped() throws Exception {
        try (EmbeddedRocketMQ broker = EmbeddedRocketMQ.builder()
                .tls(TestTls.path("tls/server.crt"), TestTls.path("tls/server-pkcs8.key")).build()) {
            broker.createTopic("SecurityIT_tls", 1);
            try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                    .tls(TlsContexts.trusting(TestTls.path("tls/server.crt"))).build()).start()) {
                SendResult result = producer.send(Message.of("SecurityIT_tls", BODY));
                assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
                try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), "SecurityIT_tls")) {
                    assertThat(consumer.await(1, Duration.ofSeconds(30)).get(0).getMsgId()).isEqualTo(result.messageId());
                }
            }
            try (Producer untrusting = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                    .tls(TlsContexts.trusting(TestTls.path("tls/other.crt"))).build()).start()) {
                assertThatThrownBy(() -> untrusting.send(Message.of("SecurityIT_tls", BODY)))
                        .isInstanceOf(TlsException.class)
                        .hasMessageContaining("PKIX path building failed");
            }
        }
    }
}
