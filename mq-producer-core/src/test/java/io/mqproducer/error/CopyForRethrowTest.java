package io.mqproducer.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.MessageQueue;
import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every producer exception copies itself as its own type, so a sync caller can catch what the async path failed with. */
class CopyForRethrowTest {

    static Stream<ProducerException> everyType() {
        SendResult stored = new SendResult(SendStatus.SEND_OK, "id", "offset-id", new MessageQueue("T", "a", 0), 1, null);
        return Stream.of(
                new ProducerException("base", true),
                new AccessDeniedException("a", 1, "denied"),
                new BrokerBusyException("a", 2, "busy"),
                new BrokerRejectedException("a", 3, "no", false),
                new BrokerUnavailableException("down"),
                new DeliveryTimeoutException("late", null),
                new InvalidMessageException("bad"),
                new InvalidOptionsException("sendTimeout", "bad timeout"),
                new NameServerNotReadyException("empty"),
                new NameServerUnavailableException("gone", null),
                new PartialBatchException("half", List.of(stored), new BrokerUnavailableException("down")),
                new ProducerBusyException("busy"),
                new ProducerClosedException("closed"),
                new ProtocolException("garbled"),
                new RequestTimeoutException("slow"),
                new TlsException("untrusted", null),
                new TopicMessageTypeException("T", "a", 13, "TopicMessageType validate failed"),
                new RecallDisabledException("a", 16, "recall failed"),
                new RequestReplyNotSupportedException("proxy"),
                new RequestReplyTimeoutException("no reply", "corr-1"),
                new TopicNotWritableException("read-only"),
                new TopicRouteNotFoundException("missing"),
                new WaitInterruptedException("interrupted", new InterruptedException()),
                new LocalTransactionFailedException("local failure", new IllegalStateException("x")),
                new UnexpectedFailureException("unexpected", new IllegalStateException("y")),
                new ReplyConversionException("unreadable", null));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void copyHasTheSameTypeMessageAndRetriabilityAndTheOriginalAsCause(ProducerException original) {
        ProducerException copy = original.copyForRethrow();
        assertThat(copy).isExactlyInstanceOf(original.getClass()).hasMessage(original.getMessage()).hasCause(original);
        assertThat(copy.isRetriable()).isEqualTo(original.isRetriable());
        if (original instanceof BrokerRejectedException rejected) {
            assertThat(((BrokerRejectedException) copy).code()).isEqualTo(rejected.code());
            assertThat(((BrokerRejectedException) copy).remark()).isEqualTo(rejected.remark());
        }
        if (original instanceof InvalidOptionsException invalid) {
            assertThat(((InvalidOptionsException) copy).option()).isEqualTo(invalid.option());
        }
        if (original instanceof PartialBatchException partial) {
            assertThat(((PartialBatchException) copy).sent()).isEqualTo(partial.sent());
        }
    }

    @org.junit.jupiter.api.Test
    void everyExceptionInThePackageIsCovered() throws Exception {
        java.nio.file.Path directory = java.nio.file.Path.of(ProducerException.class
                .getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("io/mqproducer/error");
        List<String> declared;
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(directory)) {
            declared = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Exception.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length())).sorted().toList();
        }
        assertThat(everyType().map(e -> e.getClass().getSimpleName()).sorted().toList()).isEqualTo(declared);
    }
}
