package io.mqproducer.internal.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.RequestReplyNotSupportedException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.message.Message;
import io.mqproducer.testing.FakeServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A RocketMQ 5 proxy serves routes and sends at one address and answers the reply request code with
 * REQUEST_CODE_NOT_SUPPORTED: a request through it fails at once, typed, before the request message is sent.
 */
class ProxyDetectionTest {

    @Test
    void aRequestThroughAProxyFailsAtOnceWithoutSending() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        AtomicInteger probes = new AtomicInteger();
        String[] self = new String[1];
        try (FakeServer proxy = new FakeServer(FakeServer.broker(request -> switch (request.code()) {
            case RequestCode.GET_ROUTEINFO_BY_TOPIC -> route(request, self[0]);
            case RequestCode.SEND_REPLY_MESSAGE_V2 -> {
                probes.incrementAndGet();
                yield RemotingCommand.responseTo(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                        "request type 325 not supported");
            }
            default -> {
                sends.incrementAndGet();
                yield RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "unexpected");
            }
        }))) {
            self[0] = proxy.address();
            try (Producer producer = Producer.create(ProducerOptions.builder(proxy.address()).build()).start()) {
                Message request = Message.of("orders", "ping".getBytes(StandardCharsets.UTF_8));
                long started = System.nanoTime();

                assertThatThrownBy(() -> producer.request(request, Duration.ofSeconds(30)).join())
                        .cause().isInstanceOf(RequestReplyNotSupportedException.class)
                        .hasMessageContaining(proxy.address()).hasMessageContaining("proxy");

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                assertThat(probes.get()).isEqualTo(1);
                assertThat(sends.get()).as("the request message was never sent").isZero();
                // A refusal is not remembered (the address may serve a broker later): the next request asks again.
                assertThatThrownBy(() -> producer.request(request, Duration.ofSeconds(30)).join())
                        .cause().isInstanceOf(RequestReplyNotSupportedException.class);
                assertThat(probes.get()).isEqualTo(2);
                assertThat(sends.get()).isZero();
            }
        }
    }

    /** The proxy's answer to a route request: every broker at the proxy's own address. */
    private static RemotingCommand route(RemotingCommand request, String address) {
        String json = "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"" + address + "\"},\"brokerName\":\"broker-a\","
                + "\"cluster\":\"c\"}],\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"writeQueueNums\":1,"
                + "\"readQueueNums\":1}]}";
        return new RemotingCommand(0, RemotingCommand.FLAG_RESPONSE, request.opaque(), 1, "JAVA", null, Map.of(),
                json.getBytes(StandardCharsets.UTF_8));
    }
}
