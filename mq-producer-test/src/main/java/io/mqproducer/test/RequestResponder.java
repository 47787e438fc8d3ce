package io.mqproducer.test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.utils.MessageUtil;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Answers request-reply requests the way RocketMQ applications do with the official client: a push consumer reads the
 * requests of one topic, and a producer sends each answer built with {@code MessageUtil.createReplyMessage} (which the
 * broker pushes to the requesting client).
 */
public final class RequestResponder implements AutoCloseable {
    private static final String GROUP_PREFIX = "responder-";

    private final DefaultMQPushConsumer consumer;
    private final DefaultMQProducer producer;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    private RequestResponder(String nameServer, String topic, Function<MessageExt, byte[]> answer) {
        String id = UUID.randomUUID().toString().replace("-", "");
        producer = new DefaultMQProducer(GROUP_PREFIX + "p-" + id);
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName(GROUP_PREFIX + "p-" + id);
        consumer = new DefaultMQPushConsumer(GROUP_PREFIX + id);
        consumer.setNamesrvAddr(nameServer);
        consumer.setInstanceName(GROUP_PREFIX + id);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setConsumeThreadMin(4);
        consumer.setConsumeThreadMax(4);
        try {
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                reply(messages, answer);
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            producer.start();
            consumer.start();
        } catch (MQClientException e) {
            close();
            throw new IllegalStateException("cannot start the responder for topic " + topic, e);
        }
    }

    /**
     * Starts answering every request on {@code topic} (from its first message) with the body {@code answer} returns.
     *
     * @param nameServer address such as {@code 127.0.0.1:9876}
     */
    public static RequestResponder start(String nameServer, String topic, Function<MessageExt, byte[]> answer) {
        return new RequestResponder(nameServer, topic, answer);
    }

    private void reply(List<MessageExt> requests, Function<MessageExt, byte[]> answer) {
        for (MessageExt request : requests) {
            try {
                Message reply = MessageUtil.createReplyMessage(request, answer.apply(request));
                producer.send(reply, 10_000);
                answered.incrementAndGet();
            } catch (Exception e) {
                // The requester sees no reply and times out; the count tells a test why.
                failed.incrementAndGet();
            }
        }
    }

    /** How many replies the broker accepted (and so pushed to their requesters). */
    public int answered() {
        return answered.get();
    }

    /** How many replies could not be sent (no requester connection known to the broker, for one). */
    public int failed() {
        return failed.get();
    }

    /** Stops the consumer and the producer (in the background, as their shutdown waits for idle threads). */
    @Override
    public void close() {
        Background.run("responder-close", () -> {
            consumer.shutdown();
            producer.shutdown();
        });
    }
}
