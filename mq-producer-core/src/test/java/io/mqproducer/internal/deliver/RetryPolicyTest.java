package io.mqproducer.internal.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.MessageQueue;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.internal.deliver.RetryPolicy.Next;
import io.mqproducer.internal.protocol.ResponseCode;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final MessageQueue QUEUE = new MessageQueue("T", "a", 0);
    private final RetryPolicy twoRetries = new RetryPolicy(2);

    private static ProducerException rejected(int code) {
        return new BrokerRejectedException("a", code, "scripted", RetryPolicy.isRetriable(code, "scripted"));
    }

    @Test
    void retriableBrokerAnswersAreRetriedElsewhereAndStaleRoutesFirstRefreshed() {
        assertThat(twoRetries.after(rejected(ResponseCode.SYSTEM_ERROR), 1, 100, QUEUE)).isEqualTo(Next.RETRY);
        assertThat(twoRetries.after(new RequestTimeoutException("t"), 1, 100, QUEUE)).isEqualTo(Next.RETRY);
        assertThat(twoRetries.after(rejected(ResponseCode.TOPIC_NOT_EXIST), 1, 100, QUEUE))
                .isEqualTo(Next.RETRY_ON_FRESH_ROUTE);
        assertThat(twoRetries.after(rejected(ResponseCode.NO_PERMISSION), 1, 100, QUEUE))
                .isEqualTo(Next.RETRY_ON_FRESH_ROUTE);
        assertThat(RetryPolicy.avoid(QUEUE)).isEqualTo("a");
    }

    @Test
    void finalFailuresStop() {
        assertThat(twoRetries.after(rejected(ResponseCode.MESSAGE_ILLEGAL), 1, 100, QUEUE)).isEqualTo(Next.FAIL);
        assertThat(twoRetries.after(new InvalidMessageException("bad"), 1, 100, QUEUE)).isEqualTo(Next.FAIL);
        assertThat(RetryPolicy.isRetriable(ResponseCode.SYSTEM_ERROR, "message body size exceeded")).isFalse();
        assertThat(twoRetries.after(rejected(ResponseCode.SYSTEM_ERROR), 1, 100, null))
                .as("no route: the name servers were already tried in turn").isEqualTo(Next.FAIL);
    }

    @Test
    void attemptsAndTimeRunOut() {
        assertThat(twoRetries.after(rejected(ResponseCode.SYSTEM_ERROR), 2, 100, QUEUE)).isEqualTo(Next.RETRY);
        assertThat(twoRetries.after(rejected(ResponseCode.SYSTEM_ERROR), 3, 100, QUEUE)).isEqualTo(Next.EXHAUSTED);
        assertThat(twoRetries.after(rejected(ResponseCode.SYSTEM_ERROR), 1, 0, QUEUE)).isEqualTo(Next.TIMED_OUT);
        assertThat(new RetryPolicy(0).after(rejected(ResponseCode.SYSTEM_ERROR), 1, 100, QUEUE))
                .isEqualTo(Next.EXHAUSTED);
    }

    @Test
    void theRouteIsRefreshedAfterEveryRetriableFailureAtABroker() {
        assertThat(RetryPolicy.refreshesRoute(rejected(ResponseCode.SYSTEM_ERROR), QUEUE)).isTrue();
        assertThat(RetryPolicy.refreshesRoute(rejected(ResponseCode.MESSAGE_ILLEGAL), QUEUE)).isFalse();
        assertThat(RetryPolicy.refreshesRoute(rejected(ResponseCode.SYSTEM_ERROR), null)).isFalse();
    }
}
