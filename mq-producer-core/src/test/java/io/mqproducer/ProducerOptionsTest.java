package io.mqproducer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.InvalidOptionsException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProducerOptionsTest {

    static Stream<Arguments> invalidOptions() {
        return Stream.of(
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder().build(), "at least one name server"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("localhost").build(), "'localhost' is not host:port"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:99999").build(), "is not host:port"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").producerGroup(" ").build(), "producer group"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").sendTimeout(Duration.ZERO).build(),
                        "send timeout must be a positive duration"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").retries(-1).build(), "retries must be >= 0"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").maxMessageSize(0).build(), "max message size"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").namespace("a%b").build(), "namespace"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").compressionLevel(10).build(), "compression level"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").batchLinger(Duration.ofSeconds(2)).build(),
                        "batch linger"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").maxInflightAsync(0).build(), "in-flight"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").requestTimeout(Duration.ZERO).build(),
                        "request timeout must be a positive duration"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").requestTimeout(Duration.ofSeconds(4)).build(),
                        "must not exceed the send timeout"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").traceTopic("a b").build(), "trace topic"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").traceTopic(null).build(), "trace topic"),
                Arguments.of((Supplier<?>) () -> ProducerOptions.builder("h:1").traceTopic("t".repeat(128)).build(),
                        "trace topic"));
    }

    @ParameterizedTest
    @MethodSource("invalidOptions")
    void rejectsWithAMessageNamingTheSetting(Supplier<?> build, String expected) {
        assertThatThrownBy(build::get).isInstanceOf(InvalidOptionsException.class).hasMessageContaining(expected);
    }

    @Test
    void defaultsFollowTheOfficialClient() {
        ProducerOptions options = ProducerOptions.builder("a:1;b:2").build();
        assertThat(options.nameServers()).containsExactly("a:1", "b:2");
        assertThat(options.producerGroup()).isEqualTo("DEFAULT_PRODUCER");
        assertThat(options.sendTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.retries()).isEqualTo(2);
        assertThat(options.maxMessageSize()).isEqualTo(4 * 1024 * 1024);
        assertThat(options.compressionThreshold()).isEqualTo(4096);
        assertThat(options.clientId()).startsWith("mq-producer@");
        assertThat(ProducerOptions.builder("a:1").build().clientId()).as("unique per producer").isNotEqualTo(options.clientId());
    }

    @Test
    void everyDefaultComesFromProducerDefaults() {
        ProducerOptions options = ProducerOptions.builder("a:1").build();
        assertThat(options.producerGroup()).isEqualTo(ProducerDefaults.GROUP);
        assertThat(options.sendTimeout()).isEqualTo(ProducerDefaults.SEND_TIMEOUT);
        assertThat(options.connectTimeout()).isEqualTo(ProducerDefaults.CONNECT_TIMEOUT);
        assertThat(options.routeRefreshInterval()).isEqualTo(ProducerDefaults.ROUTE_REFRESH_INTERVAL);
        assertThat(options.retries()).isEqualTo(ProducerDefaults.RETRIES);
        assertThat(options.maxMessageSize()).isEqualTo(ProducerDefaults.MAX_MESSAGE_SIZE);
        assertThat(options.ioThreads()).isEqualTo(ProducerDefaults.ioThreads());
        assertThat(options.binaryHeaders()).isEqualTo(ProducerDefaults.BINARY_HEADERS);
        assertThat(options.namespace()).isEqualTo(ProducerDefaults.NAMESPACE);
        assertThat(options.compressionThreshold()).isEqualTo(ProducerDefaults.COMPRESSION_THRESHOLD);
        assertThat(options.compressionLevel()).isEqualTo(ProducerDefaults.COMPRESSION_LEVEL);
        assertThat(options.compressionType()).isEqualTo(ProducerDefaults.COMPRESSION_TYPE);
        assertThat(options.maxInflightAsync()).isEqualTo(ProducerDefaults.MAX_INFLIGHT_ASYNC);
        assertThat(options.batchLinger()).isEqualTo(ProducerDefaults.BATCH_LINGER);
        assertThat(options.adaptiveBatching()).isEqualTo(ProducerDefaults.ADAPTIVE_BATCHING);
        assertThat(options.batchMaxMessages()).isEqualTo(ProducerDefaults.BATCH_MAX_MESSAGES);
        assertThat(options.batchMaxBytes()).isEqualTo(ProducerDefaults.BATCH_MAX_BYTES);
        assertThat(options.tlsVerifyHostname()).isEqualTo(ProducerDefaults.TLS_VERIFY_HOSTNAME);
        assertThat(options.traceEnabled()).isEqualTo(ProducerDefaults.TRACE_ENABLED);
        assertThat(options.traceTopic()).isEqualTo(ProducerDefaults.TRACE_TOPIC);
        assertThat(options.requestTimeout())
                .isEqualTo(ProducerDefaults.requestTimeout(ProducerDefaults.SEND_TIMEOUT, ProducerDefaults.RETRIES));
    }

    @Test
    void optionsDoNotChangeWhenTheirBuilderDoes() {
        ProducerOptions.Builder builder = ProducerOptions.builder("a:1").retries(4);
        ProducerOptions options = builder.build();
        builder.retries(7).nameServer("b:2").clientId("later");
        assertThat(options.retries()).isEqualTo(4);
        assertThat(options.nameServers()).containsExactly("a:1");
        assertThat(options.clientId()).startsWith("mq-producer@");
        assertThat(builder.build().retries()).isEqualTo(7);
    }

    @Test
    void requestTimeoutSharesTheSendTimeoutAmongUpToThreeAttempts() {
        assertThat(ProducerOptions.builder("a:1").build().requestTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ProducerOptions.builder("a:1").retries(0).build().requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(ProducerOptions.builder("a:1").retries(1).sendTimeout(Duration.ofSeconds(4)).build().requestTimeout())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(ProducerOptions.builder("a:1").retries(9).build().requestTimeout()).as("never below a third")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(ProducerOptions.builder("a:1").requestTimeout(Duration.ofMillis(700)).build().requestTimeout())
                .isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void traceIsOffByDefaultAndGoesToTheDashboardTopic() {
        ProducerOptions defaults = ProducerOptions.builder("a:1").build();
        assertThat(defaults.traceEnabled()).isFalse();
        assertThat(defaults.traceTopic()).isEqualTo("RMQ_SYS_TRACE_TOPIC");
        ProducerOptions custom = ProducerOptions.builder("a:1").traceEnabled(true).traceTopic("AppTrace").build();
        assertThat(custom.traceEnabled()).isTrue();
        assertThat(custom.traceTopic()).isEqualTo("AppTrace");
    }

    @Test
    void adaptiveBatchingIsOnUnlessTurnedOff() {
        assertThat(ProducerOptions.builder("a:1").build().adaptiveBatching()).isTrue();
        assertThat(ProducerOptions.builder("a:1").adaptiveBatching(false).build().adaptiveBatching()).isFalse();
    }
}
