package io.mqproducer.test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/** The official RocketMQ producer with a group and instance name of its own, sending UTF-8 text bodies. */
final class TestProducer implements AutoCloseable {

    private final DefaultMQProducer producer;

    TestProducer(String nameServer) {
        String id = UUID.randomUUID().toString().replace("-", "");
        producer = new DefaultMQProducer("test-producer-" + id);
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName("test-producer-" + id);
        producer.setSendMsgTimeout(5_000);
        producer.setRetryTimesWhenSendFailed(0);
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code body} synchronously and fails unless the broker answers SEND_OK. */
    SendResult send(String topic, String body) throws Exception {
        SendResult result = producer.send(new Message(topic, body.getBytes(StandardCharsets.UTF_8)));
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new AssertionError("send of \"" + body + "\" to " + topic + " returned " + result);
        }
        return result;
    }

    /** Shuts the producer down in the background: the official client waits up to 3 s for an idle event thread. */
    @Override
    public void close() {
        Background.run("test-producer-close", producer::shutdown);
    }
}
