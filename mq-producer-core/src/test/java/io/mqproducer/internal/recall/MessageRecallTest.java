package io.mqproducer.internal.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.AccessDeniedException;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.RecallDisabledException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.testing.FakeServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The recall request on the wire, and what each broker answer becomes. */
class MessageRecallTest {
    private static final String HANDLE = Base64.getUrlEncoder().encodeToString(
            "v1 ns%orders broker-b 1767225600001 7F0000010001".getBytes(StandardCharsets.UTF_8));

    private final AtomicReference<RemotingCommand> recallRequest = new AtomicReference<>();

    /** A server that is name server and broker at once, answering the recall with {@code code} and {@code remark}. */
    private FakeServer server(String[] self, int code, String remark) throws Exception {
        return new FakeServer(FakeServer.broker(request -> {
            if (request.code() == RequestCode.GET_ROUTEINFO_BY_TOPIC) {
                String json = "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"" + self[0] + "\"},\"brokerName\":\"broker-b\"}],"
                        + "\"queueDatas\":[{\"brokerName\":\"broker-b\",\"perm\":6,\"writeQueueNums\":1}]}";
                return new RemotingCommand(0, RemotingCommand.FLAG_RESPONSE, request.opaque(), 1, "JAVA", null,
                        Map.of(), json.getBytes(StandardCharsets.UTF_8));
            }
            recallRequest.set(request);
            return RemotingCommand.responseTo(request, code, remark);
        }));
    }

    private void recall(int code, String remark) throws Exception {
        String[] self = new String[1];
        try (FakeServer server = server(self, code, remark)) {
            self[0] = server.address();
            try (Producer producer = Producer.create(ProducerOptions.builder(server.address()).namespace("ns")
                    .producerGroup("recallers").build()).start()) {
                producer.recall("orders", HANDLE);
            }
        }
    }

    @Test
    void theRequestNamesGroupTopicHandleAndTheHandlesBroker() throws Exception {
        recall(ResponseCode.SUCCESS, null);

        RemotingCommand request = recallRequest.get();
        assertThat(request.code()).isEqualTo(RequestCode.RECALL_MESSAGE);
        assertThat(request.extFields()).containsEntry("producerGroup", "ns%recallers")
                .containsEntry("topic", "ns%orders").containsEntry("recallHandle", HANDLE)
                .containsEntry("bname", "broker-b");
    }

    @Test
    void eachRefusalIsTyped() {
        assertThatThrownBy(() -> recall(ResponseCode.NO_PERMISSION, "recall failed, operation is forbidden"))
                .isInstanceOf(RecallDisabledException.class).hasMessageContaining("recallMessageEnable=true");
        assertThatThrownBy(() -> recall(ResponseCode.NO_PERMISSION, "no permission to access topic"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> recall(604, "recall failed, timestamp invalid"))
                .isInstanceOfSatisfying(BrokerRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(604);
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.getMessage()).contains("timestamp invalid");
                });
    }
}
