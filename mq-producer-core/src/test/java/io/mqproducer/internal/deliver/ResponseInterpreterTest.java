package io.mqproducer.internal.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.MessageQueue;
import io.mqproducer.error.AccessDeniedException;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.TopicMessageTypeException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.ResponseCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How refusals of RocketMQ 4.9 brokers and 5.x proxies become typed errors. */
class ResponseInterpreterTest {

    private static final MessageQueue QUEUE = new MessageQueue("orders", "broker-a", 0);
    private static final RemotingCommand REQUEST = RemotingCommand.request(310, 7, Map.of(), null);

    private static RemotingCommand answer(int code, String remark) {
        return RemotingCommand.responseTo(REQUEST, code, remark);
    }

    @Test
    void aProxysTopicTypeRefusalNamesTopicTypesAndRemedy() {
        RemotingCommand refusal = answer(ResponseCode.MESSAGE_ILLEGAL,
                "TopicMessageType validate failed, the expected type is NORMAL, but actual type is DELAY");
        assertThatThrownBy(() -> ResponseInterpreter.interpret(refusal, QUEUE, "id"))
                .isInstanceOfSatisfying(TopicMessageTypeException.class, e -> {
                    assertThat(e.topic()).isEqualTo("orders");
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.code()).isEqualTo(13);
                })
                .hasMessageContaining("topic orders").hasMessageContaining("expected type is NORMAL")
                .hasMessageContaining("message.type");
    }

    @Test
    void aTooLargeMessageIsStillASizeRefusalNotATypeMismatch() {
        RemotingCommand refusal = answer(ResponseCode.MESSAGE_ILLEGAL, "the message body size over max value");
        assertThatThrownBy(() -> ResponseInterpreter.interpret(refusal, QUEUE, "id"))
                .isExactlyInstanceOf(BrokerRejectedException.class)
                .satisfies(e -> assertThat(
                        ((BrokerRejectedException) e).isRetriable()).isFalse());
    }

    @Test
    void aRocketMQ4AclRefusalIsAccessDeniedAndNotRetried() {
        RemotingCommand refusal = answer(ResponseCode.SYSTEM_ERROR,
                "org.apache.rocketmq.acl.common.AclException: Check signature failed for accessKey=compat-admin, "
                        + "org.apache.rocketmq.acl.plain.PlainPermissionManager.validate(PlainPermissionManager.java:1)");
        assertThatThrownBy(() -> ResponseInterpreter.interpret(refusal, QUEUE, "id"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e ->
                        assertThat(e.isRetriable()).isFalse());
    }

    @Test
    void anOrdinarySystemErrorStaysRetriable() {
        RemotingCommand refusal = answer(ResponseCode.SYSTEM_ERROR, "store put message failed");
        assertThatThrownBy(() -> ResponseInterpreter.interpret(refusal, QUEUE, "id"))
                .isExactlyInstanceOf(BrokerRejectedException.class)
                .satisfies(e -> assertThat(
                        ((BrokerRejectedException) e).isRetriable()).isTrue());
    }
}
