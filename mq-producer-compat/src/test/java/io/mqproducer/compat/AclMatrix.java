package io.mqproducer.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Credentials;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.AccessDeniedException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.message.Message;
import io.mqproducer.spi.SendObserver;
import io.mqproducer.test.RocketMQCluster;
import io.mqproducer.test.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ACL cells, once per server version: signed sends are stored and read back by the official consumer with the
 * same credentials; a wrong secret or an unknown access key fails at once with a non-retriable
 * {@link AccessDeniedException} (4.9 answers SYSTEM_ERROR with an AclException remark, 5.x NO_PERMISSION) that does
 * not carry the secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AclMatrix {

    static final String ACCESS_KEY = "compat-admin";
    static final String SECRET_KEY = "compat-secret-12345";

    RocketMQCluster cluster;

    abstract RocketMQCluster startCluster();

    @BeforeAll
    void start() {
        cluster = startCluster();
        System.out.println(getClass().getSimpleName() + ": " + cluster + " started in "
                + cluster.startupTime().toMillis() + " ms");
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Producer producer(String accessKey, String secretKey, SendObserver observer) {
        return Producer.create(ProducerOptions.builder(cluster.clientEndpoint()).producerGroup("compat-acl")
                .credentials(Credentials.of(accessKey, secretKey)).observer(observer).build()).start();
    }

    @Test
    void signedSendsAreStored() {
        String topic = getClass().getSimpleName() + "-signed";
        cluster.createTopic(topic, 2);
        try (Producer producer = producer(ACCESS_KEY, SECRET_KEY, new SendObserver() { })) {
            Message message = Message.builder(topic).body("signed".getBytes(StandardCharsets.UTF_8)).tags("acl")
                    .keys("acl-key").build();
            String id = producer.send(message).messageId();
            List<String> batchIds = producer.sendBatch(List.of(
                    Message.builder(topic).body("signed-batch-1".getBytes(StandardCharsets.UTF_8)).build(),
                    Message.builder(topic).body("signed-batch-2".getBytes(StandardCharsets.UTF_8)).build()))
                    .stream().map(r -> r.messageId()).toList();
            List<StoredMessage> stored = cluster.readBack(topic, 3, Duration.ofSeconds(60));
            assertThat(stored).extracting(StoredMessage::messageId)
                    .containsExactlyInAnyOrder(id, batchIds.get(0), batchIds.get(1));
            assertThat(stored).filteredOn(m -> m.messageId().equals(id)).singleElement()
                    .satisfies(m -> assertThat(m.keys()).isEqualTo("acl-key"));
        }
    }

    @Test
    void wrongSecretIsDeniedWithoutRetries() {
        assertDenied(ACCESS_KEY, "not-the-secret-987");
    }

    @Test
    void unknownAccessKeyIsDeniedWithoutRetries() {
        assertDenied("nobody-knows-me", "whatever-secret-654");
    }

    private void assertDenied(String accessKey, String secretKey) {
        String topic = getClass().getSimpleName() + "-denied";
        cluster.createTopic(topic, 2);
        AtomicInteger retries = new AtomicInteger();
        try (Producer producer = producer(accessKey, secretKey, new SendObserver() {
            @Override
            public void onRetry(String t, String brokerName, ProducerException cause) {
                retries.incrementAndGet();
            }
        })) {
            Message message = Message.builder(topic).body("denied".getBytes(StandardCharsets.UTF_8)).build();
            assertThatThrownBy(() -> producer.send(message)).isInstanceOf(AccessDeniedException.class)
                    .satisfies(e -> {
                        assertThat(((ProducerException) e).isRetriable()).isFalse();
                        assertThat(e.getMessage()).doesNotContain(secretKey);
                    });
            assertThat(retries).as("a refused credential is not tried again").hasValue(0);
        }
    }
}
