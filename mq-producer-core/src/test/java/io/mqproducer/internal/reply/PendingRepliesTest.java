package io.mqproducer.internal.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.ReplyMessage;
import io.mqproducer.error.ProducerBusyException;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.RequestReplyTimeoutException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class PendingRepliesTest {

    private static ReplyMessage reply(String correlationId) {
        return new ReplyMessage("c_REPLY_TOPIC", correlationId, null, new byte[] {1}, Map.of());
    }

    @Test
    void aReplyCompletesItsRequestOnlyAndLeavesTheTable() {
        PendingReplies pending = new PendingReplies(10);
        CompletableFuture<ReplyMessage> first = pending.register("a", 60_000);
        CompletableFuture<ReplyMessage> second = pending.register("b", 60_000);

        assertThat(pending.complete("b", reply("b"))).isTrue();

        assertThat(second.join().correlationId()).isEqualTo("b");
        assertThat(first).isNotDone();
        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.complete("b", reply("b"))).as("a second reply matches nothing").isFalse();
        assertThat(pending.complete("unknown", reply("unknown"))).isFalse();
    }

    @Test
    void aRequestWithoutReplyTimesOutTypedAndLeavesTheTable() {
        PendingReplies pending = new PendingReplies(10);
        CompletableFuture<ReplyMessage> reply = pending.register("late", 50);

        assertThatThrownBy(reply::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RequestReplyTimeoutException.class).hasMessageContaining("50 ms")
                .satisfies(e -> assertThat(((RequestReplyTimeoutException) e).correlationId()).isEqualTo("late"));
        assertThat(pending.size()).isZero();
        assertThat(pending.complete("late", reply("late"))).as("a reply after the timeout is dropped").isFalse();
    }

    @Test
    void theTableIsBounded() {
        PendingReplies pending = new PendingReplies(2);
        pending.register("a", 60_000);
        pending.register("b", 60_000);

        assertThatThrownBy(() -> pending.register("c", 60_000)).isInstanceOf(ProducerBusyException.class);

        pending.complete("a", reply("a"));
        assertThat(pending.register("c", 60_000)).isNotDone();
    }

    @Test
    void failAllEndsEveryWaitingRequest() {
        PendingReplies pending = new PendingReplies(10);
        CompletableFuture<ReplyMessage> a = pending.register("a", 60_000);
        CompletableFuture<ReplyMessage> b = pending.register("b", 60_000);

        pending.failAll(new ProducerClosedException("closed"));

        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();
        assertThatThrownBy(a::join).cause().isInstanceOf(ProducerClosedException.class);
        assertThat(pending.size()).isZero();
    }
}
